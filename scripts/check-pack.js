#!/usr/bin/env node
// @ts-check
'use strict';

// Checks that every file package.json's `n8n` section names (nodes and credentials) is in the
// published package. n8n loads exactly those paths from the installed package; one that is not in
// the tarball (a renamed node, a build that skipped it, `files` leaving it out) installs without an
// error and only fails when n8n loads the package. Run `npm run build` first.
//
//   node scripts/check-pack.js              what `npm pack` would publish now (a dry run)
//   node scripts/check-pack.js <tarball>    a packed tarball, against its own package.json

const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');

const REPO_DIR = path.resolve(__dirname, '..');
const COMMAND_TIMEOUT_MS = 120_000;

/**
 * The paths the `n8n` section names, each with the list it comes from.
 * @param {{ n8n?: { nodes?: unknown, credentials?: unknown } }} manifest a package.json
 * @returns {{ list: 'nodes' | 'credentials', file: string }[]}
 */
function n8nPaths(manifest) {
	/** @type {{ list: 'nodes' | 'credentials', file: string }[]} */
	const paths = [];
	for (const list of /** @type {const} */ (['nodes', 'credentials'])) {
		const entries = manifest.n8n?.[list] ?? [];
		if (!Array.isArray(entries)) throw new Error(`package.json's n8n.${list} is not a list`);
		for (const file of entries) {
			if (typeof file !== 'string') throw new Error(`package.json's n8n.${list} holds ${JSON.stringify(file)}, not a path`);
			paths.push({ list, file });
		}
	}
	return paths;
}

/** `./dist/a.js`, `dist/a.js` and `package/dist/a.js` (a tarball entry) are one file. @param {string} file */
function normalize(file) {
	return path.posix.normalize(file.replace(/\\/g, '/')).replace(/^\.\//, '').replace(/^package\//, '');
}

/**
 * What is wrong with a package's `n8n` section against the files it ships: the paths that are not
 * among `files`, and a section that names no node (n8n refuses such a package).
 * @param {{ n8n?: { nodes?: unknown, credentials?: unknown } }} manifest
 * @param {string[]} files the package's files, as `npm pack` lists them or as tarball entries
 * @returns {string[]} one sentence per problem; empty when the package is whole
 */
function packProblems(manifest, files) {
	const shipped = new Set(files.map(normalize));
	const paths = n8nPaths(manifest);
	const problems = paths
		.filter(({ file }) => !shipped.has(normalize(file)))
		.map(({ list, file }) => `n8n.${list} names ${file}, which is not in the package`);
	if (!paths.some(({ list }) => list === 'nodes')) problems.push('n8n.nodes names no node: n8n refuses a package without nodes');
	return problems;
}

/**
 * The files of a packed tarball and the package.json inside it.
 * @param {string} tarball
 */
function readTarball(tarball) {
	const options = { encoding: /** @type {const} */ ('utf8'), timeout: COMMAND_TIMEOUT_MS, maxBuffer: 64 * 1024 * 1024 };
	const files = execFileSync('tar', ['-tzf', tarball], options).split('\n').filter((line) => line && !line.endsWith('/'));
	const manifest = JSON.parse(execFileSync('tar', ['-xzOf', tarball, 'package/package.json'], options));
	return { files, manifest };
}

/** The files `npm pack` would publish from the checkout now, and the checkout's package.json. */
function readDryRun() {
	const env = { ...process.env };
	// `npm run` passes its settings on; a dry run needs none of them.
	for (const key of Object.keys(env)) if (key.toLowerCase().startsWith('npm_config_')) delete env[key];
	const stdout = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
		cwd: REPO_DIR,
		env,
		encoding: 'utf8',
		timeout: COMMAND_TIMEOUT_MS,
		maxBuffer: 64 * 1024 * 1024,
	});
	const [{ files }] = JSON.parse(stdout.slice(stdout.indexOf('[')));
	const manifest = JSON.parse(fs.readFileSync(path.join(REPO_DIR, 'package.json'), 'utf8'));
	return { files: files.map((/** @type {{ path: string }} */ entry) => entry.path), manifest };
}

/**
 * Checks a tarball, or the checkout's dry-run pack when none is given.
 * @param {string} [tarball]
 */
function checkPack(tarball) {
	const { files, manifest } = tarball ? readTarball(tarball) : readDryRun();
	return { problems: packProblems(manifest, files), paths: n8nPaths(manifest), files };
}

if (require.main === module) {
	const tarball = process.argv[2];
	const { problems, paths } = checkPack(tarball);
	const what = tarball ? path.basename(tarball) : 'npm pack (dry run)';
	if (problems.length > 0) {
		console.error(`${what}: the package is not whole:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
		console.error('Run npm run build first, and check package.json\'s "files" and "n8n" sections.');
		process.exit(1);
	}
	console.log(`${what}: all ${paths.length} paths of package.json's n8n section are in the package`);
}

module.exports = { n8nPaths, packProblems, checkPack };
