// @ts-check
'use strict';

// Child processes with a bounded life: every run has a timeout, every long-lived process is
// killed with its whole process group (n8n starts children of its own), also on an early exit.

const { spawn } = require('child_process');
const fs = require('fs');
const net = require('net');
const os = require('os');
const path = require('path');

/** @type {Set<import('child_process').ChildProcess>} */
const running = new Set();

/**
 * Kills the child and whatever it started (its process group), even when the child itself is gone.
 * @param {import('child_process').ChildProcess} child
 */
function killGroup(child) {
	if (child.pid === undefined) return;
	try {
		process.kill(-child.pid, 'SIGKILL');
	} catch {
		// Already gone.
	}
}

function killAll() {
	for (const child of running) killGroup(child);
}

// Children run in their own process groups, so Ctrl-C does not reach them: take them down on the
// way out, then let the signal do what it would have done. A caller that listens for the signal
// itself (the demo stops n8n gracefully) keeps it.
process.on('exit', killAll);
for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) {
	process.once(signal, () => {
		if (process.listenerCount(signal) > 0) return;
		killAll();
		process.kill(process.pid, signal);
	});
}

/**
 * @typedef {object} RunResult
 * @property {number | null} code
 * @property {NodeJS.Signals | null} signal what ended it, when a signal did
 * @property {string} stdout
 * @property {string} stderr
 * @property {number} ms
 */

/**
 * Runs a command to its end, or kills it after `timeoutMs`. Its output goes to files, not pipes:
 * a process that calls process.exit() right after printing (n8n does) loses what is still queued
 * in a pipe, while writes to a file are synchronous.
 * @param {string} command
 * @param {string[]} args
 * @param {{ env?: NodeJS.ProcessEnv, cwd?: string, timeoutMs: number }} options
 * @returns {Promise<RunResult>}
 */
function run(command, args, options) {
	const started = Date.now();
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zenvia-run-'));
	const outFd = fs.openSync(path.join(dir, 'stdout'), 'w');
	const errFd = fs.openSync(path.join(dir, 'stderr'), 'w');
	const collect = () => {
		fs.closeSync(outFd);
		fs.closeSync(errFd);
		const stdout = fs.readFileSync(path.join(dir, 'stdout'), 'utf8');
		const stderr = fs.readFileSync(path.join(dir, 'stderr'), 'utf8');
		fs.rmSync(dir, { recursive: true, force: true });
		return { stdout, stderr };
	};
	return new Promise((resolve, reject) => {
		const child = spawn(command, args, { env: options.env, cwd: options.cwd, detached: true, stdio: ['ignore', outFd, errFd] });
		running.add(child);
		const timer = setTimeout(() => {
			killGroup(child);
		}, options.timeoutMs);
		child.on('error', (error) => {
			clearTimeout(timer);
			running.delete(child);
			collect();
			reject(error);
		});
		child.on('close', (code, signal) => {
			clearTimeout(timer);
			// Whatever it left behind goes too.
			killGroup(child);
			running.delete(child);
			const { stdout, stderr } = collect();
			if (signal !== null && Date.now() - started >= options.timeoutMs) {
				reject(new Error(`${command} ${args.join(' ')} did not finish within ${options.timeoutMs} ms\n${stdout}\n${stderr}`));
				return;
			}
			resolve({ code, signal, stdout, stderr, ms: Date.now() - started });
		});
	});
}

/**
 * @typedef {object} LongRunning
 * @property {import('child_process').ChildProcess} child
 * @property {() => string} output what it printed so far (stdout and stderr)
 * @property {(graceMs?: number) => Promise<void>} stop SIGTERM, then SIGKILL after a grace period (10 s unless given)
 */

/**
 * Starts a server-like process that runs until stopped.
 * @param {string} command
 * @param {string[]} args
 * @param {{ env?: NodeJS.ProcessEnv, cwd?: string }} options
 * @returns {LongRunning}
 */
function startProcess(command, args, options) {
	const child = spawn(command, args, { env: options.env, cwd: options.cwd, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
	running.add(child);
	let output = '';
	// Decoded as streams: a chunk may end inside a multi-byte character of an item's text.
	child.stdout?.setEncoding('utf8');
	child.stderr?.setEncoding('utf8');
	child.stdout?.on('data', (chunk) => (output += chunk));
	child.stderr?.on('data', (chunk) => (output += chunk));
	const exited = new Promise((resolve) => child.on('close', resolve));
	exited.then(() => running.delete(child));
	return {
		child,
		output: () => output,
		stop: async (graceMs = 10_000) => {
			try {
				process.kill(-(/** @type {number} */ (child.pid)), 'SIGTERM');
			} catch {
				// The group is gone already.
			}
			const grace = new Promise((resolve) => setTimeout(resolve, graceMs).unref());
			await Promise.race([exited, grace]);
			killGroup(child);
			await exited;
			running.delete(child);
		},
	};
}

/**
 * A port free on 127.0.0.1 right now (the OS picks it).
 * @returns {Promise<number>}
 */
function freePort() {
	return new Promise((resolve, reject) => {
		const server = net.createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = /** @type {net.AddressInfo} */ (server.address());
			server.close(() => resolve(address.port));
		});
	});
}

/**
 * Polls `check` until it returns true, or fails after `timeoutMs`; an error thrown by `check` ends
 * the wait at once.
 * @param {string} what
 * @param {() => Promise<boolean>} check
 * @param {{ timeoutMs: number, intervalMs?: number }} options
 */
async function waitFor(what, check, options) {
	const deadline = Date.now() + options.timeoutMs;
	while (Date.now() < deadline) {
		if (await check()) return;
		await new Promise((resolve) => setTimeout(resolve, options.intervalMs ?? 250));
	}
	throw new Error(`Timed out after ${options.timeoutMs} ms waiting for ${what}`);
}

module.exports = { run, startProcess, freePort, waitFor };
