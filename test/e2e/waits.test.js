// @ts-check
'use strict';

// Conversations that wait, in a running `n8n start`: Bot > Send and Wait for Reply and
// Interaction > Wait for Event put their execution to wait; the emulator, acting as Zenvia, posts
// the conversation's events to the workflow's Zenvia Chat Trigger, which resumes the waiting
// execution through n8n's own resume URL. Each execution reports to a local recorder what it
// started on ("started"), what the wait gave ("outcome") and any event handled as an ordinary one
// ("ordinary"), so a stray execution shows.
// Workflows: test/e2e/workflows/waits-bot.json and waits-crm.json.

const fs = require('fs');
const path = require('path');
const { executeFromEditor, freePort, ownerEnv, restOk, signIn, startN8n, storedText, userFolderFor, waitFor, waitForWebhook } = require('../../scripts/e2e');
const { WEBHOOK_SECRET, WORK_DIR } = require('./setup/constants');
const { preparePublished, recorderEnv } = require('./setup/published');
const { emulator, runtime } = require('./setup/context');
const { startRecorder } = require('../../scripts/e2e/recorder');

const BOT = JSON.parse(fs.readFileSync(path.join(__dirname, 'workflows', 'waits-bot.json'), 'utf8'));
const CRM = JSON.parse(fs.readFileSync(path.join(__dirname, 'workflows', 'waits-crm.json'), 'utf8'));
const triggerOf = (/** @type {any} */ workflow) => workflow.nodes.find((/** @type {any} */ node) => node.type.endsWith('.zenviaChatTrigger'));
const ASK_NODE_ID = BOT.nodes.find((/** @type {any} */ node) => node.name === 'Ask Name').id;
const SECRET_QUERY = `?secret=${encodeURIComponent(WEBHOOK_SECRET)}`;
const RECEIVED = { message: 'Webhook call received' };
const STARTED = { message: 'Workflow was started' };
/** Its own n8n database: this file stops and restarts n8n, and touches no other test's executions. */
const userFolder = userFolderFor('e2e-waits');
/** The owner whose session runs the workflow from the editor and reads n8n's executions. */
const LOGIN = { email: 'waits-owner@example.com', password: 'Waits-Owner-e2e-7' };
/** n8n looks for expired waits about once a minute. */
const LIMIT_TIMEOUT_MS = 150_000;

/** @type {Awaited<ReturnType<typeof startRecorder>> | undefined} */
let recorder;
/** @type {import('../../scripts/e2e/n8n').N8nServer | undefined} */
let n8n;
let botUrl = '';
let crmTriggerUrl = '';

beforeAll(async () => {
	recorder = await startRecorder();
	await preparePublished({ userFolder, workflows: [BOT, CRM] });
	n8n = await startN8n(runtime, userFolder, { port: await freePort(), env: { ...recorderEnv(recorder), ...ownerEnv(runtime, LOGIN) } });
	botUrl = `${n8n.url}/webhook/${triggerOf(BOT).webhookId}/zenvia-chat${SECRET_QUERY}`;
	crmTriggerUrl = `${n8n.url}/webhook/${triggerOf(CRM).webhookId}/zenvia-chat${SECRET_QUERY}`;
	await waitForWebhook(botUrl);
	await waitForWebhook(`${n8n.url}/webhook/e2e-crm-start`);
});

afterAll(async () => {
	// n8n's log (where the trigger says why an event could not reach its waiter), for a failed run.
	if (n8n) fs.writeFileSync(path.join(WORK_DIR, 'waits-n8n.log'), n8n.output());
	await n8n?.stop();
	await recorder?.close();
});

/** @returns {Array<Record<string, any>>} what the executions reported about one interaction */
const recordsOf = (/** @type {string} */ hash, /** @type {string} */ kind) =>
	(recorder?.records ?? []).filter((record) => /** @type {any} */ (record).interactionHash === hash && /** @type {any} */ (record).kind === kind);

/** Waits for an execution's report of an interaction, and gives it. */
async function recorded(/** @type {string} */ hash, /** @type {string} */ kind, timeoutMs = 60_000) {
	await waitFor(`a "${kind}" record of ${hash}`, async () => recordsOf(hash, kind).length > 0, { timeoutMs });
	return recordsOf(hash, kind)[0];
}

/** Waits long enough for anything late (a second execution, a second resume) to show. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 2000));

/** A new bot interaction posted to the bot workflow; resolves once its execution started. */
async function newBotInteraction(departmentId = 1) {
	const sent = await emulator.bot('newInteraction', { target: botUrl, departmentId });
	expect(sent.delivered).toEqual([{ status: 200, body: STARTED }]);
	return /** @type {string} */ (sent.payload.interaction_hash);
}

