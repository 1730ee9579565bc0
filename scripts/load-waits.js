#!/usr/bin/env node
// @ts-check
'use strict';

// Waits under load: N bot conversations at once (default 200) in a real n8n, three turns
// each: the bot asks (Bot > Send and Wait for Reply), the customer replies after a random delay,
// the bot asks again... Everything on 127.0.0.1: a stand-in for Zenvia's bot host answers the
// bot's calls and, for each question, posts the customer's reply to the workflow's Zenvia Chat
// Trigger as Zenvia posts it. A quarter of the replies leave the moment the question arrives
// (before Zenvia has even answered the bot's call), a quarter within 50 ms, the rest within
// --max-delay ms. Each execution reports every turn to a local recorder. Counted: lost replies (a
// reply that resumed nothing), double resumes, stray executions (a reply that started the workflow
// instead), the outcomes, and the reply → resumed-turn latency. Not a timed test: a command.
// Run `npm run build` first (npm run load:waits does).
//
//   npm run load:waits [-- --conversations 200 --max-delay 2000 --restart --grace 10 --shutdown-timeout 30 --postgres --queue --shared-event-log --small]
//
// --restart: n8n is stopped and started again (same folder, database and address) once a third of
//   the replies are out; a reply that meets the stopped n8n is posted again until it answers, as a
//   webhook sender retries (counted).
// --grace: seconds n8n gets between SIGTERM and SIGKILL at the restart (default 10, as `docker
//   stop`; n8n itself gives running executions up to N8N_GRACEFUL_SHUTDOWN_TIMEOUT, 30 s).
// --shutdown-timeout: n8n's N8N_GRACEFUL_SHUTDOWN_TIMEOUT in seconds (default: n8n's own, 30 s).
// --postgres: n8n's database is a throw-away local PostgreSQL (scripts/e2e/postgres.js).
// --queue: n8n in queue mode as docs/QUEUE-MODE.md sets it up, instead of `n8n start`: PostgreSQL
//   and Redis (the project's throw-away servers; Debian's redis-server is installed with apt-get
//   when missing), a main process, a webhook process (the replies are posted to it) and a worker
//   (runs the executions). Every worker start gets a new, empty event log, as a new container has.
//   --restart stops the three one after the other (the worker first, then the webhook process,
//   then the main process; --grace applies to each) and starts them again.
// --shared-event-log (with --queue): every worker start uses the same event log in the n8n folder,
//   so a restarted worker reads the stopped one's (see startCluster).
// --small: 10 conversations, for CI.
// LOAD_WAITS_N8N_LOG_LEVEL (environment): n8n's log level, `warn` unless given; `info` writes the
//   queue's job lines into .n8n-load/waits/n8n.log.

const fs = require('fs');
const http = require('http');
const os = require('os');
const path = require('path');
const {
	ensureRedisServer,
	freePort,
	prepareN8n,
	publishWorkflow,
	seconds,
	startN8n,
	startPostgres,
	startQueueMode,
	startRedis,
	userFolderFor,
	waitFor,
	waitForWebhook,
	webhookSecretCredential,
	zenviaCredential,
} = require('./e2e');
const { startRecorder } = require('./e2e/recorder');

const ROOT = path.resolve(__dirname, '..');
const WORK_DIR = path.join(ROOT, '.n8n-load');
const WORKFLOW_ID = 'loadWaits';
const WEBHOOK_ID = 'load0000-0000-4000-8000-0000000waits';
const SECRET = 'load/Waits+Secret:9=&%';
const SDK_TOKEN = 'load-waits-client-sdk-token';
const TURNS = 3;
const WAIT_LIMIT_MINUTES = 10;
const RECEIVED = 'Webhook call received';
const STARTED = 'Workflow was started';

/** @param {string} name @param {number} fallback */
function option(name, fallback) {
	const at = process.argv.indexOf(`--${name}`);
	return at > 0 ? Number(process.argv[at + 1]) : fallback;
}
const flag = (/** @type {string} */ name) => process.argv.includes(`--${name}`);

/** @param {string} name @param {number} x @param {Record<string, unknown>} parameters */
function node(name, x, type, parameters, extra = {}) {
	return { id: `load-waits-${name.toLowerCase().replace(/\W+/g, '-')}`, name, type, typeVersion: 1, position: [x, 0], parameters, ...extra };
}

