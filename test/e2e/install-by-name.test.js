// @ts-check
'use strict';

// The package installed by name, the ways docs/INSTALL.md tells users to install it, into fresh
// n8n instances that start without it: from the editor's Settings > Community Nodes (its REST
// calls, then an update to a newer version), from N8N_COMMUNITY_PACKAGES at start, and in queue
// mode, where the webhook process and the worker get it themselves. Each instance then runs a
// Zenvia Chat Trigger -> Zenvia Chat workflow against the emulator.
//
// n8n installs from https://registry.npmjs.org: an unlicensed n8n refuses any other registry (a
// case below proves it). A local stand-in answers for that address from a throw-away Verdaccio
// that holds only the packed package (scripts/e2e/registry.js); nothing leaves the machine.

const crypto = require('crypto');
const fs = require('fs');
const os = require('os');
const path = require('path');
const {
	NODE_TYPES,
	PACKAGE,
	REPO_DIR,
	ensureRedisServer,
	freePort,
	integrityOf,
	nextPatch,
	ownerEnv,
	packPackage,
	publishTarball,
	queueModeEnv,
	repackWithVersion,
	rest,
	restOk,
	signIn,
	standInUnavailable,
	startN8n,
	startNpmjsStandIn,
	startRedis,
	startVerdaccio,
	userFolderFor,
	waitFor,
	waitForWebhook,
} = require('../../scripts/e2e');
const { checkPack } = require('../../scripts/check-pack');
const { CHAT_TOKEN } = require('./setup/constants');
const { TOKEN } = require('./setup/requests');
const { emulator, runtime } = require('./setup/context');

const WORKFLOW = JSON.parse(fs.readFileSync(path.join(__dirname, 'install-by-name', 'workflow.json'), 'utf8'));
const WEBHOOK_PATH = `webhook/${WORKFLOW.nodes[0].webhookId}/zenvia-chat`;
const SECRET = 'install-by-name-secret';
const LOGIN = { email: 'owner@install-by-name.test', password: 'InstallByName123' };
const STARTED = { message: 'Workflow was started' };
const INSTALL_TIMEOUT_MS = 150_000;
const RUN_TIMEOUT_MS = 60_000;
/** A case starts one to three n8n processes and installs the package in each. */
const CASE_TIMEOUT_MS = 300_000;
const UPDATED_VERSION = nextPatch(PACKAGE.version);
const UNRECOGNIZED = /Unrecognized node type/;

const unavailable =
	runtime.major < 2
		? `n8n ${runtime.version} has no N8N_COMMUNITY_PACKAGES; this file covers the 2.x line`
		: standInUnavailable();
const redisServer = unavailable ? { reason: unavailable } : ensureRedisServer();
const describeIfAble = unavailable ? describe.skip : describe;
const describeWithRedis = 'path' in redisServer ? describe : describe.skip;
if (unavailable) process.stdout.write(`      Install by name skipped: ${unavailable}\n`);
else if ('reason' in redisServer) process.stdout.write(`      Install by name in queue mode skipped: ${redisServer.reason}\n`);

/** @type {Awaited<ReturnType<typeof startVerdaccio>> | undefined} */
let registry;
/** @type {Awaited<ReturnType<typeof startNpmjsStandIn>> | undefined} */
let npmjs;
/** @type {string} */
let packDir = '';
/** @type {{ file: string, integrity: string }} */
let released = { file: '', integrity: '' };
/** The newest version in the registry: the editor's case publishes the next patch. */
let latest = PACKAGE.version;
/**
 * Every n8n process a case started, stopped after it.
 * @type {import('../../scripts/e2e/n8n').N8nServer[]}
 */
let servers = [];

/** @param {string} line */
const say = (line) => process.stdout.write(`      ${line}\n`);

