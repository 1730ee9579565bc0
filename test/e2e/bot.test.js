// @ts-check
'use strict';

// The external bot end to end: examples/bot-decision-tree.json and examples/bot-ai-agent.json,
// imported and published in one running `n8n start`, each serve a department. The emulator, acting
// as Zenvia, posts the bot events to a workflow's webhook; the workflow answers through the Bot
// operations. The decision tree is one execution per conversation: each question is a Bot > Send
// and Wait for Reply, and the customer's answers (some posted within milliseconds of the
// question) resume it through the trigger. No language model is reachable here, so the AI
// example's OpenAI credential points at a local fixed-decision model (setup/fixedModel.js) that
// speaks the Chat Completions API; its Simple Memory keeps each conversation by interaction hash.

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
/** n8n's answer to an event a waiting execution took (or that no branch picks). */
const RECEIVED = { message: 'Webhook call received' };
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
	// As a user sets the Wait Limit: short for department 3, so a test sees the noReply branch.
	workflow.nodes.find((/** @type {{ name: string }} */ node) => node.name === 'Ask Name').parameters.waitLimitMinutes =
		"={{ $('Bot Event').first().json.departmentId === 3 ? 0.05 : 10 }}";
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

/** The customer answers the bot's next message as soon as it arrives (see emulator/bot-events.js). */
const answerNext = (/** @type {string} */ hash, /** @type {string} */ content, holdMs = 0) =>
	emulator.bot('answerNextMessage', { target: `${webhookUrl}?secret=${SECRET_IN_URL}`, interactionHash: hash, content, delayMs: 0, holdMs });

/** The customer writes to the bot; gives n8n's answer, which must be "received": a waiting execution took it. */
async function customerWrites(/** @type {string} */ hash, /** @type {string} */ content) {
	const sent = await emulator.bot('newMessage', { target: `${webhookUrl}?secret=${SECRET_IN_URL}`, interactionHash: hash, content });
	return sent.delivered[0];
}

/** The bot's messages in one interaction, in order. */
async function botMessages(/** @type {string} */ hash) {
	return (await botCalls()).filter((request) => request.path === `/api/v1/bot/${hash}/message`).map((request) => request.body.content);
}

/** @param {string} hash @param {number} count */
const waitForBotMessages = (hash, count) => waitFor(`${count} bot messages in ${hash}`, async () => (await botMessages(hash)).length >= count, { timeoutMs: 60_000 });

const QUESTIONS = {
	name: 'Hello! I am the virtual assistant. I will take a few details and then pass you to our team. What is your name?',
	cpf: (/** @type {string} */ name) => `Thank you, ${name}. What is your CPF? (the 11 digits)`,
	cpfAgain: 'That CPF does not look right. Please type the 11 digits again.',
	order: 'Thanks. What is your order number?',
};
const GOODBYE = 'We have not heard from you for a while, so this chat is closing. Write to us again any time.';
/** n8n looks for expired waits about once a minute. */
const LIMIT_TIMEOUT_MS = 150_000;

// Waits are built and tested on n8n 2.x only (docs/BOTS.md#conversations-that-wait); on the 1.x
// line (npm run test:e2e:n8n1) the AI Agent example below still runs.
const onWaitingN8n = runtime.major >= 2 ? describe : describe.skip;