/** An HTTP Request to the recorder with `body` (an expression of an object). */
function record(name, x, body) {
	return node(name, x, 'n8n-nodes-base.httpRequest', { method: 'POST', url: '={{ $env.E2E_RECORDER_URL }}', sendBody: true, specifyBody: 'json', jsonBody: `={{ JSON.stringify(${body}) }}`, options: {} }, { typeVersion: 4.2 });
}

function workflow() {
	const account = { zenviaChatApi: { id: 'loadWaitsAccount', name: 'Load waits account' } };
	const hash = "$('Zenvia Chat Trigger').item.json.interactionHash";
	const nodes = [
		node('Zenvia Chat Trigger', 0, 'n8n-nodes-zenvia-chat.zenviaChatTrigger', { events: ['new_interaction', 'new_message', 'finished_interaction'] }, {
			typeVersion: 2,
			webhookId: WEBHOOK_ID,
			credentials: { zenviaChatWebhookApi: { id: 'loadWaitsSecret', name: 'Load waits secret' } },
		}),
		node('New Interaction?', 200, 'n8n-nodes-base.if', {
			conditions: {
				options: { caseSensitive: true, leftValue: '', typeValidation: 'strict' },
				conditions: [{ id: 'load-waits-if', leftValue: '={{ $json.event }}', rightValue: 'new_interaction', operator: { type: 'string', operation: 'equals' } }],
				combinator: 'and',
			},
			options: {},
		}, { typeVersion: 2 }),
		record('Record Ordinary', 400, "{ kind: 'ordinary', executionId: $execution.id, event: $json.event, interactionHash: $json.interactionHash, content: $json.content }"),
		node('Accept', 400, 'n8n-nodes-zenvia-chat.zenviaChat', { resource: 'bot', operation: 'accept', interactionHash: `={{ ${hash} }}` }, { credentials: account }),
	];
	/** @type {Record<string, { main: { node: string, type: string, index: number }[][] }>} */
	const connections = {
		'Zenvia Chat Trigger': { main: [[{ node: 'New Interaction?', type: 'main', index: 0 }]] },
		'New Interaction?': { main: [[{ node: 'Accept', type: 'main', index: 0 }], [{ node: 'Record Ordinary', type: 'main', index: 0 }]] },
	};
	let previous = 'Accept';
	for (let turn = 1; turn <= TURNS; turn++) {
		const ask = `Ask ${turn}`;
		const rec = `Record Turn ${turn}`;
		nodes.push(
			node(ask, 400 + turn * 400, 'n8n-nodes-zenvia-chat.zenviaChat', {
				resource: 'bot',
				operation: 'sendAndWait',
				interactionHash: `={{ ${hash} }}`,
				content: `Question ${turn}`,
				waitLimitMinutes: WAIT_LIMIT_MINUTES,
			}, { credentials: account }),
			record(rec, 600 + turn * 400, `{ kind: 'turn', turn: ${turn}, executionId: $execution.id, interactionHash: ${hash}, outcome: $json.outcome, content: $json.content }`),
		);
		connections[previous] = { main: [[{ node: ask, type: 'main', index: 0 }]] };
		connections[ask] = { main: [[{ node: rec, type: 'main', index: 0 }]] };
		previous = rec;
	}
	return { id: WORKFLOW_ID, name: 'Load: bot dialogs that wait', active: false, settings: { executionOrder: 'v1' }, nodes, connections };
}

/** @param {number[]} sorted @param {number} p */
const percentile = (sorted, p) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : NaN);

/** The customer's reply delay: a quarter at once, a quarter within 50 ms, the rest up to maxDelayMs. */
function replyDelay(/** @type {number} */ maxDelayMs) {
	const r = Math.random();
	if (r < 0.25) return 0;
	if (r < 0.5) return Math.floor(Math.random() * 50);
	return 50 + Math.floor(Math.random() * Math.max(1, maxDelayMs - 50));
}

/**
 * @typedef {{ hash: string, turn: number, content: string, delayMs: number, sentAt: number, answer?: string, status?: number, attempts: number, error?: string }} Reply
 */

/**
 * Zenvia's bot host, for the bot's calls: accept and message are answered as Zenvia answers them;
 * each message (a question) schedules the customer's reply to it.
 * @param {(hash: string, turn: number) => void} onQuestion
 */
