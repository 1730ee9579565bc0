// @ts-check
'use strict';

// Installing this package by name, the way a user's n8n does, with nothing leaving the machine.
//
// - A throw-away Verdaccio on 127.0.0.1 (installed once into the cache folder by
//   scripts/install-verdaccio.sh) holds the packed package. It has no uplink: a name it does not
//   hold is answered 404, never fetched from npmjs. Anyone may publish this package to it, nobody
//   anything else.
// - n8n 2.41.1 takes packages from another registry (N8N_COMMUNITY_PACKAGES_REGISTRY) only with an
//   Enterprise licence (getNpmRegistry in n8n's community-packages.service.ts), so an unlicensed
//   n8n, which is what users run, always installs from https://registry.npmjs.org. The
//   npmjs stand-in gives n8n that address: an HTTP proxy on 127.0.0.1, set as n8n's HTTPS_PROXY
//   (n8n and the npm it runs both honour it), answers https://registry.npmjs.org from the
//   Verdaccio, with a certificate for registry.npmjs.org signed by a throw-away CA that only the
//   n8n processes of the test trust (NODE_EXTRA_CA_CERTS, npm's cafile). Every other host n8n
//   tries to reach (its own api.n8n.io checks, for one) is refused and noted.

const { spawn } = require('child_process');
const crypto = require('crypto');
const fs = require('fs');
const http = require('http');
const https = require('https');
const os = require('os');
const path = require('path');
const { freePort, run, startProcess, waitFor } = require('./processes');

const REPO_DIR = path.resolve(__dirname, '..', '..');
const INSTALL_SCRIPT = path.join(REPO_DIR, 'scripts', 'install-verdaccio.sh');
const INSTALL_TIMEOUT_MS = 10 * 60_000;
const READY_TIMEOUT_MS = 30_000;
const NPM_TIMEOUT_MS = 120_000;
const UPSTREAM_TIMEOUT_MS = 60_000;
/** The registry an unlicensed n8n installs from; the stand-in answers for it. */
const NPMJS_HOST = 'registry.npmjs.org';

/**
 * The environment for an npm command run here: the caller's npm_config_* settings left out
 * (`npm run` passes the project's on, ignore-scripts and prefix among them).
 * @param {NodeJS.ProcessEnv} [extra]
 */
function npmEnv(extra = {}) {
	const env = { ...process.env };
	for (const key of Object.keys(env)) if (key.toLowerCase().startsWith('npm_config_')) delete env[key];
	return { ...env, ...extra };
}

/**
 * Installs the pinned Verdaccio into the cache folder if needed (scripts/install-verdaccio.sh);
 * resolves with its entry script.
 * @param {{ log?: (line: string) => void }} [options]
 * @returns {Promise<string>}
 */
