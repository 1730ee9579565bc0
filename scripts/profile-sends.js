#!/usr/bin/env node
// @ts-check
'use strict';

// npm run profile [-- --items 300 --rounds 3 --top 15 --latency-ms 0 --defaults]
//
// Where a send's CPU goes: Interaction > Send Message of the Zenvia Chat node and n8n's HTTP
// Request node posting the same message, each item one after the other, in a real n8n
// (scripts/install-n8n.sh) against the emulator on 127.0.0.1 with no added latency, so nearly all
// that is left is n8n's and the node's own work. Each contender runs in its own `n8n execute`
// under --cpu-prof, rounds alternating; the profile is split within the node's window (see split).
// With --defaults both run at their defaults instead (the node 50 requests in flight, HTTP Request
// every item at once), and --latency-ms makes the emulator answer that much later: the shape of
// the benchmark's 1,000 sends at 20 ms, where the window's idle time shows whether the node keeps
// its requests going. Each contender's median round is printed and written to .n8n-bench/profile/results.json, with
// its last round's profile beside it for DevTools.
// (npm run bench clears .n8n-bench; copy the folder away first to keep it.)

const { execFileSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { startEmulator } = require('../emulator');
const e2e = require('./e2e');

/** @param {string} name @param {number} fallback @param {number} [least] */
function option(name, fallback, least = 1) {
	const index = process.argv.indexOf(`--${name}`);
	const value = index > 0 ? Number(process.argv[index + 1]) : fallback;
	if (!Number.isInteger(value) || value < least) throw new Error(`--${name} takes a whole number of at least ${least}`);
	return value;
}
const ITEMS = option('items', 300);
const ROUNDS = option('rounds', 3);
const TOP = option('top', 15);
const LATENCY_MS = option('latency-ms', 0, 0);
const DEFAULTS = process.argv.includes('--defaults');
const TOKEN = 'profile-chat-api-token-0123456789';
// The default 1 ms sampling gives a 300-item window only a few hundred samples; 100 µs is finer
// than any item and still cheap next to a send.
const SAMPLING_US = 100;
const WORK_DIR = path.join(e2e.REPO_DIR, '.n8n-bench', 'profile');
const CREDENTIAL = { id: 'profileZenviaCred', name: 'Zenvia Chat (profile emulator)' };
const MESSAGES_PATH = /^\/core\/api\/v1\/interactions\/[^/]+\/messages$/;

const log = (/** @type {string} */ line) => console.log(`[profile] ${line}`);

/**
 * How each contender is recognised in a profile. `execute` marks the window; `own` is the node's
 * code as loaded from its package. Both run in n8n's main process, the only one whose profile has
 * these frames (the Code node's task runner writes a profile of its own).
 * @typedef {{ execute: (frame: Frame) => boolean, own: (frame: Frame) => boolean }} Matcher
 * @typedef {{ functionName: string, url: string, lineNumber: number }} Frame
 */
const ZENVIA_DIST = `/${e2e.PACKAGE.name}/dist/`;
const HTTP_NODE_DIR = '/n8n-nodes-base/dist/nodes/HttpRequest/';
/** @type {Record<string, Matcher>} */
const MATCHERS = {
	zenvia: {
		execute: (f) => f.url.includes(`${ZENVIA_DIST}nodes/ZenviaChat/`) && (f.functionName === 'router' || f.functionName === 'execute'),
		own: (f) => f.url.includes(ZENVIA_DIST),
	},
	http: {
		execute: (f) => f.url.includes(`${HTTP_NODE_DIR}V3/HttpRequestV3.node.js`) && f.functionName === 'execute',
		own: (f) => f.url.includes(HTTP_NODE_DIR),
	},
};
// n8n-core's request helpers (the HTTP Request node without a credential goes through their
// `request`, then proxyRequestToAxios), and the @n8n/backend-network, axios and follow-redirects
// layers under them, which also run on their own when an answer comes in.
const HTTP_HELPERS = new Set(['httpRequestWithAuthentication', 'httpRequest', 'requestWithAuthentication', 'proxyRequestToAxios']);
const HTTP_LAYERS = ['/n8n-core/dist/execution-engine/node-execution-context/utils/request-helpers/', '/@n8n/backend-network/dist/http/', '/node_modules/axios/', '/node_modules/follow-redirects/'];
const isHttpHelper = (/** @type {Frame} */ f) => HTTP_HELPERS.has(f.functionName) || HTTP_LAYERS.some((layer) => f.url.includes(layer));
// n8n-core's ExecuteContext.getNodeParameter is an arrow that hands every read to _getNodeParameter.
const PARAMETER_READS = new Set(['getNodeParameter', '_getNodeParameter']);

/** The two workflows: Manual Trigger > Code (the items) > the contender. */
function workflows(/** @type {string} */ baseUrl, /** @type {string[]} */ hashes) {
	const items = `return ${JSON.stringify(hashes)}.map((hash, i) => ({ json: { hash, text: 'profile message ' + i } }));`;
	const chain = (/** @type {string} */ id, /** @type {Record<string, unknown>} */ contender) => {
		const nodes = [
			{ id: `${id}-1`, name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
			{ id: `${id}-2`, name: 'Items', type: 'n8n-nodes-base.code', typeVersion: 2, position: [200, 0], parameters: { jsCode: items } },
			{ id: `${id}-3`, position: [400, 0], ...contender },
		];
		const connections = {
			Start: { main: [[{ node: 'Items', type: 'main', index: 0 }]] },
			Items: { main: [[{ node: contender.name, type: 'main', index: 0 }]] },
		};
		return { id, name: `Profile: ${contender.name}`, active: false, settings: { executionOrder: 'v1' }, nodes, connections };
	};
	return {
		zenvia: chain('profileZenvia', {
			name: 'Zenvia Chat',
			type: e2e.NODE_TYPES.zenviaChat,
			typeVersion: 1,
			parameters: {
				resource: 'interaction',
				operation: 'sendMessage',
				interactionHash: '={{ $json.hash }}',
				content: '={{ $json.text }}',
				// Requests in Flight moved from Batching into Options (28af31b); each version reads its
				// own, and n8n drops the parameter a version does not show.
				...(DEFAULTS ? {} : { batching: { requestsInFlight: 1 }, options: { requestsInFlight: 1 } }),
			},
			credentials: { zenviaChatApi: CREDENTIAL },
		}),
		// HTTP Request 4.2 never waits for an answer before starting the next item: batches only
		// pause between starts, and a batch interval of 0 starts all items at once. One item per
		// batch, 1 ms apart, is the nearest it comes to one after another (each local answer is
		// back within about a millisecond); the pauses count as idle.
		http: chain('profileHttp', {
			name: 'HTTP Request',
			type: 'n8n-nodes-base.httpRequest',
			typeVersion: 4.2,
			parameters: {
				method: 'POST',
				url: `={{ "${baseUrl}/core/api/v1/interactions/" + $json.hash + "/messages" }}`,
				sendBody: true,
				specifyBody: 'json',
				jsonBody: `={{ JSON.stringify({ token: "${TOKEN}", content: $json.text, type: "text" }) }}`,
				options: DEFAULTS ? {} : { batching: { batch: { batchSize: 1, batchInterval: 1 } } },
			},
		}),
	};
}

/**
 * Splits a profile within the node's window. Each sample lasts until the next one; a sample's
 * category is the first that fits: GC, idle, parameter reads, HTTP helper, own code (the node's
 * frames anywhere on the stack, what they call outside n8n's helpers included), other.
 * @param {any} profile a parsed .cpuprofile
 * @param {Matcher} matcher
 */
function split(profile, matcher) {
	/** @type {Map<number, any>} */
	const byId = new Map(profile.nodes.map((/** @type {any} */ node) => [node.id, node]));
	for (const node of profile.nodes) for (const child of node.children ?? []) byId.get(child).parent = node;
	/**
	 * Flags of a stack, computed once per profile node from its parent's.
	 * @returns {{ execute: boolean, params: boolean, http: boolean, own: boolean }}
	 */
	const flags = (/** @type {any} */ node) => {
		if (node.flags) return node.flags;
		const up = node.parent ? flags(node.parent) : { execute: false, params: false, http: false, own: false };
		const frame = node.callFrame;
		return (node.flags = {
			execute: up.execute || matcher.execute(frame),
			params: up.params || PARAMETER_READS.has(frame.functionName),
			http: up.http || isHttpHelper(frame),
			own: up.own || matcher.own(frame),
		});
	};
	const samples = profile.samples;
	const durations = samples.map((/** @type {number} */ _, /** @type {number} */ i) => (profile.timeDeltas[i + 1] ?? 0) / 1000);
	// The window opens at the first sample with the node's execute on the stack. It closes at the
	// last sample with any of the node's frames: V8 records no async callers, so once execute awaits
	// its sends, the frames that resume (the node's request code on each answer) no longer show it,
	// and a window closed at execute's last sample could end before most sends did. The node's
	// frames from n8n loading it at start-up come before the window opens.
	let first = -1;
	let last = -1;
	samples.forEach((/** @type {number} */ id, /** @type {number} */ i) => {
		const stack = flags(byId.get(id));
		if (first < 0 && stack.execute) first = i;
		if (first >= 0 && stack.own) last = i;
	});
	if (first < 0) return undefined;
	const ms = { total: 0, parameterReads: 0, httpHelper: 0, gc: 0, ownCode: 0, idle: 0, other: 0 };
	/** @type {Map<string, number>} */
	const self = new Map();
	for (let i = first; i <= last; i++) {
		const node = byId.get(samples[i]);
		const { functionName, url, lineNumber } = node.callFrame;
		const stack = flags(node);
		const category =
			functionName === '(garbage collector)' ? 'gc'
			: functionName === '(idle)' ? 'idle'
			: stack.params ? 'parameterReads'
			: stack.http ? 'httpHelper'
			: stack.own ? 'ownCode'
			: 'other';
		ms[category] += durations[i];
		ms.total += durations[i];
		const where = url ? ` ${url.replace(/^.*\/node_modules\//, '').replace(/^file:\/\//, '')}:${lineNumber + 1}` : '';
		const key = `${functionName || '(anonymous)'}${where}`;
		self.set(key, (self.get(key) ?? 0) + durations[i]);
	}
	return { ms, self };
}

/** The checkout's commit; none in a `git archive` export. */
function gitCommit() {
	try {
		return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: e2e.REPO_DIR, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
	} catch {
		return undefined;
	}
}

async function main() {
	const started = Date.now();
	fs.rmSync(WORK_DIR, { recursive: true, force: true });
	fs.mkdirSync(WORK_DIR, { recursive: true });
	const tempDir = e2e.tempDir('zenvia-profile-');
	const folder = e2e.userFolderFor('profile');
	const emu = await startEmulator({ token: TOKEN, host: '127.0.0.1' });
	try {
		const hashes = [];
		for (let i = 0; i < ITEMS; i++) {
			const answer = await fetch(`${emu.url}/core/api/v1/interactions`, {
				method: 'POST',
				headers: { 'Content-Type': 'application/json' },
				body: JSON.stringify({ token: TOKEN, department_id: 1 }),
				signal: AbortSignal.timeout(10_000),
			});
			if (answer.status !== 200) throw new Error(`The emulator answered ${answer.status} to starting an interaction`);
			hashes.push((await answer.json()).data.interaction_hash);
		}
		emu.configure({ latencyMs: LATENCY_MS, rateLimitPerSecond: 0 });
		const flows = workflows(emu.url, hashes);
		const workflowsDir = path.join(tempDir, 'workflows');
		fs.mkdirSync(workflowsDir);
		for (const flow of Object.values(flows)) fs.writeFileSync(path.join(workflowsDir, `${flow.id}.json`), JSON.stringify(flow));
		const credential = e2e.zenviaCredential({ ...CREDENTIAL, chatApiToken: TOKEN, baseUrl: emu.url });
		const runtime = await e2e.prepareN8n({ folder, credentials: [credential], workflowsDir, log });

		const contenders = /** @type {Array<keyof typeof flows>} */ (Object.keys(flows));
		/** @type {Record<string, Array<ReturnType<typeof split>>>} */
		const runs = Object.fromEntries(contenders.map((name) => [name, []]));
		for (let round = 0; round < ROUNDS; round++) {
			// Alternating: whichever runs second meets a warmer disk cache and a busier machine.
			const order = round % 2 ? [...contenders].reverse() : contenders;
			for (const name of order) {
				const profileDir = path.join(tempDir, `${name}-${round}`);
				emu.clearRequests();
				// Bounded by n8nCommand's time limit, which kills n8n and its children.
				const execution = await e2e.executeWorkflow(runtime, folder, flows[name].id, {
					NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${profileDir} --cpu-prof-interval=${SAMPLING_US}`,
				});
				if (!execution.ok) throw new Error(`${name}: ${e2e.describeFailure(execution)}`);
				const sent = emu.requests().filter((entry) => entry.method === 'POST' && MESSAGES_PATH.test(entry.path)).length;
				if (sent !== ITEMS) throw new Error(`${name} round ${round + 1}: the emulator received ${sent} messages, not ${ITEMS}`);
				// A profile is written only by a process that exits normally; n8n's known SIGSEGV on
				// the way out of `execute` (see executeWorkflow) loses it, and the round is refused.
				const files = fs.existsSync(profileDir) ? fs.readdirSync(profileDir).filter((file) => file.endsWith('.cpuprofile')) : [];
				let found;
				for (const file of files) {
					const profile = JSON.parse(fs.readFileSync(path.join(profileDir, file), 'utf8'));
					found = split(profile, MATCHERS[name]);
					if (found) {
						if (round === ROUNDS - 1) fs.copyFileSync(path.join(profileDir, file), path.join(WORK_DIR, `${name}.cpuprofile`));
						break;
					}
				}
				if (!found) throw new Error(`${name} round ${round + 1}: no profile has the node's execute (${files.length} written, exit ${execution.signal ?? execution.code})`);
				runs[name].push(found);
				fs.rmSync(profileDir, { recursive: true, force: true });
				const { ms } = found;
				log(`round ${round + 1} ${name}: ${sent} sent, window ${ms.total.toFixed(0)} ms, busy ${(ms.total - ms.idle).toFixed(0)} ms`);
			}
		}

		/** @type {Record<string, any>} */
		const results = { items: ITEMS, rounds: ROUNDS, latencyMs: LATENCY_MS, defaults: DEFAULTS, samplingMicroseconds: SAMPLING_US, n8n: runtime.version, commit: gitCommit(), contenders: {} };
		// Other work on the machine shows as longer windows, not as a category: keep the load beside the figures.
		results.machine = { cpus: os.cpus().length, loadAverage: os.loadavg().map((value) => Number(value.toFixed(1))) };
		for (const name of contenders) {
			const rounds = /** @type {NonNullable<ReturnType<typeof split>>[]} */ (runs[name]);
			// The round of median window, whole: medians taken category by category could come from
			// different rounds and would not add up to the total.
			const middle = [...rounds].sort((a, b) => a.ms.total - b.ms.total)[Math.floor((rounds.length - 1) / 2)];
			const ms = { ...middle.ms, busy: middle.ms.total - middle.ms.idle };
			// Frames: the mean of the rounds, so a frame busy in one round only still shows.
			/** @type {Map<string, number>} */
			const self = new Map();
			for (const run of rounds) for (const [key, value] of run.self) self.set(key, (self.get(key) ?? 0) + value / rounds.length);
			const top = [...self].sort((a, b) => b[1] - a[1]).slice(0, TOP).map(([frame, value]) => ({ frame, ms: value, msPerItem: value / ITEMS }));
			results.contenders[name] = { medianRound: rounds.indexOf(middle) + 1, medianMs: ms, rounds: rounds.map((run) => run.ms), topSelf: top };

			console.log(`\n${name === 'zenvia' ? 'Zenvia Chat, Interaction > Send Message' : 'HTTP Request 4.2, POST'}: ${ITEMS} items, round ${rounds.indexOf(middle) + 1} of ${ROUNDS} (the median window)`);
			console.table(Object.fromEntries(Object.entries(ms).map(([key, value]) => [key, { ms: Number(value.toFixed(1)), 'ms per item': Number((value / ITEMS).toFixed(3)) }])));
			console.log(`Top ${TOP} self time in the window (mean of rounds):`);
			console.table(top.map((row) => ({ frame: row.frame, ms: Number(row.ms.toFixed(1)), 'ms per item': Number(row.msPerItem.toFixed(4)) })));
		}
		fs.writeFileSync(path.join(WORK_DIR, 'results.json'), JSON.stringify(results, null, 2));
		log(`wrote ${path.relative(e2e.REPO_DIR, path.join(WORK_DIR, 'results.json'))} in ${e2e.seconds(Date.now() - started)}`);
	} finally {
		await emu.close();
		fs.rmSync(tempDir, { recursive: true, force: true });
		fs.rmSync(folder, { recursive: true, force: true });
	}
}

main().catch((error) => {
	console.error(error instanceof Error ? error.stack ?? error.message : String(error));
	process.exitCode = 1;
});
