// @ts-check
'use strict';

// examples/crm-start-and-wait.json in a running `n8n start`: the CRM posts a record, one execution
// starts the interaction, sends the first message, waits (Interaction > Wait for Event) until the
// agent finishes it and updates the CRM. The emulator, acting as Zenvia, posts the agent's events
// to the workflow's Zenvia Chat Trigger, which resumes the waiting execution. The CRM is a local
// recorder: the test copy of the example points Update CRM Record at it. n8n's executions, read
// as the owner, show that one execution did it all.

const fs = require('fs');
const path = require('path');
const { executeFromEditor, freePort, importWorkflows, ownerEnv, publishWorkflow, restOk, signIn, startN8n, tempDir, waitFor, waitForWebhook, REPO_DIR } = require('../../scripts/e2e');
const { startRecorder } = require('../../scripts/e2e/recorder');
const { CREDENTIALS, WEBHOOK_SECRET } = require('./setup/constants');
const { emulator, runtime, userFolder } = require('./setup/context');

const EXAMPLE = path.join(REPO_DIR, 'examples', 'crm-start-and-wait.json');
const SECRET_QUERY = `?secret=${encodeURIComponent(WEBHOOK_SECRET)}`;
const RECEIVED = { message: 'Webhook call received' };
const STARTED = { message: 'Workflow was started' };
/** The owner whose session reads n8n's executions, as the editor's Executions list does. */
const LOGIN = { email: 'crm-owner@example.com', password: 'Crm-Owner-e2e-7' };

/** @type {import('../../scripts/e2e/n8n').N8nServer | undefined} */
let n8n;
/** @type {Awaited<ReturnType<typeof startRecorder>> | undefined} */
let crm;
let triggerUrl = '';
let crmCaseUrl = '';
let workflowId = '';
/** @type {Awaited<ReturnType<typeof signIn>> | undefined} */
let session;

/** The example as a user imports it, its credentials picked and its CRM URL on the recorder. */
function exampleForTheEmulator(/** @type {string} */ crmUrl) {
	const workflow = JSON.parse(fs.readFileSync(EXAMPLE, 'utf8'));
	for (const node of workflow.nodes) {
		if (node.credentials?.zenviaChatApi) node.credentials.zenviaChatApi = CREDENTIALS.account;
		if (node.type.endsWith('.zenviaChatTrigger')) node.credentials = { zenviaChatWebhookApi: CREDENTIALS.webhookSecret };
		if (node.name === 'Update CRM Record') node.parameters.url = String(node.parameters.url).replace('https://crm.example.com', crmUrl);
	}
	return workflow;
}

beforeAll(async () => {
	crm = await startRecorder();
	const workflow = exampleForTheEmulator(crm.url);
	const folder = tempDir('zenvia-crm-wait-example-');
	try {
		fs.writeFileSync(path.join(folder, 'crm-start-and-wait.json'), JSON.stringify(workflow));
		await importWorkflows(runtime, userFolder, folder);
	} finally {
		fs.rmSync(folder, { recursive: true, force: true });
	}
	await publishWorkflow(runtime, userFolder, workflow.id);
	workflowId = workflow.id;
	n8n = await startN8n(runtime, userFolder, { port: await freePort(), env: ownerEnv(runtime, LOGIN) });
	session = await signIn(n8n.url, LOGIN);
	const trigger = workflow.nodes.find((/** @type {{ type: string }} */ node) => node.type.endsWith('.zenviaChatTrigger'));
	const caseNode = workflow.nodes.find((/** @type {{ name: string }} */ node) => node.name === 'New CRM Case');
	triggerUrl = `${n8n.url}/webhook/${trigger.webhookId}/zenvia-chat${SECRET_QUERY}`;
	crmCaseUrl = `${n8n.url}/webhook/${caseNode.parameters.path}`;
	await waitForWebhook(triggerUrl);
	await waitForWebhook(crmCaseUrl);
});

afterAll(async () => {
	await n8n?.stop();
	await crm?.close();
});

/** What the CRM received about one CRM record. */
const notesOf = (/** @type {string} */ crmId) => (crm?.records ?? []).filter((record) => /** @type {any} */ (record).crmId === crmId);

/**
 * The example's stored executions, oldest first, as [mode, status].
 * @returns {Promise<string[][]>}
 */
async function executions() {
	if (!session) throw new Error('set-up failed');
	const filter = encodeURIComponent(JSON.stringify({ workflowId }));
	const answer = await restOk(session, 'GET', `/rest/executions?filter=${filter}`);
	return [...(answer?.results ?? [])].sort((a, b) => Number(a.id) - Number(b.id)).map((run) => [run.mode, run.status]);
}

/** The note Update CRM Record writes after the execution waited for the interaction to finish. */
const noteAfterWaiting = (/** @type {string} */ crmId, /** @type {string} */ hash) => ({
	crmId,
	interactionHash: hash,
	note: expect.stringMatching(new RegExp(`^Zenvia Chat conversation ${hash} finished \\(the workflow waited \\d+ s\\)\\.$`)),
});

