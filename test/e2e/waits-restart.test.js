// @ts-check
'use strict';

// A wait survives an n8n restart: a bot execution (test/e2e/workflows/waits-bot.json) asks its
// question and waits; n8n is stopped and started again on the same user folder, database and
// address (a restart keeps WEBHOOK_URL, which the registered resume URL is built from); then the
// customer's reply, posted to the trigger as Zenvia posts it, resumes that same execution and
// starts no other.

const fs = require('fs');
const path = require('path');
const { freePort, publishWorkflow, startN8n, storedText, waitFor, waitForWebhook } = require('../../scripts/e2e');
const { WEBHOOK_SECRET, WORK_DIR } = require('./setup/constants');
const { emulator, runtime, userFolder } = require('./setup/context');
const { startRecorder } = require('../../scripts/e2e/recorder');

const BOT = JSON.parse(fs.readFileSync(path.join(__dirname, 'workflows', 'waits-bot.json'), 'utf8'));
const TRIGGER = BOT.nodes.find((/** @type {any} */ node) => node.type.endsWith('.zenviaChatTrigger'));
const RECEIVED = { message: 'Webhook call received' };
const STARTED = { message: 'Workflow was started' };

/** @type {Awaited<ReturnType<typeof startRecorder>> | undefined} */
let recorder;
/** @type {import('../../scripts/e2e/n8n').N8nServer | undefined} */
let n8n;
let port = 0;
let botUrl = '';
/** Everything each n8n run printed, for a failed run. */
const logs = /** @type {string[]} */ ([]);

async function start() {
	if (!recorder) throw new Error('set-up failed');
	n8n = await startN8n(runtime, userFolder, {
		port,
		env: { E2E_RECORDER_URL: recorder.url, N8N_BLOCK_ENV_ACCESS_IN_NODE: 'false' },
	});
	await waitForWebhook(botUrl);
}

async function stop() {
	if (!n8n) return;
	logs.push(n8n.output());
	await n8n.stop();
	n8n = undefined;
}

beforeAll(async () => {
	recorder = await startRecorder();
	await publishWorkflow(runtime, userFolder, BOT.id);
	port = await freePort();
	botUrl = `http://127.0.0.1:${port}/webhook/${TRIGGER.webhookId}/zenvia-chat?secret=${encodeURIComponent(WEBHOOK_SECRET)}`;
	await start();
});

afterAll(async () => {
	await stop();
	fs.mkdirSync(WORK_DIR, { recursive: true });
	fs.writeFileSync(path.join(WORK_DIR, 'waits-restart-n8n.log'), logs.join('\n==== n8n restarted ====\n'));
	await recorder?.close();
});

/** @returns {Array<Record<string, any>>} */
const recordsOf = (/** @type {string} */ hash, /** @type {string} */ kind) =>
	(recorder?.records ?? []).filter((record) => /** @type {any} */ (record).interactionHash === hash && /** @type {any} */ (record).kind === kind);

async function recorded(/** @type {string} */ hash, /** @type {string} */ kind) {
	await waitFor(`a "${kind}" record of ${hash}`, async () => recordsOf(hash, kind).length > 0, { timeoutMs: 60_000 });
	return recordsOf(hash, kind)[0];
}


// n8n 1.x gives nodes no execution custom data, which a wait needs: the node refuses, naming it.
const onLine1 = runtime.major === 1;

(onLine1 ? describe : describe.skip)('A wait on n8n 1.x', () => {
	it('is refused before the question is sent, naming what n8n 1.x lacks', async () => {
		const sent = await emulator.bot('newInteraction', { target: botUrl, departmentId: 1 });
		expect(sent.delivered).toEqual([{ status: 200, body: STARTED }]);
		const hash = /** @type {string} */ (sent.payload.interaction_hash);
		await recorded(hash, 'started');
		await waitFor('the refusal in n8n\'s database', async () => storedText(userFolder).includes('Waiting needs n8n 2.0 or later'), { timeoutMs: 60_000 });
		expect(storedText(userFolder)).toContain('this.customData');
		expect((await emulator.requests()).filter((request) => request.path === `/api/v1/bot/${hash}/message`)).toEqual([]);
	});
});

(onLine1 ? describe.skip : describe)('A wait across an n8n restart', () => {
	it('resumes the execution that waited before n8n was stopped, with the reply posted after it started again', async () => {
		const sent = await emulator.bot('newInteraction', { target: botUrl, departmentId: 1 });
		expect(sent.delivered).toEqual([{ status: 200, body: STARTED }]);
		const hash = /** @type {string} */ (sent.payload.interaction_hash);
		const { executionId } = await recorded(hash, 'started');
		await waitFor('the question', async () => (await emulator.requests()).some((request) => request.path === `/api/v1/bot/${hash}/message`), {
			timeoutMs: 60_000,
		});
		// Saved as waiting: a resume call without a signature is refused (401), no longer told "running" (409).
		const askNode = BOT.nodes.find((/** @type {any} */ node) => node.name === 'Ask Name');
		await waitFor('the execution to be saved as waiting', async () => {
			const answer = await fetch(`http://127.0.0.1:${port}/webhook-waiting/${executionId}/${askNode.id}`, { method: 'POST' });
			return answer.status !== 409;
		}, { timeoutMs: 30_000 });

		await stop();
		await start();

		const answer = await emulator.bot('newMessage', { target: botUrl, interactionHash: hash, content: 'After the restart' });
		expect(answer.delivered).toEqual([{ status: 200, body: RECEIVED }]);
		expect(await recorded(hash, 'outcome')).toEqual({
			kind: 'outcome',
			executionId,
			outcome: 'reply',
			interactionHash: hash,
			content: 'After the restart',
			contentType: 'text',
			waitedMs: expect.any(Number),
		});
		// Nothing late: no ordinary execution for the reply, no second resume.
		await new Promise((resolve) => setTimeout(resolve, 2000));
		expect(recordsOf(hash, 'ordinary')).toEqual([]);
		expect(recordsOf(hash, 'outcome')).toHaveLength(1);
		expect(recordsOf(hash, 'started')).toHaveLength(1);
	});
});
