// @ts-check
'use strict';

// The events hub example (examples/events-hub*.json) in a running n8n: Zenvia knows one URL, the
// hub's trigger takes every event and its Switch calls one sub-workflow per event through Execute
// Workflow. The emulator, acting as Zenvia, posts an interaction's events to the hub's Production
// URL; n8n's executions, read through its REST API as the owner, must show each sub-workflow ran
// for its events only, and the CRM-note sub-workflow must have written its note to the emulator.

const fs = require('fs');
const path = require('path');
const { REPO_DIR, freePort, ownerEnv, restOk, signIn, startN8n, userFolderFor, waitFor, waitForWebhook } = require('../../scripts/e2e');
const { CHAT_TOKEN, CREDENTIALS, WEBHOOK_SECRET } = require('./setup/constants');
const { emulator, runtime } = require('./setup/context');
const { preparePublished } = require('./setup/published');
const { TOKEN } = require('./setup/requests');

const EXAMPLES = ['events-hub.json', 'events-hub-crm-note.json', 'events-hub-agent-message.json'].map((file) =>
	JSON.parse(fs.readFileSync(path.join(REPO_DIR, 'examples', file), 'utf8')),
);
const [HUB, NOTE, MESSAGE] = EXAMPLES;
const LOGIN = { email: 'hub-owner@example.com', password: 'Hub-Owner-e2e-9' };
const STARTED = { message: 'Workflow was started' };
/** Its own n8n database, so the owner account made here touches no other test's. */
const USER_FOLDER = userFolderFor('e2e-events-hub');
const RUN_TIMEOUT_MS = 60_000;

/** @type {import('../../scripts/e2e/n8n').N8nServer | undefined} */
let n8n;
/** @type {import('../../scripts/e2e/editor').Session | undefined} */
let session;
let hubUrl = '';

/**
 * An example as a user sets it up: the Zenvia Chat credential picked (here the emulator's) and, on
 * the trigger, the shared secret's credential.
 * @param {any} example
 */
function asSetUp(example) {
	const workflow = structuredClone(example);
	for (const node of workflow.nodes) {
		if (node.credentials?.zenviaChatApi) node.credentials.zenviaChatApi = CREDENTIALS.account;
		if (node.type.endsWith('.zenviaChatTrigger')) node.credentials = { zenviaChatWebhookApi: CREDENTIALS.webhookSecret };
	}
	return workflow;
}

beforeAll(async () => {
	await preparePublished({ userFolder: USER_FOLDER, workflows: EXAMPLES.map(asSetUp) });
	n8n = await startN8n(runtime, USER_FOLDER, { port: await freePort(), env: ownerEnv(runtime, LOGIN) });
	const trigger = HUB.nodes.find((/** @type {{ type: string }} */ node) => node.type.endsWith('.zenviaChatTrigger'));
	hubUrl = `${n8n.url}/webhook/${trigger.webhookId}/zenvia-chat`;
	await waitForWebhook(hubUrl);
	session = await signIn(n8n.url, LOGIN);
});

afterAll(async () => {
	await n8n?.stop();
});

/** Starts an interaction in the emulator through its Chat API, as a CRM integration would. */
async function startInteraction() {
	const answer = await fetch(`${emulator.url}/core/api/v1/interactions`, {
		method: 'POST',
		headers: { 'Content-Type': 'application/json' },
		body: JSON.stringify({ token: CHAT_TOKEN, department_id: 1, extra: { crmId: 'CRM-1042' } }),
		signal: AbortSignal.timeout(10_000),
	});
	const { data } = await answer.json();
	return /** @type {string} */ (data.interaction_hash);
}

/**
 * n8n's stored executions of a workflow, oldest first, as the editor's Executions list has them.
 * @param {string} workflowId
 * @returns {Promise<{ id: string, status: string, mode: string }[]>}
 */
async function executionsOf(workflowId) {
	if (!session) throw new Error('set-up failed');
	const filter = encodeURIComponent(JSON.stringify({ workflowId }));
	const answer = await restOk(session, 'GET', `/rest/executions?filter=${filter}`);
	return [...(answer?.results ?? [])].sort((a, b) => Number(a.id) - Number(b.id));
}

/**
 * What a node output in one stored execution (first run, first output), read from the execution
 * as the editor opens it (n8n stores the run data in the `flatted` format).
 * @param {string} executionId
 * @param {string} nodeName
 */
async function nodeItems(executionId, nodeName) {
	if (!session) throw new Error('set-up failed');
	const flatted = require(path.join(runtime.dir, 'n8n', 'node_modules', 'flatted'));
	const execution = await restOk(session, 'GET', `/rest/executions/${executionId}`);
	const data = flatted.parse(execution.data);
	return (data.resultData.runData[nodeName]?.[0]?.data?.main?.[0] ?? []).map((/** @type {{ json: unknown }} */ item) => item.json);
}