/** Waits long enough for anything late (a second execution, a second update) to show. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 2000));

describe('The CRM start-and-wait example in a running n8n', () => {
	it('starts the interaction, waits until the agent finishes it, then updates the CRM record, all in one execution', async () => {
		if (!n8n) throw new Error('set-up failed');
		const before = new Set((await emulator.state()).interactions.map((/** @type {{ hash: string }} */ interaction) => interaction.hash));
		await emulator.clearRequests();
		const record = { crmId: 'CRM-2001', name: 'Maria Silva', email: 'maria.silva@example.com', phone: '11991417777', request: 'My order 7781 has not arrived yet.' };
		const answer = await fetch(crmCaseUrl, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(record) });
		expect(answer.status).toBe(200);

		/** @type {any} */
		let interaction;
		await waitFor('the interaction and its first message', async () => {
			interaction = (await emulator.state()).interactions.find((/** @type {{ hash: string }} */ candidate) => !before.has(candidate.hash));
			if (!interaction) return false;
			return (await emulator.requests()).some((request) => request.method === 'POST' && request.path.endsWith(`/interactions/${interaction.hash}/messages`));
		}, { timeoutMs: 60_000 });
		const hash = interaction.hash;
		expect(interaction.extra).toEqual({ crmId: 'CRM-2001' });
		const firstMessage = (await emulator.requests()).find((request) => request.path.endsWith(`/interactions/${hash}/messages`));
		expect(firstMessage?.body).toMatchObject({ content: record.request });

		// The execution waits (it registered with the trigger before n8n saved it as waiting).
		await waitFor('the execution to wait', async () => JSON.stringify(await executions()) === JSON.stringify([['webhook', 'waiting']]), { timeoutMs: 60_000 });
		// Accepted is not picked and not waited for: answered, nothing runs.
		expect((await emulator.agent('accept', { interactionHash: hash, target: triggerUrl })).delivered).toEqual([{ status: 200, body: RECEIVED }]);
		expect(notesOf('CRM-2001')).toEqual([]);
		// Finished resumes the waiting execution (received, not started).
		expect((await emulator.agent('finish', { interactionHash: hash, target: triggerUrl })).delivered).toEqual([{ status: 200, body: RECEIVED }]);
		await waitFor('the CRM update', async () => notesOf('CRM-2001').length > 0, { timeoutMs: 60_000 });
		await settle();
		expect(notesOf('CRM-2001')).toEqual([noteAfterWaiting('CRM-2001', hash)]);
		// One execution did it all: Finished resumed it and started none.
		await waitFor('the execution to end', async () => (await executions()).every(([, status]) => status !== 'waiting'), { timeoutMs: 30_000 });
		expect(await executions()).toEqual([['webhook', 'success']]);
	});

	it('updates the CRM from the trigger when a finished interaction has no waiting execution', async () => {
		const hash = `crm-elsewhere-${Date.now()}`;
		const sent = await emulator.agent('finish', { interactionHash: hash, extra: { crmId: 'CRM-3003' }, target: triggerUrl });
		expect(sent.delivered).toEqual([{ status: 200, body: STARTED }]);
		await waitFor('the CRM update', async () => notesOf('CRM-3003').length > 0, { timeoutMs: 60_000 });
		await settle();
		expect(notesOf('CRM-3003')).toEqual([{ crmId: 'CRM-3003', interactionHash: hash, note: `Zenvia Chat conversation ${hash} finished.` }]);
		expect(await executions()).toEqual([
			['webhook', 'success'],
			['webhook', 'success'],
		]);
	});

	it('starts nothing for a finished interaction that is not the CRM\'s', async () => {
		const sent = await emulator.agent('finish', { interactionHash: `not-crm-${Date.now()}`, target: triggerUrl });
		expect(sent.delivered).toEqual([{ status: 200, body: RECEIVED }]);
		await settle();
		expect(await executions()).toHaveLength(2);
	});

	it('runs the same from the editor: a manual run waits and the published trigger resumes it', async () => {
		if (!n8n) throw new Error('set-up failed');
		const before = new Set((await emulator.state()).interactions.map((/** @type {{ hash: string }} */ interaction) => interaction.hash));
		const runsBefore = await executions();
		if (!session) throw new Error('set-up failed');
		expect(await executeFromEditor(session, workflowId, 'New CRM Case')).toEqual({ waitingForWebhook: true });
		const record = { crmId: 'CRM-4004', name: 'Joana Reis', email: 'joana.reis@example.com', phone: '11991418888', request: 'Where is my refund?' };
		const testUrl = crmCaseUrl.replace('/webhook/', '/webhook-test/');
		const answer = await fetch(testUrl, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(record) });
		expect(answer.status).toBe(200);

		/** @type {string | undefined} */
		let hash;
		await waitFor('the manual run to wait', async () => {
			hash = (await emulator.state()).interactions.find((/** @type {{ hash: string }} */ candidate) => !before.has(candidate.hash))?.hash;
			return JSON.stringify(await executions()) === JSON.stringify([...runsBefore, ['manual', 'waiting']]);
		}, { timeoutMs: 60_000 });
		if (!hash) throw new Error('the manual run started no interaction');
		// Zenvia posts to the Production URL: the published trigger delivers the event to the manual run.
		expect((await emulator.agent('finish', { interactionHash: hash, target: triggerUrl })).delivered).toEqual([{ status: 200, body: RECEIVED }]);
		await waitFor('the CRM update', async () => notesOf('CRM-4004').length > 0, { timeoutMs: 60_000 });
		await settle();
		expect(notesOf('CRM-4004')).toEqual([noteAfterWaiting('CRM-4004', hash)]);
		await waitFor('the manual run to end', async () => (await executions()).every(([, status]) => status !== 'waiting'), { timeoutMs: 30_000 });
		expect(await executions()).toEqual([...runsBefore, ['manual', 'success']]);
	});
});
