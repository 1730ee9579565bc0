// @ts-check
'use strict';

// Conversations that wait in n8n's queue mode as production runs it: PostgreSQL and Redis (the
// project's throw-away servers), a main process (production webhooks off), a webhook process and a
// worker. The emulator posts the bot's events to the webhook process, as Zenvia would; the bot's
// execution runs on the worker, whose waiting node registers the wait through the trigger's
// Production URL and whose resume URL both come from WEBHOOK_URL: so every process gets
// WEBHOOK_URL = the webhook process's address (docs/QUEUE-MODE.md). The webhook process then
// serves the reply's resume call (/webhook-waiting/...) and a worker continues the execution.
// Workflow: test/e2e/workflows/waits-bot.json, imported into its own PostgreSQL database.

const fs = require('fs');
const os = require('os');
const path = require('path');
const {
	ensureRedisServer,
	findPostgresBin,
	freePort,
	prepareN8n,
	publishWorkflow,
	startPostgres,
	startQueueMode,
	startRedis,
	userFolderFor,
	waitFor,
	waitForWebhook,
	webhookSecretCredential,
	zenviaCredential,
} = require('../../scripts/e2e');
const { n8nLine } = require('../../scripts/e2e/n8n');
const { startRecorder } = require('../../scripts/e2e/recorder');
const c = require('./setup/constants');
const { emulator, emulatorUrl } = require('./setup/context');
const { startFixedModel, DONE } = require('./setup/fixedModel');

const BOT_FILE = path.join(__dirname, 'workflows', 'waits-bot.json');
const BOT = JSON.parse(fs.readFileSync(BOT_FILE, 'utf8'));
const TRIGGER = BOT.nodes.find((/** @type {any} */ node) => node.type.endsWith('.zenviaChatTrigger'));
// The AI Agent whose Human-review gate is Bot > Send and Wait for Reply (human-review.test.js).
const REVIEW_FILE = path.join(__dirname, 'human-review', 'workflow.json');
const REVIEW = JSON.parse(fs.readFileSync(REVIEW_FILE, 'utf8'));
const REVIEW_TRIGGER = REVIEW.nodes.find((/** @type {any} */ node) => node.type.endsWith('.zenviaChatTrigger'));
const MODEL_CREDENTIAL = { id: 'e2eFixedModel', name: 'Fixed chat model (e2e)' };
const RECEIVED = { message: 'Webhook call received' };
const STARTED = { message: 'Workflow was started' };

const redisServer = ensureRedisServer();
const missing = !('path' in redisServer) ? redisServer.reason : findPostgresBin() ? undefined : 'no PostgreSQL under /usr/lib/postgresql (apt-get install -y postgresql)';
const describeWithServers = missing ? describe.skip : describe;
if (missing) process.stdout.write(`      Waits in queue mode skipped: ${missing}\n`);

/** @type {Awaited<ReturnType<typeof startRecorder>> | undefined} */
let recorder;
/** @type {Awaited<ReturnType<typeof startFixedModel>> | undefined} */
let model;
/** @type {{ port: number, stop: () => Promise<void> } | undefined} */
let redis;
/** @type {{ env: Record<string, string>, stop: () => Promise<void> } | undefined} */
let postgres;
/** @type {import('../../scripts/e2e/n8n').QueueModeN8n | undefined} */
let n8n;
let botUrl = '';
/** The trigger's Production URL on the second webhook process, as a load balancer may route Zenvia's posts. */
let botUrl2 = '';
let reviewUrl = '';