async function startBotHost(onQuestion) {
	/** @type {Map<string, number>} questions asked per interaction */
	const asked = new Map();
	let calls = 0;
	const server = http.createServer((req, res) => {
		let text = '';
		req.setEncoding('utf8');
		req.on('data', (chunk) => (text += chunk));
		req.on('end', () => {
			calls += 1;
			const match = /^\/api\/v1\/bot\/([^/]+)\/(accept|message)$/.exec(req.url ?? '');
			if (!match) {
				res.writeHead(404, { 'Content-Type': 'application/json' }).end('{"message":"Not found","status":404}');
				return;
			}
			const hash = decodeURIComponent(match[1]);
			if (match[2] === 'message') {
				const turn = (asked.get(hash) ?? 0) + 1;
				asked.set(hash, turn);
				// The reply may leave before this call is answered.
				onQuestion(hash, turn);
			}
			res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"message":"Message received successfully","status":200}');
		});
	});
	await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
	const { port } = /** @type {import('net').AddressInfo} */ (server.address());
	return {
		url: `http://127.0.0.1:${port}`,
		asked,
		calls: () => calls,
		close: () => new Promise((resolve) => {
			server.closeAllConnections();
			server.close(() => resolve(undefined));
		}),
	};
}

async function main() {
	const small = flag('small');
	const conversations = option('conversations', small ? 10 : 200);
	const maxDelayMs = option('max-delay', 2000);
	const restart = flag('restart');
	const graceMs = option('grace', 10) * 1000;
	if (!Number.isFinite(graceMs) || graceMs < 0) throw new Error('--grace takes a number of seconds, 0 or more');
	const shutdownTimeout = process.argv.includes('--shutdown-timeout') ? option('shutdown-timeout', 30) : undefined;
	if (shutdownTimeout !== undefined && !(Number.isInteger(shutdownTimeout) && shutdownTimeout > 0)) throw new Error('--shutdown-timeout takes a whole number of seconds above 0');
	const queueMode = flag('queue');
	const redisServer = queueMode ? ensureRedisServer() : undefined;
	if (redisServer && !('path' in redisServer)) throw new Error(redisServer.reason);
	const database = flag('postgres') || queueMode ? await startPostgres() : undefined;
	/** @type {Awaited<ReturnType<typeof startRedis>> | undefined} */
	let redis;
	try {
		if (redisServer && 'path' in redisServer) redis = await startRedis(redisServer.path);
		const queue = redis ? { redisPort: redis.port, mainPort: await freePort(), workerPort: await freePort(), sharedEventLog: flag('shared-event-log') } : undefined;
		process.exitCode = (await measure({ conversations, maxDelayMs, restart, graceMs, shutdownTimeout, databaseEnv: database?.env, queue })) ? 0 : 1;
	} finally {
		await redis?.stop();
		await database?.stop();
	}
}

/**
 * n8n as one server: `n8n start`, or in queue mode a main process, a webhook process (at `port`,
 * the address Zenvia posts to and every process builds its webhook and resume URLs from) and a
 * worker, each on the same port on every start.
 * @param {import('./e2e/n8n').N8nRuntime} runtime
 * @param {string} folder
 * @param {{ port: number, env: NodeJS.ProcessEnv, queue?: QueueOptions }} options
 * @returns {Promise<{ url: string, output: () => string, stop: (graceMs?: number) => Promise<void> }>}
 */
async function startCluster(runtime, folder, { port, env, queue }) {
	if (!queue) return await startN8n(runtime, folder, { port, env });
	// A worker that starts reads its event log and marks every execution it had started and not
	// seen end as crashed, the waiting ones too, and n8n resumes no crashed execution. A new
	// container starts with an empty log; a worker started again on the same n8n folder does not
	// (--shared-event-log).
	const workerEnv = queue.sharedEventLog ? {} : { N8N_EVENTBUS_LOGWRITER_LOGFULLPATH: path.join(WORK_DIR, 'waits', `worker-events-${Date.now()}.log`) };
	const cluster = await startQueueMode(runtime, folder, {
		redisPort: queue.redisPort,
		mainPort: queue.mainPort,
		workerPort: queue.workerPort,
		webhookPorts: [port],
		env: { ...env, WEBHOOK_URL: `http://127.0.0.1:${port}/` },
		workerEnv,
	});
	return { url: cluster.webhooks[0].url, output: cluster.output, stop: cluster.stop };
}

/** @typedef {{ redisPort: number, mainPort: number, workerPort: number, sharedEventLog: boolean }} QueueOptions */

/**
 * @param {{ conversations: number, maxDelayMs: number, restart: boolean, graceMs: number, shutdownTimeout: number | undefined, databaseEnv: NodeJS.ProcessEnv | undefined, queue: QueueOptions | undefined }} options
 * @returns {Promise<boolean>} whether every check held
 */