/** Waits until the bot asked its question in the interaction. */
async function questionAsked(/** @type {string} */ hash) {
	await waitFor(
		'the question',
		async () => (await emulator.requests()).some((request) => request.path === `/api/v1/bot/${hash}/message`),
		{ timeoutMs: 60_000 },
	);
}

/** The customer writes to the bot (Zenvia posts new_message); gives n8n's answer. */
async function reply(/** @type {string} */ hash, /** @type {string} */ content) {
	const sent = await emulator.bot('newMessage', { target: botUrl, interactionHash: hash, content });
	return sent.delivered[0];
}

describe('Bot > Send and Wait for Reply in a running n8n', () => {
	it('resumes the waiting execution with the customer\'s reply and starts no other', async () => {
		const hash = await newBotInteraction();
		const started = await recorded(hash, 'started');
		await questionAsked(hash);

		expect(await reply(hash, 'Maria')).toEqual({ status: 200, body: RECEIVED });
		const outcome = await recorded(hash, 'outcome');
		expect(outcome).toEqual({
			kind: 'outcome',
			executionId: started.executionId,
			outcome: 'reply',
			interactionHash: hash,
			content: 'Maria',
			contentType: 'text',
			waitedMs: expect.any(Number),
		});
		await settle();
		expect(recordsOf(hash, 'ordinary')).toEqual([]);
		expect(recordsOf(hash, 'outcome')).toHaveLength(1);
	});

	it('delivers an answer posted within milliseconds of the question', async () => {
		const hash = await newBotInteraction();
		// The customer's answer leaves the emulator at once when the question arrives, before n8n
		// has saved the execution as waiting.
		await emulator.bot('answerNextMessage', { target: botUrl, interactionHash: hash, content: 'Quick answer', delayMs: 0 });
		const outcome = await recorded(hash, 'outcome');
		expect(outcome).toMatchObject({ outcome: 'reply', interactionHash: hash, content: 'Quick answer' });
		const { bots } = await emulator.state();
		const answers = bots.find((/** @type {{ hash: string }} */ bot) => bot.hash === hash).answers;
		expect(answers).toEqual([{ content: 'Quick answer', sentAt: expect.any(Number), delivered: { status: 200, body: RECEIVED } }]);
		await settle();
		expect(recordsOf(hash, 'ordinary')).toEqual([]);
	});

	it('delivers an answer that arrives before the question\'s call has even returned', async () => {
		const hash = await newBotInteraction();
		// Zenvia holds its answer to the bot's message call for 1.5 s and posts the customer's
		// answer meanwhile: n8n answers the trigger 409 (running) until the execution waits.
		await emulator.bot('answerNextMessage', { target: botUrl, interactionHash: hash, content: 'Even quicker', delayMs: 0, holdMs: 1500 });
		const outcome = await recorded(hash, 'outcome');
		expect(outcome).toMatchObject({ outcome: 'reply', interactionHash: hash, content: 'Even quicker' });
		const { bots } = await emulator.state();
		const [answer] = bots.find((/** @type {{ hash: string }} */ bot) => bot.hash === hash).answers;
		expect(answer.delivered).toEqual({ status: 200, body: RECEIVED });
		await settle();
		expect(recordsOf(hash, 'ordinary')).toEqual([]);
	});

	it('ends the wait with outcome customerLeft when the customer leaves', async () => {
		const hash = await newBotInteraction();
		await questionAsked(hash);
		const sent = await emulator.bot('finishedInteraction', { target: botUrl, interactionHash: hash });
		expect(sent.delivered).toEqual([{ status: 200, body: RECEIVED }]);
		expect(await recorded(hash, 'outcome')).toMatchObject({ outcome: 'customerLeft', interactionHash: hash });
		await settle();
		expect(recordsOf(hash, 'ordinary')).toEqual([]);
	});

	it('refuses a resume call without the URL\'s signature, and the real reply still resumes', async () => {
		if (!n8n) throw new Error('set-up failed');
		const hash = await newBotInteraction();
		const { executionId } = await recorded(hash, 'started');
		await questionAsked(hash);
		await waitFor('the execution to wait', async () => {
			const answer = await fetch(`${n8n?.url}/webhook-waiting/${executionId}/${ASK_NODE_ID}`, { method: 'POST' });
			return answer.status !== 409;
		}, { timeoutMs: 30_000 });

		const forged = { item: { event: 'new_message', interactionHash: hash, content: 'forged', contentType: 'text' } };
		for (const query of ['', '?signature=forged', `?signature=${'0'.repeat(64)}`]) {
			const answer = await fetch(`${n8n.url}/webhook-waiting/${executionId}/${ASK_NODE_ID}${query}`, {
				method: 'POST',
				headers: { 'Content-Type': 'application/json' },
				body: JSON.stringify(forged),
			});
			expect([query, answer.status]).toEqual([query, 401]);
		}
		await settle();
		expect(recordsOf(hash, 'outcome')).toEqual([]);

		expect(await reply(hash, 'The real one')).toEqual({ status: 200, body: RECEIVED });
		expect(await recorded(hash, 'outcome')).toMatchObject({ outcome: 'reply', content: 'The real one', executionId });
	});

	it('resumes nothing twice: a repeated reply goes on as an ordinary event', async () => {
		const hash = await newBotInteraction();
		await questionAsked(hash);
		expect(await reply(hash, 'Twice')).toEqual({ status: 200, body: RECEIVED });
		await recorded(hash, 'outcome');
		// Zenvia posts the same event again: its waiter has moved on, so it resumes nothing and, as
		// the trigger picks new_message, starts the workflow as any event would.
		expect(await reply(hash, 'Twice')).toEqual({ status: 200, body: STARTED });
		expect(await recorded(hash, 'ordinary')).toMatchObject({ kind: 'ordinary', event: 'new_message', content: 'Twice' });
		await settle();
		expect(recordsOf(hash, 'outcome')).toHaveLength(1);
		expect(recordsOf(hash, 'ordinary')).toHaveLength(1);
	});

	it('ends the wait with outcome noReply at its limit; a second wait in the same execution still works', async () => {
		// Department 3: the workflow's wait limit is then 0.05 minutes.
		const hash = await newBotInteraction(3);
		const { executionId } = await recorded(hash, 'started');
		const outcome = await recorded(hash, 'outcome', LIMIT_TIMEOUT_MS);
		expect(outcome).toEqual({ kind: 'outcome', executionId, outcome: 'noReply', interactionHash: hash, waitedMs: 3000 });
		// The workflow asks again, in the same execution, which n8n's timer resumed without the
		// workflow's static data: the second wait still registers, and the reply resumes it.
		await waitFor('the second question', async () => (await emulator.requests()).filter((request) => request.path === `/api/v1/bot/${hash}/message`).length === 2, {
			timeoutMs: 30_000,
		});
		expect(await reply(hash, 'Still here')).toEqual({ status: 200, body: RECEIVED });
		expect(await recorded(hash, 'second')).toMatchObject({ executionId, outcome: 'reply', content: 'Still here' });
		await settle();
		expect(recordsOf(hash, 'outcome')).toHaveLength(1);
		expect(recordsOf(hash, 'ordinary')).toEqual([]);
	}, LIMIT_TIMEOUT_MS + 60_000);
});

