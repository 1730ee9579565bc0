#!/usr/bin/env node
// @ts-check
'use strict';

// npm run bench [-- --small]   (or BENCH_SIZE=small)
//
// Runs the Zenvia Chat nodes and what a user would build instead with n8n's own nodes, side by
// side in one real n8n (installed by scripts/install-n8n.sh) against the local emulator on
// 127.0.0.1, scenarios interleaved, several rounds; writes docs/BENCHMARKS.md with medians.
// --small only proves the command works (CI): few items, one round, figures not meaningful.
// --report .n8n-bench/results.json rewrites the document from a finished run.

const { execFileSync } = require('child_process');
const fs = require('fs');
const http = require('http');
const os = require('os');
const path = require('path');
const { startEmulator } = require('../emulator');
const e2e = require('./e2e');
const { CREDENTIAL, actionWorkflow, triggerWorkflow, TRIGGER_PATHS } = require('./bench/workflows');
const { report } = require('./bench/report');
const { waitsWorkflow, measureWaitLatency, TRIGGER_WEBHOOK_ID } = require('./bench/waits');
const { startRecorder } = require('./e2e/recorder');

const SMALL = process.argv.includes('--small') || process.env.BENCH_SIZE === 'small';
const SIZE = SMALL
	? { label: 'small (CI check; figures not meaningful)', sends: 40, serial: 20, warmUpItems: 20, rounds: 1, cpuRounds: 1, records: 3000, events: 5, limitedSends: 60, waitSamples: 3 }
	: { label: 'full', sends: 1000, serial: 300, warmUpItems: 300, rounds: 3, cpuRounds: 15, records: 100_000, events: 60, limitedSends: 1000, waitSamples: 40 };
const LATENCY_MS = 20;
/** How long after a run's answer n8n's CPU is read: long enough for it to save the execution. */
const CPU_SETTLE_MS = 250;
const RATE_LIMIT = 50;
const TOKEN = 'bench-chat-api-token-0123456789';
const SDK_TOKEN = 'bench-client-sdk-token-0123456789';
const OUTPUT = path.join(e2e.REPO_DIR, SMALL ? path.join('.n8n-bench', 'BENCHMARKS.small.md') : path.join('docs', 'BENCHMARKS.md'));
const WORK_DIR = path.join(e2e.REPO_DIR, '.n8n-bench');

const log = (/** @type {string} */ line) => console.log(`[bench] ${line}`);
// A scenario the quick check skips has no values: its median is NaN, not a crash.
const median = (/** @type {number[] | undefined} */ values = []) => {
	if (values.length === 0) return NaN;
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

function gitCommit() {
	try {
		const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: e2e.REPO_DIR, encoding: 'utf8' }).trim();
		const dirty = execFileSync('git', ['status', '--porcelain', '--', 'nodes', 'credentials'], { cwd: e2e.REPO_DIR, encoding: 'utf8' }).trim();
		return dirty ? `${commit} with uncommitted changes` : commit;
	} catch {
		return undefined;
	}
}

/** The Zenvia Chat node's default Requests in Flight, as built into dist/ (what n8n runs). */
function defaultInFlight() {
	try {
		return require(path.join(e2e.REPO_DIR, 'dist', 'nodes', 'ZenviaChat', 'actions', 'batching.js')).DEFAULT_REQUESTS_IN_FLIGHT;
	} catch {
		return undefined;
	}
}

/** CPU time (user + system) of a process, in ms, from /proc. */
function cpuMs(/** @type {number} */ pid) {
	const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
	const ticks = Number(fields[11]) + Number(fields[12]);
	return (ticks * 1000) / 100;
}
function rssMb(/** @type {number} */ pid) {
	const match = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
	return match ? Number(match[1]) / 1024 : 0;
}

/** POSTs JSON and waits for the answer; returns status and seconds. */
async function post(/** @type {string} */ url, /** @type {unknown} */ body, timeoutMs = 300_000) {
	const started = process.hrtime.bigint();
	const answer = await fetch(url, {
		method: 'POST',
		headers: { 'Content-Type': 'application/json' },
		body: JSON.stringify(body),
		signal: AbortSignal.timeout(timeoutMs),
	});
	const text = await answer.text();
	return { status: answer.status, text, seconds: Number(process.hrtime.bigint() - started) / 1e9 };
}

/**
 * Runs one webhook call; when n8n refuses it at once with 503 (its database check failing under
 * load: "Database is not ready!"), waits until n8n is ready again and calls again, so a run is
 * never recorded for a workflow that did not start.
 */
