#!/usr/bin/env node
// @ts-check
'use strict';

// Trigger load: N mixed Zenvia events (default 5,000) over S seconds (default 60) posted to a
// published Zenvia Chat Trigger workflow in a real `n8n start`, on 127.0.0.1 only. Each execution
// reports its item to a local recorder. Checks: every picked event started exactly one execution,
// no other event started one, no 5xx; prints latency percentiles. Run `npm run build` first.
//
//   npm run load:trigger [-- --events 5000 --seconds 60 --concurrency 64 --postgres]
//
// --postgres: n8n stores its executions in a throw-away local PostgreSQL (scripts/e2e/postgres.js)
// instead of SQLite, whose single write lock sets n8n's pace on a small machine.

const fs = require('fs');
const path = require('path');
const { freePort, prepareN8n, publishWorkflow, startN8n, startPostgres, userFolderFor, waitFor, waitForWebhook, webhookSecretCredential, seconds } = require('./e2e');
const { startRecorder } = require('./e2e/recorder');

const ROOT = path.resolve(__dirname, '..');
const WORK_DIR = path.join(ROOT, '.n8n-load');
const WORKFLOW_ID = 'loadTrigger';
const WEBHOOK_ID = 'load0000-0000-4000-8000-000000000001';
const SECRET = 'load/Secret+with:all=&chars%';
const PICKED = ['accepted', 'message', 'finished', 'transferred'];
const KINDS = ['queued', 'accepted', 'unavailable', 'finished', 'typing', 'cleared', 'transferred', 'message'];

/** @param {string} name @param {number} fallback */
function option(name, fallback) {
	const at = process.argv.indexOf(`--${name}`);
	return at > 0 ? Number(process.argv[at + 1]) : fallback;
}

/** @param {number} index */
function eventPayload(index) {
	const kind = KINDS[index % KINDS.length];
	const hash = `load-${String(index).padStart(6, '0')}`;
	if (kind === 'message') {
		return { kind, body: { interaction_hash: hash, message: { hash: `m${index}`, content: `Olá ${index} 🙂`, type: 'text', url: null }, agent: { id: 111, name: 'Atendente' } } };
	}
	if (kind === 'transferred') return { kind, body: { interaction_hash: hash, external_id: `55119${index}`, state: kind, department_id: '2' } };
	if (kind === 'queued') return { kind, body: { interaction_hash: hash, state: kind, position: index % 7 } };
	return { kind, body: { interaction_hash: hash, state: kind } };
}

function workflow() {
	return {
		id: WORKFLOW_ID,
		name: 'Load: Zenvia Chat Trigger',
		active: false,
		settings: { executionOrder: 'v1' },
		nodes: [
			{
				id: 'load-trigger',
				name: 'Zenvia Chat Trigger',
				type: 'n8n-nodes-zenvia-chat.zenviaChatTrigger',
				typeVersion: 2,
				position: [0, 0],
				webhookId: WEBHOOK_ID,
				parameters: { events: PICKED },
				credentials: { zenviaChatWebhookApi: { id: 'loadWebhookSecret', name: 'Load webhook secret' } },
			},
			{
				id: 'load-recorder',
				name: 'Report To Recorder',
				type: 'n8n-nodes-base.httpRequest',
				typeVersion: 4.2,
				position: [220, 0],
				parameters: { method: 'POST', url: '={{ $env.E2E_RECORDER_URL }}', sendBody: true, specifyBody: 'json', jsonBody: '={{ JSON.stringify({ event: $json.event, interactionHash: $json.interactionHash }) }}', options: {} },
			},
		],
		connections: { 'Zenvia Chat Trigger': { main: [[{ node: 'Report To Recorder', type: 'main', index: 0 }]] } },
	};
}

/** @param {number[]} sorted @param {number} p */
const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

async function main() {
	const total = option('events', 5000);
	const durationMs = option('seconds', 60) * 1000;
	const concurrency = option('concurrency', 64);
	const database = process.argv.includes('--postgres') ? await startPostgres() : undefined;
	try {
		await measure(total, durationMs, concurrency, database?.env);
	} finally {
		await database?.stop();
	}
}

/**
 * @param {number} total
 * @param {number} durationMs
 * @param {number} concurrency
 * @param {NodeJS.ProcessEnv | undefined} databaseEnv n8n's database settings; SQLite when undefined
 */
