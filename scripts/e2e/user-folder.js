// @ts-check
'use strict';

// An n8n user folder holding this package exactly as a user's n8n holds an installed community
// package: the published files (an unpacked `npm pack`) under .n8n/nodes/node_modules/<name>,
// listed in .n8n/nodes/package.json. Node types are then `n8n-nodes-zenvia-chat.<nodeName>`.

const crypto = require('crypto');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { run } = require('./processes');
const { REPO_DIR } = require('./n8n');

const PACKAGE = JSON.parse(fs.readFileSync(path.join(REPO_DIR, 'package.json'), 'utf8'));

/** Node type names as workflows spell them. */
const NODE_TYPES = {
	zenviaChat: `${PACKAGE.name}.zenviaChat`,
	zenviaChatTrigger: `${PACKAGE.name}.zenviaChatTrigger`,
};

/**
 * Packs the built package (run `npm run build` first) and returns the tarball's path.
 * @param {string} destination
 */
async function packPackage(destination) {
	fs.mkdirSync(destination, { recursive: true });
	const result = await run('npm', ['pack', '--json', '--pack-destination', destination], { cwd: REPO_DIR, timeoutMs: 60_000 });
	if (result.code !== 0) throw new Error(`npm pack failed:\n${result.stdout}\n${result.stderr}`);
	const [{ filename }] = JSON.parse(result.stdout.slice(result.stdout.indexOf('[')));
	return path.join(destination, filename);
}

/**
 * Where the tests, the demo and the benchmarks keep the n8n user folder called `name`: outside the
 * checkout (see nodeModulesAbove), one per checkout so that two clones never share a database, in
 * the user's own state folder (private: the demo's may hold a real account's credential).
 * @param {string} name
 */
function userFolderFor(name) {
	const checkout = crypto.createHash('sha256').update(REPO_DIR).digest('hex').slice(0, 10);
	const state = process.env.XDG_STATE_HOME || path.join(os.homedir(), '.local', 'state');
	const parent = path.join(state, 'n8n-nodes-zenvia-chat', checkout);
	fs.mkdirSync(parent, { recursive: true, mode: 0o700 });
	return path.join(parent, name);
}

/**
 * The first node_modules folder above `folder`, if any. A user's n8n has none above its user
 * folder, so the installed package loads only what n8n gives it; below a checkout it would quietly
 * load the checkout's development copies (n8n-workflow above all) and tests would pass with modules
 * a user never has.
 * @param {string} folder
 */
function nodeModulesAbove(folder) {
	for (let dir = path.resolve(folder); ; dir = path.dirname(dir)) {
		const candidate = path.join(dir, 'node_modules');
		if (fs.existsSync(candidate)) return candidate;
		if (path.dirname(dir) === dir) return undefined;
	}
}

/**
 * Creates (or empties and recreates) `folder` with the package installed from `tarball`.
 * @param {string} folder becomes N8N_USER_FOLDER
 * @param {string} tarball from packPackage
 * @param {{ keepData?: boolean }} [options] keepData: replace only the installed package, keeping
 *   n8n's database (the demo's folder outlives each run)
 */
async function createUserFolder(folder, tarball, options = {}) {
	const above = nodeModulesAbove(folder);
	if (above) {
		throw new Error(`${above} is above the n8n user folder ${folder}: the installed package would load modules from it. Use a folder outside any project, e.g. userFolderFor().`);
	}
	const nodesDir = path.join(folder, '.n8n', 'nodes');
	fs.rmSync(options.keepData ? nodesDir : folder, { recursive: true, force: true });
	const packageDir = path.join(nodesDir, 'node_modules', PACKAGE.name);
	fs.mkdirSync(packageDir, { recursive: true });
	// npm pack puts everything under package/.
	const untar = await run('tar', ['-xzf', tarball, '-C', packageDir, '--strip-components=1'], { timeoutMs: 60_000 });
	if (untar.code !== 0) throw new Error(`Could not unpack ${tarball}:\n${untar.stderr}`);
	fs.writeFileSync(
		path.join(nodesDir, 'package.json'),
		`${JSON.stringify({ name: 'installed-nodes', private: true, dependencies: { [PACKAGE.name]: PACKAGE.version } }, null, 2)}\n`,
	);
	return folder;
}

/**
 * A throw-away folder for a tarball or for exported data.
 * @param {string} prefix
 */
function tempDir(prefix) {
	return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/**
 * Everything n8n's SQLite database in a user folder holds right now, its WAL or journal included,
 * as text: what a test looks for in stored executions (an error, a secret that must not be there).
 * @param {string} folder the n8n user folder (its .n8n holds the database)
 */
function storedText(folder) {
	const n8nFolder = path.join(folder, '.n8n');
	return fs
		.readdirSync(n8nFolder)
		.filter((name) => name.startsWith('database.sqlite'))
		.map((name) => readIfStillThere(path.join(n8nFolder, name)))
		.join('\n');
}

/** n8n 1.x's rollback journal comes and goes with each write: a file gone since listed reads as empty. */
function readIfStillThere(/** @type {string} */ file) {
	try {
		return fs.readFileSync(file).toString('utf8');
	} catch (error) {
		if (/** @type {NodeJS.ErrnoException} */ (error).code === 'ENOENT') return '';
		throw error;
	}
}

module.exports = { PACKAGE, NODE_TYPES, packPackage, createUserFolder, userFolderFor, tempDir, storedText };