describe('Interaction > Wait for Event in a running n8n', () => {
	it('starts an interaction, waits until the agent finishes it, then goes on', async () => {
		if (!n8n) throw new Error('set-up failed');
		const before = new Set((await emulator.state()).interactions.map((/** @type {{ hash: string }} */ interaction) => interaction.hash));
		const answer = await fetch(`${n8n.url}/webhook/e2e-crm-start`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
		expect(answer.status).toBe(200);
		let hash = '';
		await waitFor('the new interaction', async () => {
			const created = (await emulator.state()).interactions.find((/** @type {{ hash: string }} */ interaction) => !before.has(interaction.hash));
			hash = created?.hash ?? '';
			return Boolean(hash);
		}, { timeoutMs: 30_000 });

		// Accepted is not waited for: the trigger picks it, so it starts an ordinary execution.
		expect((await emulator.agent('accept', { interactionHash: hash, target: crmTriggerUrl })).delivered).toEqual([{ status: 200, body: STARTED }]);
		await recorded(hash, 'ordinary');
		expect((await emulator.agent('finish', { interactionHash: hash, target: crmTriggerUrl })).delivered).toEqual([{ status: 200, body: RECEIVED }]);
		expect(await recorded(hash, 'outcome')).toMatchObject({ outcome: 'event', event: 'finished', interactionHash: hash, waitedMs: expect.any(Number) });
		await settle();
		expect(recordsOf(hash, 'ordinary')).toHaveLength(1);
	});
});


describe('Interaction > Wait for Event by WhatsApp API v1 customer', () => {
	it('waits until the customer\'s conversation is transferred, by external ID', async () => {
		if (!n8n || !recorder) throw new Error('set-up failed');
		const externalId = `55119${Date.now() % 100_000_000}`;
		const answer = await fetch(`${n8n.url}/webhook/e2e-whatsapp-wait`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify({ externalId }),
		});
		expect(answer.status).toBe(200);
		await waitFor('the execution to start', async () => (recorder?.records ?? []).some((record) => /** @type {any} */ (record).body?.externalId === externalId), {
			timeoutMs: 30_000,
		});
		// The wait is registered right after that report; give it a moment.
		await new Promise((resolve) => setTimeout(resolve, 1500));
		const sent = await emulator.agent('transfer', { externalId, departmentId: 3, target: crmTriggerUrl });
		expect(sent.delivered).toEqual([{ status: 200, body: RECEIVED }]);
		await waitFor('the outcome', async () => (recorder?.records ?? []).some((record) => /** @type {any} */ (record).externalId === externalId), { timeoutMs: 30_000 });
		const outcome = (recorder?.records ?? []).find((record) => /** @type {any} */ (record).externalId === externalId);
		expect(outcome).toMatchObject({ kind: 'outcome', outcome: 'event', event: 'transferred', externalId, departmentId: '3' });
	});
});