async function measure(total, durationMs, concurrency, databaseEnv) {
	const workflowsDir = path.join(WORK_DIR, 'workflows');
	fs.rmSync(WORK_DIR, { recursive: true, force: true });
	fs.mkdirSync(workflowsDir, { recursive: true });
	fs.writeFileSync(path.join(workflowsDir, 'load.json'), JSON.stringify(workflow()));
	const folder = userFolderFor('load');
	const runtime = await prepareN8n({
		folder,
		workflowsDir,
		credentials: [webhookSecretCredential({ id: 'loadWebhookSecret', name: 'Load webhook secret', secret: SECRET })],
		env: databaseEnv,
	});
	await publishWorkflow(runtime, folder, WORKFLOW_ID, { env: databaseEnv });
	const recorder = await startRecorder();
	const n8n = await startN8n(runtime, folder, {
		port: await freePort(),
		env: { E2E_RECORDER_URL: recorder.url, N8N_BLOCK_ENV_ACCESS_IN_NODE: 'false', N8N_LOG_LEVEL: 'warn', ...databaseEnv },
	});
	const url = `${n8n.url}/webhook/${WEBHOOK_ID}/zenvia-chat?secret=${encodeURIComponent(SECRET)}`;
	try {
		await waitForWebhook(`${n8n.url}/webhook/${WEBHOOK_ID}/zenvia-chat`);
		console.log(`Posting ${total} events over ${durationMs / 1000} s to ${n8n.url} (at most ${concurrency} in flight)`);

		/** @type {number[]} */
		const latencies = [];
		/** @type {Record<string, number>} */
		const statuses = {};
		/** @type {Set<string>} */
		const picked = new Set();
		let next = 0;
		let failedRequests = 0;
		const started = Date.now();
		async function worker() {
			for (;;) {
				const index = next++;
				if (index >= total) return;
				// Paced: event i leaves no earlier than i/N of the way through the window.
				const due = started + (index * durationMs) / total;
				if (due > Date.now()) await new Promise((resolve) => setTimeout(resolve, due - Date.now()));
				const { kind, body } = eventPayload(index);
				if (PICKED.includes(kind)) picked.add(body.interaction_hash);
				const sent = performance.now();
				try {
					const answer = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body), signal: AbortSignal.timeout(30_000) });
					await answer.arrayBuffer();
					statuses[answer.status] = (statuses[answer.status] ?? 0) + 1;
				} catch {
					failedRequests += 1;
				}
				latencies.push(performance.now() - sent);
			}
		}
		await Promise.all(Array.from({ length: concurrency }, worker));
		const sendMs = Date.now() - started;
		await waitFor(`${picked.size} executions`, async () => recorder.records.length >= picked.size, { timeoutMs: 300_000 }).catch(() => undefined);
		// Anything late or duplicated shows up in this pause.
		await new Promise((resolve) => setTimeout(resolve, 3000));
		const drainMs = Date.now() - started;

		/** @type {Map<string, number>} */
		const seen = new Map();
		for (const record of /** @type {{ interactionHash: string }[]} */ (recorder.records)) seen.set(record.interactionHash, (seen.get(record.interactionHash) ?? 0) + 1);
		const missing = [...picked].filter((hash) => !seen.has(hash)).length;
		const duplicated = [...seen.values()].filter((count) => count > 1).length;
		const unpicked = [...seen.keys()].filter((hash) => !picked.has(hash)).length;
		const serverErrors = Object.entries(statuses).filter(([status]) => Number(status) >= 500).reduce((sum, [, count]) => sum + count, 0);
		const sorted = [...latencies].sort((a, b) => a - b);
		const figures = {
			events: total,
			picked: picked.size,
			executions: recorder.records.length,
			missing,
			duplicated,
			startedForUnpicked: unpicked,
			statuses,
			failedRequests,
			serverErrors,
			sendSeconds: Number((sendMs / 1000).toFixed(1)),
			allExecutedSeconds: Number((drainMs / 1000 - 3).toFixed(1)),
			latencyMs: {
				p50: Number(percentile(sorted, 50).toFixed(1)),
				p90: Number(percentile(sorted, 90).toFixed(1)),
				p99: Number(percentile(sorted, 99).toFixed(1)),
				max: Number(sorted[sorted.length - 1].toFixed(1)),
			},
			concurrency,
			database: databaseEnv ? 'postgresdb' : 'sqlite',
			n8n: path.basename(runtime.dir),
			cpus: require('os').cpus().length,
			at: new Date().toISOString(),
		};
		fs.writeFileSync(path.join(WORK_DIR, 'load-trigger.json'), JSON.stringify(figures, null, 2));
		console.log(JSON.stringify(figures, null, 2));
		const ok = missing === 0 && duplicated === 0 && unpicked === 0 && serverErrors === 0 && failedRequests === 0;
		if (!ok) {
			// n8n answers 503 "Database is not ready!" when its database health check times out.
			const said = n8n.output().split('\n').filter((line) => /error|database|unavailable/i.test(line));
			console.log(`n8n said (${said.length} lines, last 15):\n${said.slice(-15).join('\n')}`);
		}
		console.log(ok ? `PASS in ${seconds(drainMs)}` : 'FAIL: see the figures above');
		process.exitCode = ok ? 0 : 1;
	} finally {
		await n8n.stop();
		await recorder.close();
	}
}

main().catch((error) => {
	console.error(error);
	process.exitCode = 1;
});
