// @ts-check
'use strict';

// The trigger in a published workflow of a running `n8n start`: the emulator posts agent events to
// the production webhook URL; each execution reports its item to a local recorder.

const { freePort, publishWorkflow, startN8n, storedText, waitFor, waitForWebhook } = require('../../scripts/e2e');
const { CHAT_TOKEN, WEBHOOK_SECRET } = require('./setup/constants');
const { emulator, runtime, userFolder } = require('./setup/context');
const { startRecorder } = require('../../scripts/e2e/recorder');

const WEBHOOK_PATH = 'webhook/e2e00000-0000-4000-8000-0000000zenv1/zenvia-chat';
/** What n8n answers when the node drops an event: no execution was started. */
const DROPPED = { message: 'Webhook call received' };
const STARTED = { message: 'Workflow was started' };

/** @type {Awaited<ReturnType<typeof startRecorder>> | undefined} */
let recorder;
/** @type {import('../../scripts/e2e/n8n').N8nServer | undefined} */
let n8n;

beforeAll(async () => {
	recorder = await startRecorder();
	await publishWorkflow(runtime, userFolder, 'e2eTrigger');
	await publishWorkflow(runtime, userFolder, 'e2eTriggerSettings');
	const started = Date.now();
	n8n = await startN8n(runtime, userFolder, {
		port: await freePort(),
		// The workflow's HTTP Request node reads the recorder's address from the environment.
		env: { E2E_RECORDER_URL: recorder.url, N8N_BLOCK_ENV_ACCESS_IN_NODE: 'false' },
	});
	await waitForWebhook(`${n8n.url}/${WEBHOOK_PATH}`);
	process.stdout.write(`      n8n start: webhook ready at ${n8n.url} in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
});

afterAll(async () => {
	await emulator.setWebhook(null);
	await n8n?.stop();
	await recorder?.close();
});

/** Starts an interaction in the emulator through its Chat API, as a CRM integration would. */
async function startInteraction() {
	const answer = await fetch(`${emulator.url}/core/api/v1/interactions`, {
		method: 'POST',
		headers: { 'Content-Type': 'application/json' },
		body: JSON.stringify({ token: CHAT_TOKEN, department_id: 1, extra: { crmId: '7' } }),
		signal: AbortSignal.timeout(10_000),
	});
	const { data } = await answer.json();
	return /** @type {string} */ (data.interaction_hash);
}

/**
 * The agent acts in the emulator, which posts the event to n8n; returns n8n's answer.
 * @param {string} action
 * @param {Record<string, unknown>} params
 */
async function agent(action, params) {
	const { delivered } = await emulator.agent(action, params);
	return delivered[0];
}

describe('Zenvia Chat Trigger in a running n8n', () => {
	it('starts one execution per picked event and none for the others', async () => {
		if (!n8n || !recorder) throw new Error('set-up failed');
		// The secret comes from the trigger's credential; in the URL it is URL-encoded.
		await emulator.setWebhook(`${n8n.url}/${WEBHOOK_PATH}?secret=${encodeURIComponent(WEBHOOK_SECRET)}`);
		const interactionHash = await startInteraction();

		// Picked: accepted, message, finished. The rest must cost no execution.
		expect(await agent('queue', { interactionHash })).toEqual({ status: 200, body: DROPPED });
		expect(await agent('accept', { interactionHash })).toEqual({ status: 200, body: STARTED });
		expect(await agent('type', { interactionHash })).toEqual({ status: 200, body: DROPPED });
		expect(await agent('stopTyping', { interactionHash })).toEqual({ status: 200, body: DROPPED });
		expect(await agent('message', { interactionHash, content: 'Hi Maria, how can I help?' })).toEqual({ status: 200, body: STARTED });
		expect(await agent('transfer', { externalId: '5511900000001', departmentId: 3 })).toEqual({ status: 200, body: DROPPED });
		expect(await agent('finish', { interactionHash })).toEqual({ status: 200, body: STARTED });

		await recorder.waitForRecords(3);
		// Nothing late: the dropped events started no execution.
		await new Promise((resolve) => setTimeout(resolve, 1500));
		const byEvent = Object.fromEntries(recorder.records.map((record) => [/** @type {{ event: string }} */ (record).event, record]));
		expect(recorder.records).toHaveLength(3);
		expect(byEvent).toEqual({
			accepted: { event: 'accepted', interactionHash, extra: { crmId: '7' } },
			message: {
				event: 'message',
				interactionHash,
				message: { hash: expect.any(String), content: 'Hi Maria, how can I help?', type: 'text', url: null },
				agent: { id: 111, name: 'Atendente' },
				extra: { crmId: '7' },
			},
			finished: { event: 'finished', interactionHash, extra: { crmId: '7' } },
		});
	});

	it('refuses a call without the shared secret and starts nothing', async () => {
		if (!n8n || !recorder) throw new Error('set-up failed');
		const before = recorder.records.length;
		await emulator.setWebhook(`${n8n.url}/${WEBHOOK_PATH}`);
		const answer = await agent('accept', { interactionHash: await startInteraction() });
		expect(answer.status).toBe(401);
		await new Promise((resolve) => setTimeout(resolve, 1500));
		expect(recorder.records).toHaveLength(before);
	});

	// test/e2e/workflows/trigger-settings.json: settings given by expressions, as n8n resolves them.
	const settingsUrl = (/** @type {string} */ webhookId) => `${n8n?.url}/webhook/${webhookId}/zenvia-chat`;
	/** @param {string} url @param {unknown} payload */
	const post = async (url, payload) => {
		const answer = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(payload), signal: AbortSignal.timeout(30_000) });
		return { status: answer.status, body: await answer.json() };
	};

	it('reads "false" and a number from expressions for what they say', async () => {
		if (!n8n || !recorder) throw new Error('set-up failed');
		const before = recorder.records.length;
		// Only With an External ID = "false", Extra Contains = 7: a Chat API event with extra key 7 passes.
		const finished = { interaction_hash: 'settings-1', state: 'finished', extra: { 7: 'crm' } };
		expect(await post(settingsUrl('e2e00000-0000-4000-8000-0000000zenv2'), finished)).toEqual({ status: 200, body: STARTED });
		await recorder.waitForRecords(before + 1);
		expect(recorder.records[before]).toEqual({ event: 'finished', interactionHash: 'settings-1', extra: { 7: 'crm' } });
	});

	it('fails the call of a setting that says nothing, naming it in the execution n8n lists', async () => {
		if (!n8n || !recorder) throw new Error('set-up failed');
		const before = recorder.records.length;
		const answer = await post(settingsUrl('e2e00000-0000-4000-8000-0000000zenv3'), { interaction_hash: 'settings-2', state: 'finished' });
		expect(answer.status).toBe(500);
		// n8n keeps the call as a failed execution carrying the node's error, where the owner looks.
		const named = "The trigger's settings: Raw Body Only must be true or false, got maybe";
		await waitFor('the failed execution in n8n\'s database', async () => storedText(userFolder).includes(named), { timeoutMs: 15_000 });
		await new Promise((resolve) => setTimeout(resolve, 1500));
		expect(recorder.records).toHaveLength(before);
	});
});