async function measure({ conversations, maxDelayMs, restart, graceMs, shutdownTimeout, databaseEnv, queue }) {
	const loadAtStart = os.loadavg();
	const runDir = path.join(WORK_DIR, 'waits');
	const workflowsDir = path.join(runDir, 'workflows');
	fs.rmSync(runDir, { recursive: true, force: true });
	fs.mkdirSync(workflowsDir, { recursive: true });
	fs.writeFileSync(path.join(workflowsDir, 'load-waits.json'), JSON.stringify(workflow()));

	/** @type {Reply[]} */
	const replies = [];
	let triggerUrl = '';
	/** While n8n restarts, replies wait for it (a webhook sender's retries). */
	let n8nUp = Promise.resolve();
	let retriedForRestart = 0;
	const totalReplies = conversations * TURNS;
	/** @type {(() => void) | undefined} */
	let onThird;

	/** @param {Reply} reply */
	async function postReply(reply) {
		const body = JSON.stringify({ type: 'new_message', interaction_hash: reply.hash, content: reply.content, content_type: 'text' });
		for (;;) {
			await n8nUp;
			reply.attempts += 1;
			try {
				const answer = await fetch(triggerUrl, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body, signal: AbortSignal.timeout(60_000) });
				reply.status = answer.status;
				reply.answer = await answer.text();
				if (answer.status === 503 && restart) {
					// n8n shutting down or starting answers 503: post again, as Zenvia would retry.
					retriedForRestart += 1;
					await new Promise((resolve) => setTimeout(resolve, 250));
					continue;
				}
				return;
			} catch (error) {
				reply.error = error instanceof Error ? error.message : String(error);
				if (!restart || reply.attempts > 240) return;
				retriedForRestart += 1;
				await new Promise((resolve) => setTimeout(resolve, 250));
			}
		}
	}

	const botHost = await startBotHost((hash, turn) => {
		const reply = { hash, turn, content: `Answer ${turn} of ${hash}`, delayMs: replyDelay(maxDelayMs), sentAt: 0, attempts: 0 };
		replies.push(reply);
		if (replies.length === Math.ceil(totalReplies / 3)) onThird?.();
		const send = () => {
			reply.sentAt = Date.now();
			void postReply(reply);
		};
		if (reply.delayMs === 0) send();
		else setTimeout(send, reply.delayMs);
	});
	const recorder = await startRecorder();
	const folder = userFolderFor('load-waits');
	const runtime = await prepareN8n({
		folder,
		workflowsDir,
		credentials: [
			zenviaCredential({ id: 'loadWaitsAccount', name: 'Load waits account', clientSdkToken: SDK_TOKEN, chatApiToken: SDK_TOKEN, baseUrl: botHost.url }),
			webhookSecretCredential({ id: 'loadWaitsSecret', name: 'Load waits secret', secret: SECRET }),
		],
		env: databaseEnv,
	});
	await publishWorkflow(runtime, folder, WORKFLOW_ID, { env: databaseEnv });
	const port = await freePort();
	const env = {
		E2E_RECORDER_URL: recorder.url,
		N8N_BLOCK_ENV_ACCESS_IN_NODE: 'false',
		N8N_LOG_LEVEL: process.env.LOAD_WAITS_N8N_LOG_LEVEL || 'warn',
		...(shutdownTimeout !== undefined && { N8N_GRACEFUL_SHUTDOWN_TIMEOUT: String(shutdownTimeout) }),
		...databaseEnv,
	};
	let n8n = await startCluster(runtime, folder, { port, env, queue });
	const logs = [];
	triggerUrl = `${n8n.url}/webhook/${WEBHOOK_ID}/zenvia-chat?secret=${encodeURIComponent(SECRET)}`;
	/** @type {{ stoppedAt: number, upAt: number } | undefined} */
	let restarted;
	// A run whose replies never reach a third of the total never restarts.
	let restartBegun = false;
	try {
		await waitForWebhook(`${n8n.url}/webhook/${WEBHOOK_ID}/zenvia-chat`);
		const restartDone = restart
			? new Promise((resolve, reject) => {
				onThird = () => {
					restartBegun = true;
					/** @type {() => void} */
					let release = () => undefined;
					n8nUp = new Promise((resolve) => (release = () => resolve(undefined)));
					const stoppedAt = Date.now();
					console.log(`A third of the replies are out: restarting n8n (${replies.length} of ${totalReplies})`);
					void (async () => {
						logs.push(n8n?.output() ?? '');
						await n8n.stop(graceMs);
						n8n = await startCluster(runtime, folder, { port, env, queue });
						await waitForWebhook(`${n8n.url}/webhook/${WEBHOOK_ID}/zenvia-chat`);
						restarted = { stoppedAt, upAt: Date.now() };
						console.log(`n8n is back after ${seconds(restarted.upAt - stoppedAt)}`);
						release();
					})().then(resolve, reject);
				};
			})
			: Promise.resolve();
		// Awaited below; until then a failed restart must not end the process before `finally`.
		restartDone.catch(() => undefined);

		console.log(`${conversations} conversations at once, ${TURNS} turns each, replies within ${maxDelayMs} ms${restart ? `, one n8n restart (SIGKILL ${graceMs / 1000} s after SIGTERM, n8n's own shutdown timeout ${shutdownTimeout ?? 30} s)` : ''}, to ${n8n.url}`);
		const started = Date.now();
		/** @type {string[]} */
		const hashes = Array.from({ length: conversations }, (_, index) => `load-waits-${String(index).padStart(4, '0')}-${started.toString(36)}`);
		const openings = await Promise.all(
			hashes.map(async (hash) => {
				const answer = await fetch(triggerUrl, {
					method: 'POST',
					headers: { 'Content-Type': 'application/json' },
					body: JSON.stringify({ type: 'new_interaction', interaction_hash: hash, department_id: 1 }),
					signal: AbortSignal.timeout(120_000),
				}).catch((error) => ({ status: 0, text: async () => String(error) }));
				return { status: answer.status, text: await answer.text() };
			}),
		);
		const turnRecords = () => recorder.records.filter((r) => /** @type {any} */ (r).kind === 'turn').length;
		const progress = setInterval(() => {
			const kinds = recorder.records.map((r) => /** @type {any} */ (r).kind);
			fs.writeFileSync(path.join(runDir, 'n8n.log'), [...logs, n8n?.output() ?? ''].join('\n==== n8n restarted ====\n'));
			console.log(`  ${seconds(Date.now() - started)}: ${botHost.calls()} calls to the bot host, ${replies.length} replies out, ${turnRecords()} of ${totalReplies} turns recorded, ${kinds.filter((k) => k === 'ordinary').length} stray`);
		}, 10_000);
		// Until every turn is in, or nothing has moved for a minute since n8n was last up (a lost
		// reply leaves its conversation waiting for its 10-minute limit; a stopping n8n may take as
		// long as its shutdown timeout).
		let seen = -1;
		let movedAt = Date.now();
		const down = () => restartBegun && !restarted;
		await waitFor(`${totalReplies} turns recorded`, async () => {
			const now = recorder.records.length + replies.length;
			if (now !== seen || down()) {
				seen = now;
				movedAt = Date.now();
			}
			return turnRecords() >= totalReplies || Date.now() - movedAt > 60_000;
		}, { timeoutMs: 120_000 + conversations * 3000 + graceMs }).catch(() => undefined);
		clearInterval(progress);
		if (restartBegun) await restartDone;
		// Anything late (a second resume, a stray execution) shows up in this pause.
		await new Promise((resolve) => setTimeout(resolve, 5000));
		const allMs = Date.now() - started;

		/** @type {any[]} */
		const records = recorder.records;
		const turns = records.filter((r) => r.kind === 'turn');
		const ordinary = records.filter((r) => r.kind === 'ordinary');
		/** @type {Record<string, number>} */
		const outcomes = {};
		for (const t of turns) outcomes[t.outcome] = (outcomes[t.outcome] ?? 0) + 1;
		/** @type {Map<string, any[]>} */
		const byTurn = new Map();
		for (const t of turns) byTurn.set(`${t.interactionHash}#${t.turn}`, [...(byTurn.get(`${t.interactionHash}#${t.turn}`) ?? []), t]);
		const doubleResumes = [...byTurn.values()].filter((list) => list.length > 1).length;
		const resumedWith = new Set(turns.filter((t) => t.outcome === 'reply').map((t) => `${t.interactionHash}#${t.turn}#${t.content}`));
		const lost = replies.filter((reply) => !resumedWith.has(`${reply.hash}#${reply.turn}#${reply.content}`));
		const wrongReply = turns.filter((t) => t.outcome === 'reply' && t.content !== `Answer ${t.turn} of ${t.interactionHash}`).length;
		/** @type {Map<string, Set<string>>} executions per conversation */
		const executions = new Map();
		for (const t of turns) executions.set(t.interactionHash, (executions.get(t.interactionHash) ?? new Set()).add(String(t.executionId)));
		const splitConversations = [...executions.values()].filter((ids) => ids.size > 1).length;
		/** @type {Record<string, number>} */
		const answers = {};
		for (const reply of replies) {
			const said = reply.answer?.includes(RECEIVED) ? `${reply.status} received` : reply.answer?.includes(STARTED) ? `${reply.status} started` : reply.error ? `failed: ${reply.error.slice(0, 60)}` : `${reply.status}`;
			answers[said] = (answers[said] ?? 0) + 1;
		}
		// Reply sent → its turn recorded (the recorder's arrival time is not kept: measured from the
		// reply's answer, which comes once the waiting node took it).
		const delays = replies.map((r) => r.delayMs);
		const figures = {
			conversations,
			turnsPerConversation: TURNS,
			openings: { ok: openings.filter((o) => o.status === 200 && o.text.includes(STARTED)).length, other: openings.filter((o) => !(o.status === 200 && o.text.includes(STARTED))).map((o) => `${o.status} ${o.text.slice(0, 80)}`).slice(0, 5) },
			questionsAsked: [...botHost.asked.values()].reduce((sum, n) => sum + n, 0),
			repliesSent: replies.length,
			replyDelays: { atOnce: delays.filter((d) => d === 0).length, within50ms: delays.filter((d) => d > 0 && d < 50).length, later: delays.filter((d) => d >= 50).length, maxMs: maxDelayMs },
			replyAnswers: answers,
			turnsRecorded: turns.length,
			outcomes,
			lostReplies: lost.length,
			lostExamples: lost.slice(0, 5).map((r) => ({ hash: r.hash, turn: r.turn, delayMs: r.delayMs, status: r.status, answer: r.answer?.slice(0, 80), error: r.error })),
			doubleResumes,
			repliesResumingTheWrongTurn: wrongReply,
			strayExecutions: ordinary.length,
			conversationsSplitOverExecutions: splitConversations,
			restart: restart ? { graceSeconds: graceMs / 1000, shutdownTimeoutSeconds: shutdownTimeout ?? 30, ...(restarted ? { downSeconds: Number(((restarted.upAt - restarted.stoppedAt) / 1000).toFixed(1)) } : { happened: false }), repliesPostedAgain: retriedForRestart } : undefined,
			allSeconds: Number((allMs / 1000 - 5).toFixed(1)),
			database: databaseEnv ? 'postgresdb' : 'sqlite',
			mode: queue ? `queue (main, webhook process, worker; Redis; the worker's event log ${queue.sharedEventLog ? 'kept from start to start' : 'new on each start'})` : 'regular',
			n8n: path.basename(runtime.dir),
			cpus: os.cpus().length,
			loadAverage: { atStart: loadAtStart.map((l) => Number(l.toFixed(2))), atEnd: os.loadavg().map((l) => Number(l.toFixed(2))) },
			at: new Date().toISOString(),
		};
		const name = `load-waits${queue ? '-queue' : ''}${restart ? '-restart' : ''}${queue?.sharedEventLog ? '-shared-log' : ''}.json`;
		fs.writeFileSync(path.join(WORK_DIR, name), JSON.stringify(figures, null, 2));
		console.log(JSON.stringify(figures, null, 2));
		const ok =
			figures.openings.ok === conversations &&
			turns.length === totalReplies &&
			lost.length === 0 &&
			doubleResumes === 0 &&
			wrongReply === 0 &&
			ordinary.length === 0 &&
			splitConversations === 0 &&
			(outcomes.reply ?? 0) === totalReplies;
		if (!ok) {
			const said = [...logs, n8n?.output() ?? ''].join('\n').split('\n').filter((line) => /error|warn|zenvia|database/i.test(line));
			console.log(`n8n said (${said.length} lines, last 20):\n${said.slice(-20).join('\n')}`);
		}
		console.log(ok ? `PASS in ${seconds(allMs)} (figures in ${path.join(WORK_DIR, name)})` : 'FAIL: see the figures above');
		return ok;
	} finally {
		fs.writeFileSync(path.join(runDir, 'n8n.log'), [...logs, n8n?.output() ?? ''].join('\n==== n8n restarted ====\n'));
		await n8n?.stop();
		await recorder.close();
		await botHost.close();
	}
}

main().catch((error) => {
	console.error(error);
	process.exitCode = 1;
});
