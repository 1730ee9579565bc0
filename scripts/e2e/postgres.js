// @ts-check
'use strict';

// A throw-away PostgreSQL for n8n, for measurements where n8n's SQLite is the limit (its single
// write lock): an installed PostgreSQL's own binaries run a new cluster in a temporary folder on a
// free 127.0.0.1 port (TCP only), trusting local connections, and the caller stops it. PostgreSQL refuses to
// run as root, so as root the cluster belongs to the `postgres` system user.

const fs = require('fs');
const os = require('os');
const path = require('path');
const { freePort, run, startProcess, waitFor } = require('./processes');

const INSTALL_ROOT = '/usr/lib/postgresql';

/** The newest installed PostgreSQL's bin folder, or undefined. */
function findPostgresBin() {
	if (!fs.existsSync(INSTALL_ROOT)) return undefined;
	const versions = fs.readdirSync(INSTALL_ROOT).filter((name) => /^\d+$/.test(name)).sort((a, b) => Number(b) - Number(a));
	return versions.map((version) => path.join(INSTALL_ROOT, version, 'bin')).find((bin) => fs.existsSync(path.join(bin, 'postgres')));
}

/**
 * As root, a command run as the `postgres` user; otherwise as it is.
 * @param {string} command
 * @param {string[]} args
 * @returns {[string, string[]]}
 */
function asOwner(command, args) {
	const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
	return isRoot ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];
}

/**
 * Starts the cluster; `env` is what n8n needs to use it (give it to every n8n command of the user
 * folder: imports, publishing and `n8n start`).
 * @param {{ log?: (line: string) => void }} [options]
 */
async function startPostgres(options = {}) {
	const log = options.log ?? ((line) => console.log(line));
	const bin = findPostgresBin();
	if (!bin) throw new Error(`No PostgreSQL under ${INSTALL_ROOT} (Debian/Ubuntu: apt-get install -y postgresql)`);
	const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zenvia-chat-postgres-'));
	/** @type {ReturnType<typeof startProcess> | undefined} */
	let server;
	const stop = async () => {
		await server?.stop();
		fs.rmSync(dataDir, { recursive: true, force: true });
	};
	try {
		// Writable by the `postgres` user; no Unix socket is opened in it (see below).
		fs.chmodSync(dataDir, 0o777);
		const cluster = path.join(dataDir, 'cluster');
		const [initCommand, initArgs] = asOwner(path.join(bin, 'initdb'), ['-D', cluster, '-U', 'postgres', '--auth=trust', '--no-sync']);
		const init = await run(initCommand, initArgs, { timeoutMs: 120_000 });
		if (init.code !== 0) throw new Error(`initdb failed (exit ${init.code}):\n${init.stdout}\n${init.stderr}`);

		const port = await freePort();
		const [command, args] = asOwner(path.join(bin, 'postgres'), [
			'-D', cluster, '-p', String(port), '-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=',
			// A measurement database that lives for one run: durability is not what is measured, and
			// its trust login is reachable from this machine only.
			'-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'max_connections=100',
		]);
		const started = startProcess(command, args, {});
		server = started;
		await waitFor('PostgreSQL to accept connections', async () => {
			if (started.child.exitCode !== null || started.child.signalCode !== null) throw new Error(`postgres exited early:\n${started.output()}`);
			const ready = await run(path.join(bin, 'pg_isready'), ['-h', '127.0.0.1', '-p', String(port)], { timeoutMs: 5_000 });
			return ready.code === 0;
		}, { timeoutMs: 60_000 });
		const created = await run(path.join(bin, 'createdb'), ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', 'n8n'], { timeoutMs: 30_000 });
		if (created.code !== 0) throw new Error(`createdb failed:\n${created.stderr}`);
		log(`PostgreSQL ${path.basename(path.dirname(bin))} on 127.0.0.1:${port}`);
		return {
			env: {
				DB_TYPE: 'postgresdb',
				DB_POSTGRESDB_HOST: '127.0.0.1',
				DB_POSTGRESDB_PORT: String(port),
				DB_POSTGRESDB_DATABASE: 'n8n',
				DB_POSTGRESDB_USER: 'postgres',
				DB_POSTGRESDB_PASSWORD: '',
			},
			stop,
		};
	} catch (error) {
		await stop();
		throw error;
	}
}

module.exports = { findPostgresBin, startPostgres };