// Before the WEBHOOK_URL test below: that one restarts n8n without the owner this test signs in as.
describe('A manual run from the editor', () => {
	it('started by a message at the trigger\'s Test URL, waits, and the reply at the Production URL resumes it', async () => {
		if (!n8n) throw new Error('set-up failed');
		const session = await signIn(n8n.url, LOGIN);
		expect(await executeFromEditor(session, BOT.id, 'Zenvia Chat Trigger')).toEqual({ waitingForWebhook: true });
		const testUrl = botUrl.replace('/webhook/', '/webhook-test/');
		const sent = await emulator.bot('newInteraction', { target: testUrl, departmentId: 1 });
		expect(sent.delivered).toEqual([{ status: 200, body: STARTED }]);
		const hash = /** @type {string} */ (sent.payload.interaction_hash);
		const started = await recorded(hash, 'started');
		await questionAsked(hash);
		await waitFor('the manual run to wait', async () => (await restOk(session, 'GET', `/rest/executions/${started.executionId}`))?.status === 'waiting', { timeoutMs: 60_000 });

		// Zenvia posts the reply to the Production URL: the published trigger hands it to the manual run.
		expect(await reply(hash, 'Ana')).toEqual({ status: 200, body: RECEIVED });
		const outcome = await recorded(hash, 'outcome');
		expect(outcome).toMatchObject({ executionId: started.executionId, outcome: 'reply', content: 'Ana' });
		const run = await restOk(session, 'GET', `/rest/executions/${started.executionId}`);
		expect(run.mode).toBe('manual');
		await settle();
		expect(recordsOf(hash, 'ordinary')).toEqual([]);
	});
});

describe('An n8n that cannot reach its own WEBHOOK_URL', () => {
	it('fails the waiting node before anything is sent, naming WEBHOOK_URL', async () => {
		if (!n8n || !recorder) throw new Error('set-up failed');
		fs.writeFileSync(path.join(WORK_DIR, 'waits-n8n.log'), n8n.output());
		await n8n.stop();
		// WEBHOOK_URL names a port nobody listens on; Zenvia still reaches n8n on its real port.
		n8n = await startN8n(runtime, userFolder, {
			port: await freePort(),
			env: { ...recorderEnv(recorder), WEBHOOK_URL: `http://127.0.0.1:${await freePort()}/` },
		});
		botUrl = `${n8n.url}/webhook/${triggerOf(BOT).webhookId}/zenvia-chat${SECRET_QUERY}`;
		await waitForWebhook(botUrl);
		await emulator.clearRequests();

		const hash = await newBotInteraction();
		await recorded(hash, 'started');
		await waitFor('the failed execution in n8n\'s database', async () => storedText(userFolder).includes('set WEBHOOK_URL to an address this n8n can reach itself'), {
			timeoutMs: 30_000,
		});
		expect(storedText(userFolder)).toContain('n8n could not reach the Zenvia Chat Trigger\'s Production URL to register the wait');
		// Nothing was sent: the question would have been asked with no one to hear the answer.
		expect((await emulator.requests()).filter((request) => request.path === `/api/v1/bot/${hash}/message`)).toEqual([]);
	});
});