async function startRun(/** @type {string} */ base, /** @type {string} */ url, /** @type {unknown} */ body) {
	for (let attempt = 1; ; attempt++) {
		const answer = await post(url, body);
		if (answer.status !== 503 || attempt === 5) return answer;
		log(`n8n answered 503 (${answer.text.slice(0, 80)}); waiting for it to be ready, then running again`);
		await e2e.waitFor(
			'n8n to be ready again',
			async () => (await fetch(`${base}/healthz/readiness`, { signal: AbortSignal.timeout(2000) }).catch(() => undefined))?.status === 200,
			{ timeoutMs: 180_000 },
		);
	}
}

/** The bare round trip: the same POST from a plain Node client, a new connection each time as n8n makes. */
async function bareRoundTripMs(/** @type {string} */ url, /** @type {string} */ hash, /** @type {number} */ count) {
	const body = JSON.stringify({ token: TOKEN, content: 'bare', type: 'text' });
	const once = () =>
		new Promise((resolve, reject) => {
			const request = http.request(`${url}/core/api/v1/interactions/${hash}/messages`, {
				method: 'POST',
				agent: false,
				headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) },
			});
			request.on('response', (response) => {
				response.resume();
				response.on('end', resolve);
			});
			request.on('error', reject);
			request.end(body);
		});
	const started = process.hrtime.bigint();
	for (let i = 0; i < count; i++) await once();
	return Number(process.hrtime.bigint() - started) / 1e6 / count;
}

