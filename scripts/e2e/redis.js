// @ts-check
'use strict';

// Redis for n8n's queue mode: Debian's redis-server, installed with apt-get when missing and
// allowed (root on a Debian-like system), started on a free 127.0.0.1 port with no persistence,
// stopped by the caller.

const { spawnSync } = require('child_process');
const fs = require('fs');
const net = require('net');
const os = require('os');
const path = require('path');
const { freePort, startProcess, waitFor } = require('./processes');

const REDIS_BINARIES = ['/usr/bin/redis-server', '/usr/local/bin/redis-server'];
const APT_TIMEOUT_MS = 10 * 60_000;

/** @returns {string | undefined} */
function findRedisServer() {
	return REDIS_BINARIES.find((file) => fs.existsSync(file));
}

/**
 * The path of redis-server, installing Debian's package when it is missing and this process may
 * (root, apt-get present); otherwise the reason there is none. Synchronous, so that a test file
 * can decide at load time whether its queue-mode cases run or are skipped with that reason.
 * @param {{ log?: (line: string) => void }} [options]
 * @returns {{ path: string } | { reason: string }}
 */
function ensureRedisServer(options = {}) {
	const log = options.log ?? ((line) => console.log(line));
	const found = findRedisServer();
	if (found) return { path: found };
	const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
	if (!isRoot || !fs.existsSync('/usr/bin/apt-get')) {
		return { reason: 'redis-server is not installed; install it (Debian/Ubuntu: apt-get install -y redis-server) to run the queue-mode test' };
	}
	log('Installing redis-server with apt-get');
	const apt = (/** @type {string[]} */ args) =>
		spawnSync('apt-get', args, { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }, encoding: 'utf8', timeout: APT_TIMEOUT_MS });
	apt(['update']);
	const install = apt(['install', '-y', '--no-install-recommends', 'redis-server']);
	const installed = findRedisServer();
	if (installed) return { path: installed };
	return { reason: `apt-get install -y redis-server failed (exit ${install.status}):\n${install.stderr}` };
}

/**
 * Answers whether a Redis server on 127.0.0.1:<port> replies +PONG to PING.
 * @param {number} port
 */
function pings(port) {
	return new Promise((resolve) => {
		const socket = net.connect(port, '127.0.0.1');
		let reply = '';
		socket.setTimeout(1000, () => socket.destroy());
		socket.on('connect', () => socket.write('PING\r\n'));
		socket.on('data', (chunk) => {
			reply += chunk;
			if (reply.includes('\r\n')) socket.end();
		});
		socket.on('close', () => resolve(reply.startsWith('+PONG')));
		socket.on('error', () => resolve(false));
	});
}

/**
 * Starts redis-server on a free loopback port, without saving anything to disk.
 * @param {string} redisServer its path
 * @returns {Promise<{ port: number, stop: () => Promise<void> }>}
 */
async function startRedis(redisServer) {
	const port = await freePort();
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zenvia-redis-'));
	const server = startProcess(
		redisServer,
		['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir],
		{},
	);
	const stop = async () => {
		await server.stop();
		fs.rmSync(dir, { recursive: true, force: true });
	};
	try {
		await waitFor(`redis-server on port ${port}`, async () => {
			if (server.child.exitCode !== null) throw new Error(`redis-server exited early:\n${server.output()}`);
			return pings(port);
		}, { timeoutMs: 15_000 });
	} catch (error) {
		await stop();
		throw error;
	}
	return { port, stop };
}

module.exports = { ensureRedisServer, startRedis };