onWaitingN8n('The decision-tree bot example in a running n8n: one execution holds the dialog', () => {
	it('greets, asks the name, the CPF (a wrong one again) and the order, then notes it all and transfers', async () => {
		await emulator.clearRequests();
		const hash = await post(`${webhookUrl}?secret=${SECRET_IN_URL}`);
		await waitForBotMessages(hash, 1);

		// The CPF question is answered within milliseconds, with a CPF whose check digits are wrong.
		await answerNext(hash, '123.456.789-00');
		expect(await customerWrites(hash, 'Maria Silva')).toEqual({ status: 200, body: RECEIVED });
		await waitForBotMessages(hash, 3);

		// The order question is answered before Zenvia has even answered the bot's call (holdMs).
		await answerNext(hash, '7781', 1500);
		expect(await customerWrites(hash, '529.982.247-25')).toEqual({ status: 200, body: RECEIVED });
		await waitFor('the transfer', async () => (await botCalls()).some((request) => request.path === `/api/v1/bot/${hash}/transfer`), { timeoutMs: 60_000 });
		await settle();

		expect(await botCalls()).toEqual([
			call.accept(hash),
			call.message(hash, QUESTIONS.name),
			call.message(hash, QUESTIONS.cpf('Maria Silva')),
			call.message(hash, QUESTIONS.cpfAgain),
			call.message(hash, QUESTIONS.order),
			call.message(hash, 'Note for the team: name Maria Silva, CPF 52998224725, order 7781. Passing you to a person now.'),
			call.transfer(hash, 2),
		]);
		const { bots } = await emulator.state();
		const bot = bots.find((/** @type {{ hash: string }} */ candidate) => candidate.hash === hash);
		expect(bot).toMatchObject({ state: 'transferred', transferredTo: 2 });
		// Both quick answers reached the waiting execution: none started a run of its own.
		expect(bot.answers.map((/** @type {{ content: string, delivered: unknown }} */ answer) => [answer.content, answer.delivered])).toEqual([
			['123.456.789-00', { status: 200, body: RECEIVED }],
			['7781', { status: 200, body: RECEIVED }],
		]);
	});

	it('ends the execution quietly when the customer leaves mid-dialog', async () => {
		await emulator.clearRequests();
		const hash = await post(`${webhookUrl}?secret=${SECRET_IN_URL}`);
		await waitForBotMessages(hash, 1);
		expect(await customerWrites(hash, 'João')).toEqual({ status: 200, body: RECEIVED });
		await waitForBotMessages(hash, 2);

		const left = await emulator.bot('finishedInteraction', { target: `${webhookUrl}?secret=${SECRET_IN_URL}`, interactionHash: hash });
		expect(left.delivered).toEqual([{ status: 200, body: RECEIVED }]);
		await settle();
		expect(await botCalls()).toEqual([call.accept(hash), call.message(hash, QUESTIONS.name), call.message(hash, QUESTIONS.cpf('João'))]);
	});

	it('says goodbye and finishes the chat when the customer does not answer within the Wait Limit', async () => {
		await emulator.clearRequests();
		// Department 3: this test's copy of the example waits 0.05 minutes for the name.
		const sent = await emulator.bot('newInteraction', { target: `${webhookUrl}?secret=${SECRET_IN_URL}`, departmentId: 3 });
		expect(sent.delivered).toEqual([{ status: 200, body: STARTED }]);
		const hash = /** @type {string} */ (sent.payload.interaction_hash);
		await waitFor('the finish', async () => (await botCalls()).some((request) => request.path === `/api/v1/bot/${hash}/finish`), { timeoutMs: LIMIT_TIMEOUT_MS });
		expect(await botCalls()).toEqual([
			call.accept(hash),
			call.message(hash, QUESTIONS.name),
			call.message(hash, GOODBYE),
			{ method: 'PUT', path: `/api/v1/bot/${hash}/finish`, body: { token: TOKEN } },
		]);
	}, LIMIT_TIMEOUT_MS + 30_000);
});

describe('The decision-tree bot example\'s trigger', () => {
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
/** The messages of the request's own turn: what follows the last user message. @param {CompletionRequest} request */
const thisTurn = (request) => {
	const messages = request.messages ?? [];
	return messages.slice(messages.map((message) => message.role).lastIndexOf('user') + 1);
};
/** What the tool answered the agent in this turn, once a tool has run. @param {CompletionRequest} request */
const toolResult = (request) => thisTurn(request).find((message) => message.role === 'tool')?.content ?? null;
/** The user messages the memory gave before this turn's, oldest first. @param {CompletionRequest} request */
const earlierUserTexts = (request) => {
	const users = (request.messages ?? []).filter((message) => message.role === 'user').map((message) => message.content);
	return users.slice(0, -1);
};

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
		// Conversation Memory: the second message's turn came with the first one, the customer's
		// words and the agent's answer, before it; the first turn came with nothing before it.
		expect(earlierUserTexts(fixed.requests[0])).toEqual([]);
		expect(earlierUserTexts(fixed.requests[2])).toEqual(['When are you open?']);
		expect((fixed.requests[2].messages ?? []).filter((message) => message.role === 'assistant').length).toBeGreaterThan(0);
	});

	it('keeps each conversation\'s memory apart, by interaction hash', async () => {
		const fixed = /** @type {NonNullable<typeof model>} */ (model);
		await emulator.clearRequests();
		fixed.requests.length = 0;
		const target = `${aiWebhookUrl}?secret=${SECRET_IN_URL}`;
		const first = await post(target);
		const second = await post(target);
		await waitForBotCalls(4);

		await post(target, { interactionHash: first, content: 'Do you deliver on Saturdays?' });
		await waitFor('the first answer', async () => fixed.requests.length >= 2, { timeoutMs: 60_000 });
		await post(target, { interactionHash: second, content: 'Where is my order?' });
		await waitFor('the second answer', async () => fixed.requests.length >= 4, { timeoutMs: 60_000 });
		await post(target, { interactionHash: first, content: 'And on Sundays?' });
		await waitFor('the third answer', async () => fixed.requests.length >= 6, { timeoutMs: 60_000 });
		await settle();

		expect(fixed.errors).toEqual([]);
		// Each turn's first request, as the agent built it from the conversation's memory.
		expect([0, 2, 4].map((index) => [lastUserText(fixed.requests[index]), earlierUserTexts(fixed.requests[index])])).toEqual([
			['Do you deliver on Saturdays?', []],
			['Where is my order?', []],
			['And on Sundays?', ['Do you deliver on Saturdays?']],
		]);
	});
});