async function main() {
	const startedAt = new Date();
	log(`size: ${SIZE.label}`);
	const emu = await startEmulator({ token: TOKEN, clientSdkToken: SDK_TOKEN, records: SIZE.records, host: '127.0.0.1' });
	const recorder = await startRecorder();
	const api = { baseUrl: emu.url, token: TOKEN };

	fs.rmSync(WORK_DIR, { recursive: true, force: true });
	const workflowsDir = path.join(WORK_DIR, 'workflows');
	fs.mkdirSync(workflowsDir, { recursive: true });
	const workflows = [actionWorkflow(api), triggerWorkflow(), waitsWorkflow({ recorderUrl: recorder.url, credentials: CREDENTIAL })];
	for (const workflow of workflows) fs.writeFileSync(path.join(workflowsDir, `${workflow.id}.json`), JSON.stringify(workflow));
	const folder = e2e.userFolderFor('bench');
	const credential = {
		id: 'benchZenviaCred',
		name: 'Zenvia Chat (benchmark emulator)',
		type: 'zenviaChatApi',
		data: { chatApiToken: TOKEN, clientSdkToken: SDK_TOKEN, environment: 'production', customBaseUrls: true, chatApiBaseUrl: emu.url, whatsappApiBaseUrl: emu.url, botApiBaseUrl: emu.url },
	};
	const runtime = await e2e.prepareN8n({ folder, credentials: [credential], workflowsDir, log });
	for (const workflow of workflows) await e2e.publishWorkflow(runtime, folder, workflow.id);
	const versions = {
		n8n: JSON.parse(fs.readFileSync(path.join(path.dirname(runtime.bin), '..', 'package.json'), 'utf8')).version,
		node: execFileSync(runtime.node, ['--version'], { encoding: 'utf8' }).trim(),
	};

	/** @type {Record<string, any>} */
	const results = { size: SIZE, startedAt: startedAt.toISOString(), latencyMs: LATENCY_MS, rateLimit: RATE_LIMIT, commit: gitCommit(), zenviaInFlight: defaultInFlight() };
	const servers = [];
	try {
		// ---- Instance A: n8n's defaults. Sends, overhead and export, then the trigger.
		let n8n = await e2e.startN8n(runtime, folder, { port: await e2e.freePort() });
		servers.push(n8n);
		await e2e.waitForWebhook(`${n8n.url}/webhook/send-zenvia`);
		const pid = /** @type {number} */ (n8n.pid);

		const hashes = [];
		for (let i = 0; i < SIZE.sends; i++) {
			const answer = await post(`${emu.url}/core/api/v1/interactions`, { token: TOKEN, department_id: 1 });
			hashes.push(JSON.parse(answer.text).data.interaction_hash);
		}
		let runCounter = 0;
		/** Sends `count` messages through one scenario; counts what Zenvia received. */
		const send = async (scenario, count) => {
			const tag = `r${++runCounter}-`;
			const items = Array.from({ length: count }, (_, i) => ({ hash: hashes[i % hashes.length], text: `${tag}${i}` }));
			const cpuBefore = cpuMs(pid);
			const answer = await startRun(n8n.url, `${n8n.url}/webhook/${scenario}`, { items });
			// n8n saves the execution after answering: its CPU counts too, so it is read a moment later.
			await new Promise((resolve) => setTimeout(resolve, CPU_SETTLE_MS));
			const cpuMsPerItem = (cpuMs(pid) - cpuBefore) / count;
			const received = [];
			for (const interaction of emu.state.interactions.values()) {
				for (const message of interaction.messages) if (String(message.content).startsWith(tag)) received.push(message.content);
			}
			const distinct = new Set(received).size;
			return { seconds: answer.seconds, cpuMsPerItem, status: answer.status, delivered: distinct, duplicates: received.length - distinct };
		};
		const collect = async (name, scenarios, run, rounds = SIZE.rounds) => {
			/** @type {Record<string, any[]>} */
			const runs = Object.fromEntries(scenarios.map((scenario) => [scenario, []]));
			for (let round = 0; round < rounds; round++) {
				// Interleaved: each round runs every contender once, the order rotating.
				const order = scenarios.map((_, i) => scenarios[(i + round) % scenarios.length]);
				for (const scenario of order) {
					const outcome = await run(scenario);
					runs[scenario].push(outcome);
					log(`${name} round ${round + 1} ${scenario}: ${JSON.stringify(outcome)}`);
				}
			}
			return runs;
		};

		// Warm-up: n8n compiles and caches on first use, and V8 optimises what runs often, so the
		// contenders of the two CPU-bound comparisons run once unmeasured, as many items as the
		// per-item scenario: a first round would otherwise pay for it.
		emu.configure({ latencyMs: 0, rateLimitPerSecond: 0 });
		for (const scenario of ['send-zenvia', 'send-http', 'send-zenvia-serial', 'baseline']) await send(scenario, SIZE.warmUpItems);

		log(`sends at ${LATENCY_MS} ms latency`);
		emu.configure({ latencyMs: LATENCY_MS, rateLimitPerSecond: 0 });
		// The two CPU-bound comparisons get more rounds: their runs vary by a tenth or more.
		results.latency = await collect('latency', ['send-zenvia', 'send-http'], (scenario) => send(scenario, SIZE.sends), SIZE.cpuRounds);

		log(`sends under ${RATE_LIMIT} requests/s`);
		results.limited = await collect('limited', ['send-zenvia', 'send-http', 'send-http-retry', 'send-http-batch'], async (scenario) => {
			// A fresh bucket for each contender: every run starts from a quiet API.
			emu.configure({ latencyMs: LATENCY_MS, rateLimitPerSecond: RATE_LIMIT, rateLimitBurst: RATE_LIMIT });
			return await send(scenario, SIZE.limitedSends);
		});

		log('per-item overhead, no latency');
		emu.configure({ latencyMs: 0, rateLimitPerSecond: 0 });
		results.overhead = await collect('overhead', ['send-zenvia', 'send-http', 'send-zenvia-serial', 'baseline', 'bare'], async (scenario) => {
			if (scenario === 'bare') return { msPerItem: await bareRoundTripMs(emu.url, hashes[0], SIZE.serial) };
			const outcome = await send(scenario, SIZE.serial);
			return { ...outcome, msPerItem: (outcome.seconds * 1000) / SIZE.serial };
		}, SIZE.cpuRounds);

		log(`export of ${SIZE.records} history records`);
		results.export = await collect('export', ['export-zenvia', 'export-http'], async (scenario) => {
			const before = rssMb(pid);
			let peak = before;
			const sampler = setInterval(() => (peak = Math.max(peak, rssMb(pid))), 25);
			const answer = await startRun(n8n.url, `${n8n.url}/webhook/${scenario}`, { items: [{}] });
			clearInterval(sampler);
			const requests = emu.requests().filter((entry) => entry.path === '/api/ms/external/history').length;
			emu.clearRequests();
			return { seconds: answer.seconds, status: answer.status, requests, rssBeforeMb: Math.round(before), rssPeakMb: Math.round(peak) };
		});

		log('waits: event → resumed execution');
		await e2e.waitForWebhook(`${n8n.url}/webhook/${TRIGGER_WEBHOOK_ID}/zenvia-chat`);
		results.waits = await measureWaitLatency({ n8nUrl: n8n.url, emu, recorder, samples: SIZE.waitSamples, log });

		results.trigger = { default: await measureTrigger(n8n, emu) };
		await n8n.stop();
		servers.pop();

		// ---- Instance B: with the expression engine's lazy acquire (skipped by the quick CI check).
		if (!SMALL) {
			n8n = await e2e.startN8n(runtime, folder, { port: await e2e.freePort(), env: { N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE: 'true' } });
			servers.push(n8n);
			results.trigger.lazy = await measureTrigger(n8n, emu);
		}
	} finally {
		for (const server of servers) await server.stop();
		await emu.close();
		await recorder.close();
	}

	const machine = {
		cpus: `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'unknown'}`,
		memoryGb: Math.round(os.totalmem() / 1024 ** 3),
		os: `${os.type()} ${os.release()}`,
		loadAverage: os.loadavg().map((value) => value.toFixed(1)).join(', '),
	};
	// The runs first: a report that fails can be written again from them (--report).
	fs.writeFileSync(path.join(WORK_DIR, 'results.json'), JSON.stringify({ results, machine, versions }, null, 2));
	const text = report({ results, machine, versions, small: SMALL, median, command: `npm run bench${SMALL ? ' -- --small' : ''}` });
	writeReport(text);
	log(`wrote ${path.relative(e2e.REPO_DIR, OUTPUT)} in ${e2e.seconds(Date.now() - startedAt.getTime())}`);
}