function ensureVerdaccio(options = {}) {
	const log = options.log ?? ((line) => console.log(line));
	const started = Date.now();
	return new Promise((resolve, reject) => {
		const child = spawn('bash', [INSTALL_SCRIPT], { stdio: ['ignore', 'pipe', 'inherit'] });
		let stdout = '';
		child.stdout.setEncoding('utf8');
		child.stdout.on('data', (chunk) => (stdout += chunk));
		const timer = setTimeout(() => child.kill('SIGKILL'), INSTALL_TIMEOUT_MS);
		child.on('error', reject);
		child.on('close', (code) => {
			clearTimeout(timer);
			const entry = stdout.trim().split('\n').pop() ?? '';
			if (code !== 0 || !fs.existsSync(entry)) {
				reject(new Error(`${INSTALL_SCRIPT} failed (exit ${code})`));
				return;
			}
			log(`Verdaccio ready in ${path.dirname(path.dirname(entry))} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
			resolve(entry);
		});
	});
}

/**
 * Verdaccio's configuration: storage in `dir`, no uplinks, anonymous publishing of `packageName`
 * only (the other names need a logged-in user, and no user can be added), no web UI.
 * @param {string} dir
 * @param {string} packageName
 */
function verdaccioConfig(dir, packageName) {
	return [
		`storage: ${JSON.stringify(path.join(dir, 'storage'))}`,
		'auth:',
		'  htpasswd:',
		`    file: ${JSON.stringify(path.join(dir, 'htpasswd'))}`,
		'    max_users: -1',
		// No uplinks at all: what is not published here does not exist.
		'uplinks: {}',
		'packages:',
		`  ${JSON.stringify(packageName)}:`,
		'    access: $all',
		'    publish: $anonymous',
		'    unpublish: $anonymous',
		"  '**':",
		'    access: $all',
		'    publish: $authenticated',
		'    unpublish: $authenticated',
		'web:',
		'  enable: false',
		'log: { type: stdout, format: pretty, level: warn }',
		'',
	].join('\n');
}

/**
 * @typedef {object} LocalRegistry
 * @property {string} url e.g. http://127.0.0.1:4873
 * @property {() => string} output what Verdaccio printed
 * @property {() => Promise<void>} stop stops it and deletes its storage
 */

/**
 * Starts Verdaccio on a free 127.0.0.1 port, on this process's Node (Verdaccio 6.8 runs on 20).
 * @param {{ packageName: string, log?: (line: string) => void }} options
 * @returns {Promise<LocalRegistry>}
 */
async function startVerdaccio(options) {
	const entry = await ensureVerdaccio({ log: options.log });
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zenvia-chat-registry-'));
	fs.writeFileSync(path.join(dir, 'config.yaml'), verdaccioConfig(dir, options.packageName));
	const port = await freePort();
	const url = `http://127.0.0.1:${port}`;
	const server = startProcess(process.execPath, [entry, '--config', path.join(dir, 'config.yaml'), '--listen', `127.0.0.1:${port}`], {
		cwd: dir,
		env: npmEnv(),
	});
	const stop = async () => {
		await server.stop();
		fs.rmSync(dir, { recursive: true, force: true });
	};
	try {
		await waitFor(
			`Verdaccio at ${url}`,
			async () => {
				if (server.child.exitCode !== null) throw new Error(`Verdaccio exited early:\n${server.output()}`);
				const answer = await fetch(`${url}/-/ping`, { signal: AbortSignal.timeout(2000) }).catch(() => undefined);
				return answer?.status === 200;
			},
			{ timeoutMs: READY_TIMEOUT_MS },
		);
	} catch (error) {
		await stop();
		throw error;
	}
	return { url, output: server.output, stop };
}

/**
 * npm's `integrity` of a tarball (sha512, base64): what the registry lists as `dist.integrity`
 * and what n8n's N8N_COMMUNITY_PACKAGES takes as a package's `checksum`.
 * @param {string} tarball
 */
function integrityOf(tarball) {
	return `sha512-${crypto.createHash('sha512').update(fs.readFileSync(tarball)).digest('base64')}`;
}

/**
 * Publishes a packed tarball to the local registry as an anonymous user. npm refuses to publish
 * without a token for the registry, so it gets a placeholder one, which Verdaccio ignores.
 * @param {string} registryUrl
 * @param {string} tarball
 * @returns {Promise<{ integrity: string }>}
 */
async function publishTarball(registryUrl, tarball) {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zenvia-chat-publish-'));
	try {
		const npmrc = path.join(dir, 'npmrc');
		const { host } = new URL(registryUrl);
		fs.writeFileSync(npmrc, `//${host}/:_authToken=anonymous-publish-placeholder\n`);
		const result = await run('npm', ['publish', tarball, `--registry=${registryUrl}/`, `--userconfig=${npmrc}`, '--tag=latest'], {
			cwd: dir,
			env: npmEnv({ npm_config_cache: path.join(dir, 'cache') }),
			timeoutMs: NPM_TIMEOUT_MS,
		});
		if (result.code !== 0) throw new Error(`npm publish ${tarball} failed (exit ${result.code}):\n${result.stdout}\n${result.stderr}`);
		return { integrity: integrityOf(tarball) };
	} finally {
		fs.rmSync(dir, { recursive: true, force: true });
	}
}

/**
 * The same package under another version: the tarball unpacked into `destination`, its
 * package.json's version changed there (the repository's stays as it is), packed again.
 * @param {string} tarball
 * @param {string} version
 * @param {string} destination
 * @returns {Promise<string>} the new tarball
 */
async function repackWithVersion(tarball, version, destination) {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zenvia-chat-repack-'));
	try {
		const untar = await run('tar', ['-xzf', tarball, '-C', dir], { timeoutMs: 60_000 });
		if (untar.code !== 0) throw new Error(`Could not unpack ${tarball}:\n${untar.stderr}`);
		const packageDir = path.join(dir, 'package');
		const manifestFile = path.join(packageDir, 'package.json');
		const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8'));
		manifest.version = version;
		fs.writeFileSync(manifestFile, `${JSON.stringify(manifest, null, 2)}\n`);
		const packed = await run('npm', ['pack', '--json', '--pack-destination', destination], {
			cwd: packageDir,
			env: npmEnv({ npm_config_cache: path.join(dir, 'cache') }),
			timeoutMs: NPM_TIMEOUT_MS,
		});
		if (packed.code !== 0) throw new Error(`npm pack of version ${version} failed:\n${packed.stdout}\n${packed.stderr}`);
		const [{ filename }] = JSON.parse(packed.stdout.slice(packed.stdout.indexOf('[')));
		return path.join(destination, filename);
	} finally {
		fs.rmSync(dir, { recursive: true, force: true });
	}
}

/** The next patch version: 0.1.0 -> 0.1.1. @param {string} version */
function nextPatch(version) {
	const match = /^(\d+)\.(\d+)\.(\d+)$/.exec(version);
	if (!match) throw new Error(`Not a plain x.y.z version: ${version}`);
	return `${match[1]}.${match[2]}.${Number(match[3]) + 1}`;
}

/**
 * Why the npmjs stand-in cannot run here, or undefined when it can: it signs its certificate
 * with the openssl command. Synchronous, so a test file can skip its cases at load time.
 * @returns {string | undefined}
 */
function standInUnavailable() {
	const probe = require('child_process').spawnSync('openssl', ['version'], { encoding: 'utf8', timeout: 10_000 });
	if (probe.status === 0) return undefined;
	return 'the openssl command is missing (Debian/Ubuntu: apt-get install -y openssl); it signs the certificate of the local stand-in for registry.npmjs.org';
}

/**
 * A throw-away CA and a certificate for registry.npmjs.org signed by it, valid for two days.
 * @param {string} dir
 */
async function makeCertificates(dir) {
	const file = (/** @type {string} */ name) => path.join(dir, name);
	const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
	const steps = [
		['req', '-x509', ...ec, '-keyout', file('ca.key'), '-out', file('ca.pem'), '-days', '2',
			'-subj', '/CN=n8n-nodes-zenvia-chat throw-away test CA',
			'-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign'],
		['req', '-new', ...ec, '-keyout', file('host.key'), '-out', file('host.csr'), '-subj', `/CN=${NPMJS_HOST}`],
		['x509', '-req', '-in', file('host.csr'), '-CA', file('ca.pem'), '-CAkey', file('ca.key'), '-CAcreateserial',
			'-out', file('host.pem'), '-days', '2', '-extfile', file('host.ext')],
	];
	fs.writeFileSync(
		file('host.ext'),
		`subjectAltName=DNS:${NPMJS_HOST}\nbasicConstraints=CA:FALSE\nkeyUsage=digitalSignature\nextendedKeyUsage=serverAuth\n`,
	);
	for (const args of steps) {
		const result = await run('openssl', args, { cwd: dir, timeoutMs: 30_000 });
		if (result.code !== 0) throw new Error(`openssl ${args[0]} failed (exit ${result.code}):\n${result.stderr}`);
	}
	return { ca: file('ca.pem'), key: fs.readFileSync(file('host.key')), cert: fs.readFileSync(file('host.pem')) };
}

/**
 * @typedef {object} NpmjsStandIn
 * @property {string} proxyUrl the HTTP proxy, http://127.0.0.1:<port>
 * @property {string[]} served every request answered from the local registry: "GET /path -> 200"
 * @property {string[]} refused every other destination n8n tried, e.g. "api.n8n.io:443"
 * @property {(extra?: NodeJS.ProcessEnv) => NodeJS.ProcessEnv} env what an n8n process needs
 *   to install through it (give it to every n8n process of a test)
 * @property {() => Promise<void>} stop
 */

/**
 * Starts the stand-in for https://registry.npmjs.org in front of the local registry.
 * @param {{ registryUrl: string }} options
 * @returns {Promise<NpmjsStandIn>}
 */
async function startNpmjsStandIn(options) {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zenvia-chat-npmjs-'));
	const upstream = new URL(options.registryUrl);
	/** @type {string[]} */
	const served = [];
	/** @type {string[]} */
	const refused = [];
	/** @type {Set<import('net').Socket>} */
	const sockets = new Set();
	const track = (/** @type {import('net').Socket} */ socket) => {
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
		// A client that hangs up mid-answer is not the test's failure.
		socket.on('error', () => socket.destroy());
	};

	const { ca, key, cert } = await makeCertificates(dir);
	// The decrypted side: every request goes on to Verdaccio, which writes its tarball addresses
	// from the Host and X-Forwarded-Proto it is given, so they point back at https://registry.npmjs.org.
	const registrySide = https.createServer({ key, cert }, (req, res) => {
		const forwarded = http.request(
			{
				host: upstream.hostname,
				port: upstream.port,
				method: req.method,
				path: req.url,
				headers: { ...req.headers, host: NPMJS_HOST, 'x-forwarded-proto': 'https' },
				timeout: UPSTREAM_TIMEOUT_MS,
			},
			(answer) => {
				served.push(`${req.method} ${req.url} -> ${answer.statusCode}`);
				res.writeHead(answer.statusCode ?? 502, answer.headers);
				answer.pipe(res);
			},
		);
		forwarded.on('timeout', () => forwarded.destroy(new Error('the local registry did not answer in time')));
		forwarded.on('error', (error) => {
			served.push(`${req.method} ${req.url} -> failed: ${error.message}`);
			if (!res.headersSent) res.writeHead(502);
			res.end();
		});
		req.pipe(forwarded);
	});
	registrySide.on('secureConnection', track);

	const proxy = http.createServer((req, res) => {
		// A plain-http request through the proxy: nothing n8n needs for installing goes this way.
		refused.push(`${req.method} ${req.url}`);
		res.writeHead(403, { 'Content-Type': 'text/plain' }).end('Refused by the test: nothing leaves this machine\n');
	});
	proxy.on('connection', track);
	proxy.on('connect', (req, socket, head) => {
		if (req.url !== `${NPMJS_HOST}:443`) {
			refused.push(String(req.url));
			socket.end('HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n');
			return;
		}
		socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
		if (head.length > 0) socket.unshift(head);
		registrySide.emit('connection', socket);
	});

	const port = await freePort();
	await new Promise((resolve, reject) => {
		proxy.once('error', reject);
		proxy.listen(port, '127.0.0.1', () => resolve(undefined));
	});
	const proxyUrl = `http://127.0.0.1:${port}`;
	const emptyNpmrc = path.join(dir, 'npmrc');
	fs.writeFileSync(emptyNpmrc, '');

	return {
		proxyUrl,
		served,
		refused,
		env: (extra = {}) => {
			// The caller's npm settings are left out (see npmEnv); n8n passes its own to npm.
			/** @type {NodeJS.ProcessEnv} */
			const cleared = {};
			for (const name of Object.keys(process.env)) if (name.toLowerCase().startsWith('npm_config_')) cleared[name] = undefined;
			const noProxy = '127.0.0.1,localhost';
			return {
				...cleared,
				// Read by n8n's own HTTP client (proxy-from-env) and by the npm it runs.
				HTTPS_PROXY: proxyUrl,
				https_proxy: proxyUrl,
				HTTP_PROXY: proxyUrl,
				http_proxy: proxyUrl,
				NO_PROXY: noProxy,
				no_proxy: noProxy,
				NODE_EXTRA_CA_CERTS: ca,
				npm_config_https_proxy: proxyUrl,
				npm_config_proxy: proxyUrl,
				npm_config_noproxy: noProxy,
				npm_config_cafile: ca,
				// Nothing of the user's npm set-up takes part, and the stand-in's answers stay out of
				// the user's npm cache.
				npm_config_userconfig: emptyNpmrc,
				npm_config_cache: path.join(dir, 'npm-cache'),
				npm_config_update_notifier: 'false',
				...extra,
			};
		},
		stop: async () => {
			for (const socket of sockets) socket.destroy();
			await new Promise((resolve) => proxy.close(() => resolve(undefined)));
			await new Promise((resolve) => registrySide.close(() => resolve(undefined)));
			fs.rmSync(dir, { recursive: true, force: true });
		},
	};
}

module.exports = {
	NPMJS_HOST,
	ensureVerdaccio,
	startVerdaccio,
	publishTarball,
	repackWithVersion,
	integrityOf,
	nextPatch,
	standInUnavailable,
	startNpmjsStandIn,
};