beforeAll(async () => {
	if (missing || !('path' in redisServer)) return;
	const started = Date.now();
	recorder = await startRecorder();
	model = await startFixedModel();
	postgres = await startPostgres({ log: (line) => process.stdout.write(`      ${line}\n`) });
	redis = await startRedis(redisServer.path);
	const folder = userFolderFor(`e2e-waits-queue-n8n-${n8nLine()}`);
	const workflowsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zenvia-waits-queue-'));
	fs.copyFileSync(BOT_FILE, path.join(workflowsDir, 'waits-bot.json'));
	fs.copyFileSync(REVIEW_FILE, path.join(workflowsDir, 'human-review.json'));
	const runtime = await prepareN8n({
		folder,
		workflowsDir,
		env: postgres.env,
		credentials: [
			zenviaCredential({ ...c.CREDENTIALS.account, chatApiToken: c.CHAT_TOKEN, clientSdkToken: c.CLIENT_SDK_TOKEN, baseUrl: emulatorUrl }),
			webhookSecretCredential({ ...c.CREDENTIALS.webhookSecret, secret: c.WEBHOOK_SECRET }),
			{ ...MODEL_CREDENTIAL, type: 'openAiApi', data: { apiKey: 'e2e-not-a-real-key', organizationId: '', url: model.url, header: false } },
		],
		log: (line) => process.stdout.write(`      ${line}\n`),
	});
	fs.rmSync(workflowsDir, { recursive: true, force: true });
	await publishWorkflow(runtime, folder, BOT.id, { env: postgres.env });
	await publishWorkflow(runtime, folder, REVIEW.id, { env: postgres.env });

	const webhookPort = await freePort();
	const webhookUrl = `http://127.0.0.1:${webhookPort}`;
	const webhook2Port = await freePort();
	n8n = await startQueueMode(runtime, folder, {
		redisPort: redis.port,
		webhookPorts: [webhookPort, webhook2Port],
		env: {
			...postgres.env,
			// The address Zenvia posts to, and the one every process builds the trigger's Production URL
			// and the resume URLs from: the worker's waiting node registers there, the trigger on the
			// webhook process resumes there.
			WEBHOOK_URL: `${webhookUrl}/`,
			E2E_RECORDER_URL: recorder.url,
			N8N_BLOCK_ENV_ACCESS_IN_NODE: 'false',
		},
	});
	const botPath = `/webhook/${TRIGGER.webhookId}/zenvia-chat?secret=${encodeURIComponent(c.WEBHOOK_SECRET)}`;
	botUrl = `${webhookUrl}${botPath}`;
	botUrl2 = `http://127.0.0.1:${webhook2Port}${botPath}`;
	reviewUrl = `${webhookUrl}/webhook/${REVIEW_TRIGGER.webhookId}/zenvia-chat?secret=${encodeURIComponent(c.WEBHOOK_SECRET)}`;
	await Promise.all([waitForWebhook(botUrl), waitForWebhook(botUrl2), waitForWebhook(reviewUrl)]);
	process.stdout.write(`      queue mode (PostgreSQL, Redis, main, two webhook processes, worker) ready in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
});

afterAll(async () => {
	fs.mkdirSync(c.WORK_DIR, { recursive: true });
	if (n8n) fs.writeFileSync(path.join(c.WORK_DIR, 'waits-queue-n8n.log'), n8n.output());
	await n8n?.stop();
	await redis?.stop();
	await postgres?.stop();
	await recorder?.close();
	await model?.close();
});

/** @returns {Array<Record<string, any>>} */
const recordsOf = (/** @type {string} */ hash, /** @type {string} */ kind) =>
	(recorder?.records ?? []).filter((record) => /** @type {any} */ (record).interactionHash === hash && /** @type {any} */ (record).kind === kind);

async function recorded(/** @type {string} */ hash, /** @type {string} */ kind) {
	await waitFor(`a "${kind}" record of ${hash}`, async () => recordsOf(hash, kind).length > 0, { timeoutMs: 60_000 });
	return recordsOf(hash, kind)[0];
}

async function newBotInteraction(departmentId = 1, target = botUrl) {
	const sent = await emulator.bot('newInteraction', { target, departmentId });
	expect(sent.delivered).toEqual([{ status: 200, body: STARTED }]);
	return /** @type {string} */ (sent.payload.interaction_hash);
}

/** Once the bot asked its question, the customer replies through `target`, which a waiting execution takes. */
async function replyToQuestion(/** @type {string} */ hash, /** @type {string} */ target, /** @type {string} */ content) {
	await waitFor('the question', async () => (await emulator.requests()).some((request) => request.path === `/api/v1/bot/${hash}/message`), {
		timeoutMs: 60_000,
	});
	const answer = await emulator.bot('newMessage', { target, interactionHash: hash, content });
	expect(answer.delivered).toEqual([{ status: 200, body: RECEIVED }]);
}

/** After a moment for anything late to show: the reply started no execution and resumed the wait once. */
async function resumedOnceAndNothingElse(/** @type {string} */ hash) {
	await new Promise((resolve) => setTimeout(resolve, 3000));
	expect(recordsOf(hash, 'ordinary')).toEqual([]);
	expect(recordsOf(hash, 'outcome')).toHaveLength(1);
}

/**
 * The jobs the worker finished, by execution: a waiting execution runs as two jobs, one up to its
 * wait and one from its resume.
 * @param {string} output
 */
function jobsByExecution(output) {
	/** @type {Record<string, number>} */
	const jobs = {};
	for (const [, execution] of output.matchAll(/Worker finished execution (\d+) \(job \d+\)/g)) jobs[execution] = (jobs[execution] ?? 0) + 1;
	return jobs;
}

/** A wait limit is ended by the main process's wait tracker, which looks for due waits every minute. */
const LIMIT_TIMEOUT_MS = 150_000;

// A worker's new execution gets no workflow static data: n8n stores an execution's workflow as a
// snapshot without it (executions/execution-data/types.js, toWorkflowSnapshot) and reloads it only
// for an execution a webhook call resumes (workflow-runner.js; scaling/job-processor.js). So the
// waiting node finds the trigger's address and a key for its conversation in the wait pass the
// trigger put on the item that started the execution (nodes/ZenviaChat/helpers/waitDesk.ts).
describeWithServers('Waits in n8n queue mode (PostgreSQL, Redis, webhook process, worker)', () => {
	it('resumes the bot\'s waiting execution with the reply posted to the webhook process, and starts no other', async () => {
		const hash = await newBotInteraction();
		const { executionId } = await recorded(hash, 'started');
		await replyToQuestion(hash, botUrl, 'Maria');
		expect(await recorded(hash, 'outcome')).toEqual({
			kind: 'outcome',
			executionId,
			outcome: 'reply',
			interactionHash: hash,
			content: 'Maria',
			contentType: 'text',
			waitedMs: expect.any(Number),
		});
		await resumedOnceAndNothingElse(hash);
		expect(n8n?.worker.output()).not.toMatch(/Unrecognized node type/);
	});

	it('delivers an answer posted within milliseconds of the question, before the worker has saved the execution as waiting', async () => {
		const hash = await newBotInteraction();
		await emulator.bot('answerNextMessage', { target: botUrl, interactionHash: hash, content: 'Quick answer', delayMs: 0 });
		const { executionId } = await recorded(hash, 'started');
		expect(await recorded(hash, 'outcome')).toMatchObject({ executionId, outcome: 'reply', interactionHash: hash, content: 'Quick answer' });
		const { bots } = await emulator.state();
		const answers = bots.find((/** @type {{ hash: string }} */ bot) => bot.hash === hash).answers;
		expect(answers).toEqual([{ content: 'Quick answer', sentAt: expect.any(Number), delivered: { status: 200, body: RECEIVED } }]);
		await resumedOnceAndNothingElse(hash);
	});

	it('ran every execution on the worker: two dialogs, each started once and resumed once', async () => {
		// Each execution above ran on the worker as two jobs: up to its wait, then from its resume.
		const worker = n8n?.worker;
		if (!worker) throw new Error('set-up failed');
		await waitFor('four finished jobs on the worker', async () => Object.values(jobsByExecution(worker.output())).reduce((a, b) => a + b, 0) >= 4, { timeoutMs: 30_000 });
		expect(Object.values(jobsByExecution(worker.output()))).toEqual([2, 2]);
		const kinds = (recorder?.records ?? []).map((record) => /** @type {any} */ (record).kind).sort();
		expect(kinds).toEqual(['outcome', 'outcome', 'started', 'started']);
	});

	it('with two webhook processes, a reply posted to the other one resumes the wait and starts nothing else', async () => {
		// The wait registers at WEBHOOK_URL (the first process); the reply reaches the second, as a
		// load balancer in front of both may route it. Each process reads the desk from the
		// workflow's static data in the database on every call.
		const hash = await newBotInteraction();
		const { executionId } = await recorded(hash, 'started');
		await replyToQuestion(hash, botUrl2, 'Via the other process');
		expect(await recorded(hash, 'outcome')).toMatchObject({ executionId, outcome: 'reply', interactionHash: hash, content: 'Via the other process' });
		await resumedOnceAndNothingElse(hash);
		expect(jobsByExecution(n8n?.worker.output() ?? '')[executionId]).toBe(2);
	});

	it('an AI Agent\'s Human-review gate waits on the worker: the customer\'s "sim" resumes it and the transfer follows', async () => {
		// The gate is a tool of the agent: it finds the wait pass on the trigger above its agent.
		const hash = await newBotInteraction(1, reviewUrl);
		const callsOf = async () => (await emulator.requests()).filter((request) => request.path.startsWith(`/api/v1/bot/${hash}/`)).map((request) => `${request.method} ${request.path}`);
		await waitFor('the bot to accept', async () => (await callsOf()).length > 0, { timeoutMs: 60_000 });
		const asked = await emulator.bot('newMessage', { target: reviewUrl, interactionHash: hash, content: 'I want to talk to a person' });
		expect(asked.delivered).toEqual([{ status: 200, body: STARTED }]);
		await waitFor('the gate\'s question', async () => {
			if (model?.errors.length) throw new Error(model.errors.join('\n'));
			return (await callsOf()).length > 1;
		}, { timeoutMs: 60_000 });
		const answer = await emulator.bot('newMessage', { target: reviewUrl, interactionHash: hash, content: 'sim' });
		expect(answer.delivered).toEqual([{ status: 200, body: RECEIVED }]);
		const answered = () => (recorder?.records ?? []).filter((record) => /** @type {any} */ (record).interactionHash === hash && /** @type {any} */ (record).kind === 'answered');
		await waitFor('the agent to finish', async () => answered().length > 0, { timeoutMs: 60_000 });
		expect(await callsOf()).toEqual([`PUT /api/v1/bot/${hash}/accept`, `POST /api/v1/bot/${hash}/message`, `PUT /api/v1/bot/${hash}/transfer`]);
		expect(answered()).toEqual([expect.objectContaining({ interactionHash: hash, output: DONE })]);
		// The agent's execution ran on the worker: up to the gate's wait, then from the reply.
		const { executionId } = /** @type {any} */ (answered()[0]);
		expect(jobsByExecution(n8n?.worker.output() ?? '')[executionId]).toBe(2);
	});

	it('ends a wait at its limit on the worker; the execution, resumed without static data, waits again and the reply resumes it', async () => {
		// Department 3: the workflow's wait limit is then 0.05 minutes. The main process's wait
		// tracker enqueues the resume; the worker runs it without the workflow's static data, and
		// the second question registers with the wait pass again.
		const hash = await newBotInteraction(3);
		const { executionId } = await recorded(hash, 'started');
		await waitFor('the no-reply outcome', async () => recordsOf(hash, 'outcome').length > 0, { timeoutMs: LIMIT_TIMEOUT_MS });
		expect(recordsOf(hash, 'outcome')).toEqual([expect.objectContaining({ executionId, outcome: 'noReply', interactionHash: hash })]);
		await waitFor('the second question', async () => (await emulator.requests()).filter((request) => request.path === `/api/v1/bot/${hash}/message`).length === 2, {
			timeoutMs: 30_000,
		});
		const answer = await emulator.bot('newMessage', { target: botUrl, interactionHash: hash, content: 'Still here' });
		expect(answer.delivered).toEqual([{ status: 200, body: RECEIVED }]);
		await waitFor('the second outcome', async () => recordsOf(hash, 'second').length > 0, { timeoutMs: 60_000 });
		expect(recordsOf(hash, 'second')).toEqual([expect.objectContaining({ executionId, outcome: 'reply', content: 'Still here' })]);
		await new Promise((resolve) => setTimeout(resolve, 3000));
		expect(recordsOf(hash, 'ordinary')).toEqual([]);
		// Three jobs: up to the first wait, from its limit to the second wait, from the reply.
		expect(jobsByExecution(n8n?.worker.output() ?? '')[executionId]).toBe(3);
	}, LIMIT_TIMEOUT_MS + 120_000);
});
