// @ts-check
'use strict';

// n8n's queue mode on one machine: Redis, a main process (`n8n start`, production webhooks off),
// a webhook process (`n8n webhook`) and a worker (`n8n worker`), all on the same user folder and
// SQLite database, each loading the installed package. The emulator posts agent events to the
// webhook process; the executions they start run on the worker, whose Zenvia Chat node calls the
// emulator.

const {
	ensureRedisServer,
	freePort,
	publishWorkflow,
	startQueueMode,
	startRedis,
	waitFor,
	waitForWebhook,
} = require('../../scripts/e2e');
const { CHAT_TOKEN, WEBHOOK_SECRET } = require('./setup/constants');
const { emulator, runtime, userFolder } = require('./setup/context');
const { TOKEN, received } = require('./setup/requests');

const WEBHOOK_PATH = 'webhook/e2e00000-0000-4000-8000-000000queue1/zenvia-chat';
/** The trigger's shared secret (its credential), URL-encoded as the webhook URL carries it. */
const SECRET_IN_URL = encodeURIComponent(WEBHOOK_SECRET);
const DROPPED = { message: 'Webhook call received' };
const STARTED = { message: 'Workflow was started' };

const redisServer = ensureRedisServer();
const describeWithRedis = 'path' in redisServer ? describe : describe.skip;
if ('reason' in redisServer) process.stdout.write(`      Queue mode skipped: ${redisServer.reason}\n`);

/** @type {{ port: number, stop: () => Promise<void> } | undefined} */
let redis;
/** @type {import('../../scripts/e2e/n8n').QueueModeN8n | undefined} */
let n8n;

beforeAll(async () => {
	if (!('path' in redisServer)) return;
	const started = Date.now();
	await publishWorkflow(runtime, userFolder, 'e2eQueueMode');
	redis = await startRedis(redisServer.path);
	n8n = await startQueueMode(runtime, userFolder, { redisPort: redis.port, webhookPorts: [await freePort()] });
	await waitForWebhook(`${n8n.webhooks[0].url}/${WEBHOOK_PATH}`);
	process.stdout.write(`      queue mode (redis, main, webhook, worker) ready in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
});

afterAll(async () => {
	await emulator.setWebhook(null);
	await n8n?.stop();
	await redis?.stop();
});

/** Starts an interaction in the emulator through its Chat API, as a CRM integration would. */
async function startInteraction() {
	const answer = await fetch(`${emulator.url}/core/api/v1/interactions`, {
		method: 'POST',
		headers: { 'Content-Type': 'application/json' },
		body: JSON.stringify({ token: CHAT_TOKEN, department_id: 1 }),
		signal: AbortSignal.timeout(10_000),
	});
	const { data } = await answer.json();
	return /** @type {string} */ (data.interaction_hash);
}

/**
 * @param {string} action
 * @param {Record<string, unknown>} params
 */
async function agent(action, params) {
	const { delivered } = await emulator.agent(action, params);
	return delivered[0];
}

/** @param {string} output */
const finishedOnWorker = (output) => (output.match(/Worker finished execution \d+/g) ?? []).length;

describeWithRedis('Zenvia Chat in n8n queue mode (Redis, webhook process, worker)', () => {
	it('serves the trigger from the webhook process and runs each picked event once on the worker', async () => {
		if (!n8n) throw new Error('set-up failed');
		const { main, webhooks: [webhook], worker } = n8n;
		// The main process does not serve production webhooks in this set-up.
		const fromMain = await fetch(`${main.url}/${WEBHOOK_PATH}?secret=${SECRET_IN_URL}`, { method: 'POST', body: '{}', headers: { 'Content-Type': 'application/json' } });
		expect(fromMain.status).toBe(404);
		// The webhook process checks the trigger credential's secret: without it, nothing starts.
		const withoutSecret = await fetch(`${webhook.url}/${WEBHOOK_PATH}`, { method: 'POST', body: JSON.stringify({ interaction_hash: 'no-secret', state: 'accepted' }), headers: { 'Content-Type': 'application/json' } });
		expect(withoutSecret.status).toBe(401);

		await emulator.setWebhook(`${webhook.url}/${WEBHOOK_PATH}?secret=${SECRET_IN_URL}`);
		const hash = await startInteraction();
		await emulator.clearRequests();

		expect(await agent('queue', { interactionHash: hash })).toEqual({ status: 200, body: DROPPED });
		expect(await agent('accept', { interactionHash: hash })).toEqual({ status: 200, body: STARTED });
		expect(await agent('type', { interactionHash: hash })).toEqual({ status: 200, body: DROPPED });
		expect(await agent('message', { interactionHash: hash, content: 'Hello from the agent' })).toEqual({ status: 200, body: STARTED });
		expect(await agent('stopTyping', { interactionHash: hash })).toEqual({ status: 200, body: DROPPED });
		expect(await agent('finish', { interactionHash: hash })).toEqual({ status: 200, body: STARTED });

		await waitFor('three executions on the worker', async () => finishedOnWorker(worker.output()) >= 3, { timeoutMs: 60_000 });
		// Nothing late: dropped events started nothing, picked ones ran once.
		await new Promise((resolve) => setTimeout(resolve, 2000));
		expect(finishedOnWorker(worker.output())).toBe(3);
		expect(worker.output()).not.toMatch(/Unrecognized node type/);
		expect(webhook.output()).not.toMatch(/Unrecognized node type/);

		const notes = (await received()).filter((request) => request.method === 'PUT');
		expect(notes).toHaveLength(3);
		const bodies = notes.map((request) => request.body);
		expect(bodies).toEqual(
			expect.arrayContaining(
				['accepted', 'message', 'finished'].map((event) => ({ note: `Seen by the worker: ${event}`, token: TOKEN })),
			),
		);
		for (const request of notes) expect(request.path).toBe(`/core/api/v1/interactions/${hash}`);
	});
});
