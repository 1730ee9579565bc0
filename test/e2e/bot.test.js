// @ts-check
'use strict';

// The external bot end to end: examples/bot-decision-tree.json and examples/bot-ai-agent.json,
// imported and published in one running `n8n start`, each serve a department. The emulator, acting
// as Zenvia, posts the bot events to a workflow's webhook; the workflow answers through the Bot
// operations. No language model is reachable here, so the AI example's OpenAI credential points at
// a local fixed-decision model (setup/fixedModel.js) that speaks the Chat Completions API.

const fs = require('fs');
const path = require('path');
const { freePort, importCredentials, importWorkflows, publishWorkflow, startN8n, tempDir, waitFor, waitForWebhook, REPO_DIR } = require('../../scripts/e2e');
const { CREDENTIALS, WEBHOOK_SECRET } = require('./setup/constants');
const { emulator, runtime, userFolder } = require('./setup/context');
const { startFixedModel, REPLY } = require('./setup/fixedModel');
const { TOKEN } = require('./setup/requests');

const EXAMPLE = path.join(REPO_DIR, 'examples', 'bot-decision-tree.json');
const AI_EXAMPLE = path.join(REPO_DIR, 'examples', 'bot-ai-agent.json');
/** The trigger's shared secret, from its credential; URL-encoded in the webhook URL. */
const SECRET_IN_URL = encodeURIComponent(WEBHOOK_SECRET);
const STARTED = { message: 'Workflow was started' };
/** The AI example's OpenAI credential, its Base URL on the fixed model. */
const MODEL_CREDENTIAL = { id: 'e2eFixedModel', name: 'Fixed chat model (e2e)' };

/** @type {import('../../scripts/e2e/n8n').N8nServer | undefined} */
let n8n;
/** @type {Awaited<ReturnType<typeof startFixedModel>> | undefined} */
let model;
let webhookUrl = '';
let aiWebhookUrl = '';
/** @type {string[]} the two triggers' webhook ids, decision tree first */
let webhookIds = [];

/**
 * An example as a user imports it: the emulator's credential picked, the model credential picked,
 * the webhook secret's credential picked on the trigger.
 * @param {string} file
 */
function exampleForTheEmulator(file) {
	const workflow = JSON.parse(fs.readFileSync(file, 'utf8'));
	for (const node of workflow.nodes) {
		if (node.credentials?.zenviaChatApi) node.credentials.zenviaChatApi = CREDENTIALS.account;
		if (node.credentials?.openAiApi) node.credentials.openAiApi = MODEL_CREDENTIAL;
		if (node.type.endsWith('.zenviaChatTrigger')) node.credentials = { ...node.credentials, zenviaChatWebhookApi: CREDENTIALS.webhookSecret };
	}
	return workflow;
}

/** @param {{ nodes: { type: string, webhookId?: string }[] }} workflow */
const triggerOf = (workflow) => /** @type {{ webhookId: string }} */ (workflow.nodes.find((node) => node.type.endsWith('.zenviaChatTrigger')));

beforeAll(async () => {
	model = await startFixedModel();
	await importCredentials(runtime, userFolder, [
		{ ...MODEL_CREDENTIAL, type: 'openAiApi', data: { apiKey: 'e2e-not-a-real-key', organizationId: '', url: model.url, header: false } },
	]);
	const workflow = exampleForTheEmulator(EXAMPLE);
	const aiWorkflow = exampleForTheEmulator(AI_EXAMPLE);
	const folder = tempDir('zenvia-bot-example-');
	try {
		fs.writeFileSync(path.join(folder, 'bot.json'), JSON.stringify(workflow));
		fs.writeFileSync(path.join(folder, 'bot-ai-agent.json'), JSON.stringify(aiWorkflow));
		await importWorkflows(runtime, userFolder, folder);
	} finally {
		fs.rmSync(folder, { recursive: true, force: true });
	}
	await publishWorkflow(runtime, userFolder, workflow.id);
	await publishWorkflow(runtime, userFolder, aiWorkflow.id);
	n8n = await startN8n(runtime, userFolder, { port: await freePort() });
	webhookIds = [triggerOf(workflow).webhookId, triggerOf(aiWorkflow).webhookId];
	webhookUrl = `${n8n.url}/webhook/${webhookIds[0]}/zenvia-chat`;
	aiWebhookUrl = `${n8n.url}/webhook/${webhookIds[1]}/zenvia-chat`;
	await waitForWebhook(webhookUrl);
	await waitForWebhook(aiWebhookUrl);
});

afterAll(async () => {
	await n8n?.stop();
	await model?.close();
});

/** The bot calls the emulator received, in arrival order. */
async function botCalls() {
	return (await emulator.requests())
		.filter((request) => request.path.startsWith('/api/v1/bot/'))
		.map(({ method, path: url, body }) => ({ method, path: url, body }));
}

/** @param {number} count */
const waitForBotCalls = (count) => waitFor(`${count} bot calls`, async () => (await botCalls()).length >= count, { timeoutMs: 60_000 });

/** A bot call as botCalls() lists it, per operation of the Bot resource. */
const call = {
	accept: (/** @type {string} */ hash) => ({ method: 'PUT', path: `/api/v1/bot/${hash}/accept`, body: { token: TOKEN } }),
	message: (/** @type {string} */ hash, /** @type {string} */ content) => ({
		method: 'POST',
		path: `/api/v1/bot/${hash}/message`,
		body: { token: TOKEN, content, content_type: 'text' },
	}),
	transfer: (/** @type {string} */ hash, /** @type {number} */ departmentId) => ({
		method: 'PUT',
		path: `/api/v1/bot/${hash}/transfer`,
		body: { token: TOKEN, department_id: departmentId },
	}),
};