/**
 * A stored execution as [mode, status], with the error n8n stored for it when it failed.
 * @param {{ id: string, mode: string, status: string }} run
 */
async function outcome(run) {
	if (run.status === 'success') return [run.mode, run.status];
	if (!session) throw new Error('set-up failed');
	const flatted = require(path.join(runtime.dir, 'n8n', 'node_modules', 'flatted'));
	const execution = await restOk(session, 'GET', `/rest/executions/${run.id}`);
	const error = flatted.parse(execution.data).resultData?.error;
	return [run.mode, run.status, `${error?.message ?? 'no error stored'}${error?.description ? ` (${error.description})` : ''}`];
}

/**
 * Waits until each workflow has the given number of stored executions, all finished.
 * @param {Record<string, number>} counts workflow id -> executions
 */
async function waitForExecutions(counts) {
	/** @type {Record<string, string[]>} */
	let seen = {};
	await waitFor(
		`executions ${JSON.stringify(counts)}`,
		async () => {
			seen = {};
			for (const id of Object.keys(counts)) seen[id] = (await executionsOf(id)).map((execution) => execution.status);
			return Object.entries(counts).every(([id, count]) => seen[id].length >= count && seen[id].every((status) => status !== 'running' && status !== 'new'));
		},
		{ timeoutMs: RUN_TIMEOUT_MS },
	).catch((error) => {
		throw new Error(`${error.message}; stored: ${JSON.stringify(seen)}`);
	});
}

describe('The events hub example in a running n8n', () => {
	it('runs each sub-workflow for its events only, from one Production URL', async () => {
		await emulator.clearRequests();
		const hash = await startInteraction();
		const target = `${hubUrl}?secret=${encodeURIComponent(WEBHOOK_SECRET)}`;
		const events = [
			['queue', {}],
			['accept', {}],
			['type', {}],
			['message', { content: 'Hi Maria, how can I help?' }],
			['message', { content: 'Your order ships today.' }],
			['stopTyping', {}],
			['finish', {}],
		];
		for (const [action, params] of events) {
			const { delivered } = await emulator.agent(/** @type {string} */ (action), { interactionHash: hash, target, ...params });
			expect({ action, status: delivered[0]?.status, body: delivered[0]?.body }).toEqual({ action, status: 200, body: STARTED });
		}

		// One hub run per event; the sub-workflows only for theirs.
		await waitForExecutions({ [HUB.id]: events.length, [NOTE.id]: 1, [MESSAGE.id]: 2 });
		// Nothing late.
		await new Promise((resolve) => setTimeout(resolve, 1500));
		const hubRuns = await executionsOf(HUB.id);
		const noteRuns = await executionsOf(NOTE.id);
		const messageRuns = await executionsOf(MESSAGE.id);
		const outcomes = async (/** @type {{ id: string, mode: string, status: string }[]} */ runs) => await Promise.all(runs.map(outcome));
		expect(await outcomes(hubRuns)).toEqual(Array(events.length).fill(['webhook', 'success']));
		expect(await outcomes(noteRuns)).toEqual([['integrated', 'success']]);
		expect(await outcomes(messageRuns)).toEqual([
			['integrated', 'success'],
			['integrated', 'success'],
		]);

		// Each sub-workflow got the trigger's item for its event.
		const [noteInput] = await nodeItems(noteRuns[0].id, 'When Called By The Hub');
		expect(noteInput).toEqual({ event: 'finished', interactionHash: hash, extra: { crmId: 'CRM-1042' } });
		const activities = [];
		for (const run of messageRuns) activities.push(...(await nodeItems(run.id, 'CRM Activity')));
		expect(activities).toEqual([
			{ interactionHash: hash, agent: 'Atendente', text: 'Hi Maria, how can I help?', crmId: 'CRM-1042' },
			{ interactionHash: hash, agent: 'Atendente', text: 'Your order ships today.', crmId: 'CRM-1042' },
		]);

		// The CRM-note sub-workflow wrote one note on the finished interaction, and only that.
		const writes = (await emulator.requests()).filter((request) => request.method === 'PUT');
		expect(writes).toEqual([
			expect.objectContaining({
				path: `/core/api/v1/interactions/${hash}`,
				body: { token: TOKEN, note: expect.stringMatching(/^Finished; CRM record CRM-1042, filed on \d{4}-\d\d-\d\d \d\d:\d\d\.$/) },
			}),
		]);
	});

	it('refuses an event without the shared secret, and no sub-workflow runs', async () => {
		const before = { hub: (await executionsOf(HUB.id)).length, note: (await executionsOf(NOTE.id)).length };
		const { delivered } = await emulator.agent('finish', { interactionHash: await startInteraction(), target: hubUrl });
		expect(delivered[0]?.status).toBe(401);
		await new Promise((resolve) => setTimeout(resolve, 1500));
		expect({ hub: (await executionsOf(HUB.id)).length, note: (await executionsOf(NOTE.id)).length }).toEqual(before);
	});
});