beforeAll(async () => {
	if (unavailable) return;
	const started = Date.now();
	registry = await startVerdaccio({ packageName: PACKAGE.name, log: say });
	packDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zenvia-chat-by-name-'));
	const tarball = await packPackage(packDir);
	await publishTarball(registry.url, tarball);
	released = { file: tarball, integrity: integrityOf(tarball) };
	npmjs = await startNpmjsStandIn({ registryUrl: registry.url });
	say(`registry with ${path.basename(tarball)} and the registry.npmjs.org stand-in ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
});

afterEach(async () => {
	await stopServers();
});

afterAll(async () => {
	await stopServers();
	if (npmjs) say(`hosts n8n tried to reach besides the registry, all refused: ${[...new Set(npmjs.refused)].join(', ') || 'none'}`);
	await npmjs?.stop();
	await registry?.stop();
	if (packDir) fs.rmSync(packDir, { recursive: true, force: true });
});

async function stopServers() {
	const running = servers;
	servers = [];
	// Workers and webhook processes before the main process they talk to.
	for (const server of running.reverse()) await server.stop();
}

/**
 * A fresh user folder (nothing installed, a new database) outside the checkout.
 * @param {string} name
 */
function freshFolder(name) {
	const folder = userFolderFor(`install-by-name-${name}`);
	fs.rmSync(folder, { recursive: true, force: true });
	fs.mkdirSync(folder, { recursive: true });
	return folder;
}

/**
 * An n8n process on `folder` that installs through the npmjs stand-in.
 * @param {string} folder
 * @param {NodeJS.ProcessEnv} env
 * @param {'start' | 'webhook' | 'worker'} [command]
 */
async function startInstance(folder, env, command = 'start') {
	if (!npmjs) throw new Error('set-up failed');
	const server = await startN8n(runtime, folder, { port: await freePort(), command, env: npmjs.env(env) });
	servers.push(server);
	return server;
}

/**
 * The installed package as n8n left it in a user folder.
 * @param {string} folder
 */
function installedManifest(folder) {
	const file = path.join(folder, '.n8n', 'nodes', 'node_modules', PACKAGE.name, 'package.json');
	return fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : undefined;
}

/**
 * The installed package holds the files this checkout built, byte for byte.
 * @param {string} folder
 */
function expectBuiltFiles(folder) {
	for (const file of [...PACKAGE.n8n.nodes, ...PACKAGE.n8n.credentials]) {
		const installed = path.join(folder, '.n8n', 'nodes', 'node_modules', PACKAGE.name, file);
		expect(fs.readFileSync(installed)).toEqual(fs.readFileSync(path.join(REPO_DIR, file)));
	}
}

/**
 * The two credentials and the workflow, made the way the editor makes them, then published.
 * @param {import('../../scripts/e2e/editor').Session} session
 */
async function setUpWorkflow(session) {
	const account = await restOk(session, 'POST', '/rest/credentials', {
		name: 'Zenvia emulator',
		type: 'zenviaChatApi',
		data: { chatApiToken: CHAT_TOKEN, clientSdkToken: '', environment: 'production', customBaseUrls: true, chatApiBaseUrl: emulator.url, whatsappApiBaseUrl: emulator.url, botApiBaseUrl: emulator.url },
	});
	const secret = await restOk(session, 'POST', '/rest/credentials', { name: 'Zenvia webhook secret', type: 'zenviaChatWebhookApi', data: { secret: SECRET } });
	const workflow = structuredClone(WORKFLOW);
	workflow.nodes[0].credentials.zenviaChatWebhookApi = { id: secret.id, name: secret.name };
	workflow.nodes[1].credentials.zenviaChatApi = { id: account.id, name: account.name };
	const created = await restOk(session, 'POST', '/rest/workflows', workflow);
	await restOk(session, 'POST', `/rest/workflows/${created.id}/activate`, { versionId: created.versionId });
	return /** @type {string} */ (created.id);
}

/** Starts an interaction through the emulator's Chat API, as a CRM would. */
async function startInteraction() {
	const answer = await fetch(`${emulator.url}/core/api/v1/interactions`, {
		method: 'POST',
		headers: { 'Content-Type': 'application/json' },
		body: JSON.stringify({ token: CHAT_TOKEN, department_id: 1 }),
		signal: AbortSignal.timeout(10_000),
	});
	const { data } = await answer.json();
	return /** @type {string} */ (data.interaction_hash);
}

/**
 * An agent accepts an interaction: the emulator posts the event to the trigger at `baseUrl`, and
 * the workflow's Update must reach the emulator with the note.
 * @param {string} baseUrl where production webhooks are served
 */
async function acceptAndExpectNote(baseUrl) {
	const hash = await startInteraction();
	await emulator.clearRequests();
	const { delivered } = await emulator.agent('accept', { interactionHash: hash, target: `${baseUrl}/${WEBHOOK_PATH}?secret=${SECRET}` });
	expect({ status: delivered[0]?.status, body: delivered[0]?.body }).toEqual({ status: 200, body: STARTED });
	/** @type {import('../../scripts/e2e/emulator-client').LoggedRequest | undefined} */
	let update;
	await waitFor(
		'the Update of the accepted interaction',
		async () => {
			update = (await emulator.requests()).find((request) => request.method === 'PUT');
			return update !== undefined;
		},
		{ timeoutMs: RUN_TIMEOUT_MS },
	);
	expect(update?.path).toBe(`/core/api/v1/interactions/${hash}`);
	expect(update?.body).toEqual({ note: 'Installed by name: accepted', token: TOKEN });
}

/**
 * Waits until n8n has stored `count` successful executions of the workflow.
 * @param {import('../../scripts/e2e/editor').Session} session
 * @param {string} workflowId
 * @param {number} count
 */
async function expectSuccessfulExecutions(session, workflowId, count) {
	const filter = encodeURIComponent(JSON.stringify({ workflowId }));
	/** @type {string[]} */
	let statuses = [];
	await waitFor(
		`${count} successful executions`,
		async () => {
			const answer = await restOk(session, 'GET', `/rest/executions?filter=${filter}`);
			statuses = (answer?.results ?? []).map((/** @type {{ status: string }} */ execution) => execution.status);
			return statuses.filter((status) => status === 'success').length >= count;
		},
		{ timeoutMs: RUN_TIMEOUT_MS },
	).catch((error) => {
		throw new Error(`${error.message}; executions stored: ${JSON.stringify(statuses)}`);
	});
	expect(statuses).toEqual(Array(count).fill('success'));
}

/**
 * What n8n lists under Settings > Community Nodes.
 * @param {import('../../scripts/e2e/editor').Session} session
 */
async function listedPackages(session) {
	const packages = await restOk(session, 'GET', '/rest/community-packages', undefined, { timeoutMs: INSTALL_TIMEOUT_MS });
	return packages.map((/** @type {any} */ entry) => ({
		packageName: entry.packageName,
		installedVersion: entry.installedVersion,
		updateAvailable: entry.updateAvailable,
		failedLoading: entry.failedLoading,
		nodes: entry.installedNodes.map((/** @type {{ type: string }} */ node) => node.type).sort(),
	}));
}

/**
 * The Community Nodes list with this package at `version`.
 * @param {string} version
 * @param {string} [updateAvailable] the newer version the screen offers; by default the newest
 *   in the registry when that is another one
 */
const listing = (version, updateAvailable = latest === version ? undefined : latest) => [
	{ packageName: PACKAGE.name, installedVersion: version, updateAvailable, failedLoading: false, nodes: [NODE_TYPES.zenviaChat, NODE_TYPES.zenviaChatTrigger].sort() },
];

/**
 * What an install or an update answered (the package as n8n recorded it) is this package at
 * `version`, with both node types. Read from the answer rather than from the list: listing runs
 * npm (`npm outdated`) each time.
 * @param {any} answer
 * @param {string} version
 */
function expectRecorded(answer, version) {
	expect({
		packageName: answer.packageName,
		installedVersion: answer.installedVersion,
		nodes: answer.installedNodes.map((/** @type {{ type: string }} */ node) => node.type).sort(),
	}).toEqual({ packageName: PACKAGE.name, installedVersion: version, nodes: [NODE_TYPES.zenviaChat, NODE_TYPES.zenviaChatTrigger].sort() });
}

/** How many tarballs n8n has downloaded through the stand-in so far. */
function tarballDownloads() {
	return (npmjs?.served ?? []).filter((line) => line.startsWith(`GET /${PACKAGE.name}/-/`)).length;
}

/** The tarball of a version was fetched from the local registry through the stand-in. @param {string} version */
function expectServed(version) {
	expect(npmjs?.served).toContain(`GET /${PACKAGE.name}/-/${PACKAGE.name}-${version}.tgz -> 200`);
}

describeIfAble('n8n-nodes-zenvia-chat installed by name', () => {
	it('is published whole: the local registry holds it, with every path of its n8n section', async () => {
		if (!registry) throw new Error('set-up failed');
		const { problems, paths } = checkPack(released.file);
		expect(problems).toEqual([]);
		expect(paths).toHaveLength(PACKAGE.n8n.nodes.length + PACKAGE.n8n.credentials.length);

		const listed = await (await fetch(`${registry.url}/${PACKAGE.name}`, { signal: AbortSignal.timeout(10_000) })).json();
		expect(Object.keys(listed.versions)).toEqual([PACKAGE.version]);
		expect(listed.versions[PACKAGE.version].dist.integrity).toBe(released.integrity);
		// No uplink: a name it does not hold is not fetched from npmjs.
		expect((await fetch(`${registry.url}/n8n-workflow`, { signal: AbortSignal.timeout(10_000) })).status).toBe(404);
		// Anonymous publishing is for this package only.
		const other = await fetch(`${registry.url}/some-other-package`, {
			method: 'PUT',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify({ name: 'some-other-package', versions: {} }),
			signal: AbortSignal.timeout(10_000),
		});
		expect([401, 403]).toContain(other.status);
	});

	it('is refused from another registry without an Enterprise licence (N8N_COMMUNITY_PACKAGES_REGISTRY)', async () => {
		if (!registry) throw new Error('set-up failed');
		const server = await startInstance(freshFolder('registry'), { ...ownerEnv(runtime, LOGIN), N8N_COMMUNITY_PACKAGES_REGISTRY: registry.url });
		const session = await signIn(server.url, LOGIN);
		const answer = await rest(session, 'POST', '/rest/community-packages', { name: PACKAGE.name }, { timeoutMs: INSTALL_TIMEOUT_MS });
		expect(answer.status).toBe(500);
		expect(answer.text).toContain('Your license does not allow for feat:communityNodes:customRegistry');
		expect(await listedPackages(session)).toEqual([]);
	});

	it('installs from Settings > Community Nodes, runs, then updates to a newer version and still runs', async () => {
		if (!registry) throw new Error('set-up failed');
		const folder = freshFolder('editor');
		const server = await startInstance(folder, ownerEnv(runtime, LOGIN));
		const session = await signIn(server.url, LOGIN);
		expect(await listedPackages(session)).toEqual([]);

		// The Install dialog: the package name only, risk accepted.
		const installed = await restOk(session, 'POST', '/rest/community-packages', { name: PACKAGE.name }, { timeoutMs: INSTALL_TIMEOUT_MS });
		expectRecorded(installed, PACKAGE.version);
		expect(installedManifest(folder)?.version).toBe(PACKAGE.version);
		expectBuiltFiles(folder);
		expectServed(PACKAGE.version);

		const workflowId = await setUpWorkflow(session);
		await waitForWebhook(`${server.url}/${WEBHOOK_PATH}`);
		await acceptAndExpectNote(server.url);
		await expectSuccessfulExecutions(session, workflowId, 1);

		// A newer release: same code, the next patch version.
		const newer = await repackWithVersion(released.file, UPDATED_VERSION, packDir);
		await publishTarball(registry.url, newer);
		latest = UPDATED_VERSION;
		// The list shows the update, as the screen's Update button does; then the button's call.
		expect(await listedPackages(session)).toEqual(listing(PACKAGE.version, UPDATED_VERSION));
		const updated = await restOk(session, 'PATCH', '/rest/community-packages', { name: PACKAGE.name }, { timeoutMs: INSTALL_TIMEOUT_MS });
		expectRecorded(updated, UPDATED_VERSION);
		expect(installedManifest(folder)?.version).toBe(UPDATED_VERSION);
		expectServed(UPDATED_VERSION);

		await acceptAndExpectNote(server.url);
		await expectSuccessfulExecutions(session, workflowId, 2);
		expect(server.output()).not.toMatch(UNRECOGNIZED);
	}, CASE_TIMEOUT_MS);

	it('installs from N8N_COMMUNITY_PACKAGES at start, pinned with its checksum, and runs', async () => {
		const folder = freshFolder('env');
		const server = await startInstance(folder, {
			...ownerEnv(runtime, LOGIN),
			N8N_COMMUNITY_PACKAGES_MANAGED_BY_ENV: 'true',
			N8N_COMMUNITY_PACKAGES: JSON.stringify([{ name: PACKAGE.name, version: PACKAGE.version, checksum: released.integrity }]),
		});
		const session = await signIn(server.url, LOGIN);
		expect(await listedPackages(session)).toEqual(listing(PACKAGE.version));
		expect(installedManifest(folder)?.version).toBe(PACKAGE.version);
		expectBuiltFiles(folder);
		expect(server.output()).toContain(`Installed community package '${PACKAGE.name}@${PACKAGE.version}' from env`);
		// Managed by the environment, the editor's Install is refused.
		const fromEditor = await rest(session, 'POST', '/rest/community-packages', { name: PACKAGE.name });
		expect(fromEditor.status).toBe(400);
		expect(fromEditor.text).toContain('Community packages are managed via environment variables');

		const workflowId = await setUpWorkflow(session);
		await waitForWebhook(`${server.url}/${WEBHOOK_PATH}`);
		await acceptAndExpectNote(server.url);
		await expectSuccessfulExecutions(session, workflowId, 1);
		expect(server.output()).not.toMatch(UNRECOGNIZED);
	}, CASE_TIMEOUT_MS);

	it('refuses N8N_COMMUNITY_PACKAGES whose checksum does not match the published tarball', async () => {
		const before = tarballDownloads();
		const wrong = `sha512-${crypto.createHash('sha512').update('not the published tarball').digest('base64')}`;
		const server = await startInstance(freshFolder('env-checksum'), {
			...ownerEnv(runtime, LOGIN),
			N8N_COMMUNITY_PACKAGES_MANAGED_BY_ENV: 'true',
			N8N_COMMUNITY_PACKAGES: JSON.stringify([{ name: PACKAGE.name, version: PACKAGE.version, checksum: wrong }]),
		});
		// n8n words it "Checksum verification failed" or "Failed to verify package checksum",
		// depending on which of its two ways of reading the registry's integrity ran last.
		expect(server.output()).toMatch(new RegExp(`Failed to install community package '${PACKAGE.name}@${PACKAGE.version}' from env: [^\\n]*checksum`, 'i'));
		expect(await listedPackages(await signIn(server.url, LOGIN))).toEqual([]);
		// Refused before the tarball was downloaded.
		expect(tarballDownloads()).toBe(before);
	});

	describeWithRedis('in queue mode', () => {
		/** @type {{ port: number, stop: () => Promise<void> } | undefined} */
		let redis;

		afterAll(async () => {
			await redis?.stop();
		});

		it('the main process installs from N8N_COMMUNITY_PACKAGES, the webhook process and the worker reinstall it, and the worker runs', async () => {
			if (!('path' in redisServer)) throw new Error('no redis-server');
			redis = await startRedis(redisServer.path);
			// One database for all three, as in production; each process its own ~/.n8n, as each
			// container of a Docker set-up has.
			const database = path.join(freshFolder('queue-database'), 'database.sqlite');
			const queue = { ...queueModeEnv(redis.port), DB_SQLITE_DATABASE: database };
			const folders = { main: freshFolder('queue-main'), webhook: freshFolder('queue-webhook'), worker: freshFolder('queue-worker') };
			const downloadsBefore = tarballDownloads();
			const main = await startInstance(folders.main, {
				...queue,
				...ownerEnv(runtime, LOGIN),
				N8N_COMMUNITY_PACKAGES_MANAGED_BY_ENV: 'true',
				N8N_COMMUNITY_PACKAGES: JSON.stringify([{ name: PACKAGE.name, version: PACKAGE.version, checksum: released.integrity }]),
			});
			const session = await signIn(main.url, LOGIN);
			const workflowId = await setUpWorkflow(session);

			// n8n reads N8N_COMMUNITY_PACKAGES in `n8n start` only; the other processes install at
			// start what the shared database lists, when told to.
			const others = { ...queue, N8N_REINSTALL_MISSING_PACKAGES: 'true' };
			const [webhook, worker] = await Promise.all([
				startInstance(folders.webhook, others, 'webhook'),
				startInstance(folders.worker, others, 'worker'),
			]);
			// Each process downloaded the package into its own folder.
			for (const folder of Object.values(folders)) {
				expect(installedManifest(folder)?.version).toBe(PACKAGE.version);
				expectBuiltFiles(folder);
			}
			expect(tarballDownloads() - downloadsBefore).toBeGreaterThanOrEqual(3);

			await waitForWebhook(`${webhook.url}/${WEBHOOK_PATH}`);
			await acceptAndExpectNote(webhook.url);
			await expectSuccessfulExecutions(session, workflowId, 1);
			await waitFor('the worker to log the execution', async () => /Worker finished execution \d+/.test(worker.output()), { timeoutMs: RUN_TIMEOUT_MS });
			for (const server of [main, webhook, worker]) expect(server.output()).not.toMatch(UNRECOGNIZED);
		}, CASE_TIMEOUT_MS);
	});
});