/** Waits long enough for anything late (a second execution, a tool called twice) to show. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 1500));

/**
 * Zenvia (the emulator) posts a bot event to the workflow, which must start an execution for it.
 * @param {string} target the webhook URL with its secret
 * @param {{ content?: string, interactionHash?: string }} [message] a customer message; none starts a new interaction
 * @returns {Promise<string>} the interaction hash
 */
async function post(target, message) {
	const sent = message
		? await emulator.bot('newMessage', { target, interactionHash: message.interactionHash, content: message.content })
		: await emulator.bot('newInteraction', { target, departmentId: 1 });
	expect(sent.delivered).toEqual([{ status: 200, body: STARTED }]);
	return /** @type {string} */ (sent.payload.interaction_hash);
}

describe('The bot example in a running n8n', () => {
	it('accepts and greets a new interaction, then transfers when the customer asks for a person', async () => {
		await emulator.clearRequests();
		const target = `${webhookUrl}?secret=${SECRET_IN_URL}`;

		const hash = await post(target);
		await waitForBotCalls(2);

		await post(target, { interactionHash: hash, content: 'I want to talk to a person' });
		await waitForBotCalls(3);
		// Nothing late: each event ran its branch once.
		await settle();

		expect(await botCalls()).toEqual([
			call.accept(hash),
			call.message(hash, 'Hello! I am the virtual assistant. Ask me about opening hours, or write "person" to talk to our team.'),
			call.transfer(hash, 2),
		]);
		const { bots } = await emulator.state();
		expect(bots.find((/** @type {{ hash: string }} */ bot) => bot.hash === hash)).toMatchObject({ state: 'transferred', transferredTo: 2 });
	});

	it('answers any other message without transferring', async () => {
		const target = `${webhookUrl}?secret=${SECRET_IN_URL}`;
		const hash = await post(target);
		await waitFor('the greeting', async () => (await botCalls()).some((call) => call.path === `/api/v1/bot/${hash}/message`), { timeoutMs: 60_000 });
		await emulator.clearRequests();

		await post(target, { interactionHash: hash, content: 'When are you open?' });
		await waitForBotCalls(1);
		await settle();

		expect(await botCalls()).toEqual([call.message(hash, 'We are open Monday to Friday, 9:00 to 18:00. Write "person" to talk to our team.')]);
	});

	it('refuses bot events without the shared secret', async () => {
		const refused = await emulator.bot('newInteraction', { target: webhookUrl });
		expect(refused.delivered[0].status).toBe(401);
	});
});

/** @typedef {import('./setup/fixedModel').CompletionRequest} CompletionRequest */
/** @param {CompletionRequest} request */
const toolNames = (request) => (request.tools ?? []).map((tool) => tool.function.name).sort();
/** @param {CompletionRequest} request */
const lastUserText = (request) => (request.messages ?? []).filter((message) => message.role === 'user').pop()?.content;
/** What the tool answered the agent, once a tool has run. @param {CompletionRequest} request */
const toolResult = (request) => (request.messages ?? []).find((message) => message.role === 'tool')?.content ?? null;

describe('The AI Agent bot example in a running n8n, its model a fixed decision', () => {
	it('is served by its own webhook, beside the decision tree', () => {
		expect(webhookIds[1]).not.toBe(webhookIds[0]);
	});

	it('greets, answers through Reply To Customer, then transfers through Transfer To A Person', async () => {
		const fixed = /** @type {NonNullable<typeof model>} */ (model);
		/** Like waitForBotCalls, but a request the model could not decide ends the wait with its reason. */
		const waitForAgentCalls = (/** @type {number} */ count) =>
			waitFor(
				`${count} bot calls`,
				async () => {
					if (fixed.errors.length) throw new Error(fixed.errors.join('\n'));
					return (await botCalls()).length >= count;
				},
				{ timeoutMs: 60_000 },
			);
		await emulator.clearRequests();
		fixed.requests.length = 0;
		const target = `${aiWebhookUrl}?secret=${SECRET_IN_URL}`;

		const hash = await post(target);
		await waitForAgentCalls(2);
		// A new interaction is answered by the workflow alone.
		expect(fixed.requests).toHaveLength(0);

		await post(target, { interactionHash: hash, content: 'When are you open?' });
		await waitForAgentCalls(3);

		await post(target, { interactionHash: hash, content: 'I want to talk to a person' });
		await waitForAgentCalls(4);
		// Nothing late: each event ran once and each tool was called once.
		await settle();

		expect(await botCalls()).toEqual([
			call.accept(hash),
			call.message(hash, 'Hello! I am the virtual assistant. How can I help you?'),
			call.message(hash, REPLY),
			call.transfer(hash, 2),
		]);
		const { bots } = await emulator.state();
		expect(bots.find((/** @type {{ hash: string }} */ bot) => bot.hash === hash)).toMatchObject({ state: 'transferred', transferredTo: 2 });

		// Per customer message, the agent asked the model twice: for a decision (a tool call), then,
		// with the tool's answer, for its last word. The tools' answers name this interaction: their
		// `$('Bot Event')` hash resolved to the event that started the run.
		expect(fixed.errors).toEqual([]);
		expect(fixed.requests.map((request) => ({ asked: lastUserText(request), toolResult: toolResult(request) }))).toEqual([
			{ asked: 'When are you open?', toolResult: null },
			{ asked: 'When are you open?', toolResult: expect.stringContaining(hash) },
			{ asked: 'I want to talk to a person', toolResult: null },
			{ asked: 'I want to talk to a person', toolResult: expect.stringContaining(hash) },
		]);
		// Both Zenvia Chat tools were offered every time, named after their nodes.
		for (const request of fixed.requests) expect(toolNames(request)).toEqual(['Reply_To_Customer', 'Transfer_To_A_Person']);
	});
});