/**
 * n8n's CPU per event for each trigger set-up: events posted one after the other, CPU read from
 * /proc before the first and once n8n is quiet again after the last (started executions included).
 * @param {import('./e2e/n8n').N8nServer} n8n
 * @param {Awaited<ReturnType<typeof startEmulator>>} emu
 */
async function measureTrigger(n8n, emu) {
	const pid = /** @type {number} */ (n8n.pid);
	const hash = 'bench-trigger-hash';
	const events = {
		dropped: { interaction_hash: hash, state: 'typing', agent: { id: 1, name: 'Agent' } },
		started: { interaction_hash: hash, state: 'finished', agent: { id: 1, name: 'Agent' } },
	};
	for (const key of Object.keys(TRIGGER_PATHS)) await e2e.waitForWebhook(`${n8n.url}/${TRIGGER_PATHS[key]}`);
	const quiet = async () => {
		let last = cpuMs(pid);
		for (let i = 0; i < 50; i++) {
			await new Promise((resolve) => setTimeout(resolve, 250));
			const now = cpuMs(pid);
			if (now - last <= 10) return now;
			last = now;
		}
		return last;
	};
	const setups = [
		['v1', 'dropped'],
		['v2', 'dropped'],
		['switch', 'dropped'],
		['v2', 'started'],
		['v1', 'started'],
	];
	/** @type {Record<string, number[]>} */
	const runs = {};
	// Warm-up.
	for (const [setup, kind] of setups) await post(`${n8n.url}/${TRIGGER_PATHS[setup]}`, events[kind]);
	for (let round = 0; round < SIZE.rounds; round++) {
		for (let i = 0; i < setups.length; i++) {
			const [setup, kind] = setups[(i + round) % setups.length];
			const before = await quiet();
			for (let n = 0; n < SIZE.events; n++) {
				const answer = await post(`${n8n.url}/${TRIGGER_PATHS[setup]}`, events[kind]);
				if (answer.status !== 200) throw new Error(`${setup} ${kind}: n8n answered ${answer.status} ${answer.text}`);
			}
			const after = await quiet();
			const perEvent = (after - before) / SIZE.events;
			(runs[`${setup} ${kind}`] ??= []).push(perEvent);
			log(`trigger round ${round + 1} ${setup} ${kind}: ${perEvent.toFixed(1)} ms CPU per event`);
		}
	}
	void emu;
	return runs;
}

/** The hand-written part of the document: from this heading on, kept as it is by every run. */
const HAND_WRITTEN = '\n## Before and after';

/** Writes the report, keeping the document's hand-written part. */
function writeReport(/** @type {string} */ text) {
	const old = fs.existsSync(OUTPUT) ? fs.readFileSync(OUTPUT, 'utf8') : '';
	const kept = old.includes(HAND_WRITTEN) ? old.slice(old.indexOf(HAND_WRITTEN)) : '';
	fs.mkdirSync(path.dirname(OUTPUT), { recursive: true });
	fs.writeFileSync(OUTPUT, `${text.trimEnd()}\n${kept}`);
}

/** `--report FILE`: rewrites the document from a run's results.json, without measuring again. */
function rewriteReport(/** @type {string} */ file) {
	const { results, machine, versions } = JSON.parse(fs.readFileSync(file, 'utf8'));
	const small = results.size.label.startsWith('small');
	const text = report({ results, machine, versions, small, median, command: `npm run bench${small ? ' -- --small' : ''}` });
	writeReport(text);
	log(`wrote ${path.relative(e2e.REPO_DIR, OUTPUT)} from ${file}`);
}

const reportIndex = process.argv.indexOf('--report');
(reportIndex > 0 ? Promise.resolve().then(() => rewriteReport(process.argv[reportIndex + 1])) : main()).catch((error) => {
	console.error(error instanceof Error ? error.stack ?? error.message : String(error));
	process.exitCode = 1;
});
