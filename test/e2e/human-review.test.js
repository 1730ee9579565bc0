// @ts-check
'use strict';

// Bot > Send and Wait for Reply as n8n's Human-review gate, in a running `n8n start`: n8n 2.x offers
// a node type with a sendAndWait operation as "<type>HitlTool", which sits between an AI Agent and
// a gated tool. Here the gate is Zenvia Chat (n8n-nodes-zenvia-chat.zenviaChatHitlTool), the gated
// tool Zenvia Chat Bot > Transfer, and the reviewer the customer: the model (the fixed-decision
// stand-in, setup/fixedModel.js) decides to transfer, the gate asks the customer in the chat, the
// execution waits, and the customer's reply, posted by the emulator as Zenvia's new_message,
// resumes it through the Zenvia Chat Trigger. A yes runs the transfer; any other reply reaches the
// model as the customer's feedback and the transfer does not happen.
// Workflow: test/e2e/human-review/workflow.json.

const fs = require('fs');
const path = require('path');
const { freePort, startN8n, userFolderFor, waitFor, waitForWebhook } = require('../../scripts/e2e');
const { WEBHOOK_SECRET, WORK_DIR } = require('./setup/constants');
const { preparePublished, recorderEnv } = require('./setup/published');
const { emulator } = require('./setup/context');
const { startFixedModel, DONE } = require('./setup/fixedModel');
const { startRecorder } = require('../../scripts/e2e/recorder');
const { TOKEN } = require('./setup/requests');

const WORKFLOW = JSON.parse(fs.readFileSync(path.join(__dirname, 'human-review', 'workflow.json'), 'utf8'));
const TRIGGER = WORKFLOW.nodes.find((/** @type {any} */ node) => node.type.endsWith('.zenviaChatTrigger'));
const QUESTION = 'May I transfer you to a person?';
const SECRET_QUERY = `?secret=${encodeURIComponent(WEBHOOK_SECRET)}`;
const STARTED = { message: 'Workflow was started' };
const RECEIVED = { message: 'Webhook call received' };
const MODEL_CREDENTIAL = { id: 'e2eFixedModel', name: 'Fixed chat model (e2e)' };
/** Its own n8n database: no other test's executions or waits. */
const userFolder = userFolderFor('e2e-human-review');

/** @type {Awaited<ReturnType<typeof startRecorder>> | undefined} */
let recorder;
/** @type {Awaited<ReturnType<typeof startFixedModel>> | undefined} */
let model;
/** @type {import('../../scripts/e2e/n8n').N8nServer | undefined} */
let n8n;
let botUrl = '';

beforeAll(async () => {
	recorder = await startRecorder();
	model = await startFixedModel();
	const runtime = await preparePublished({
		userFolder,
		workflows: [WORKFLOW],
		credentials: [{ ...MODEL_CREDENTIAL, type: 'openAiApi', data: { apiKey: 'e2e-not-a-real-key', organizationId: '', url: model.url, header: false } }],
	});
	n8n = await startN8n(runtime, userFolder, { port: await freePort(), env: recorderEnv(recorder) });
	botUrl = `${n8n.url}/webhook/${TRIGGER.webhookId}/zenvia-chat${SECRET_QUERY}`;
	await waitForWebhook(botUrl);
});

afterAll(async () => {
	if (n8n) fs.writeFileSync(path.join(WORK_DIR, 'human-review-n8n.log'), n8n.output());
	await n8n?.stop();
	await model?.close();
	await recorder?.close();
});

/** The bot calls of one interaction the emulator received, in arrival order. */
async function botCallsOf(/** @type {string} */ hash) {
	return (await emulator.requests())
		.filter((request) => request.path.startsWith(`/api/v1/bot/${hash}/`))
		.map(({ method, path: url, body }) => ({ method, path: url, body }));
}

const accept = (/** @type {string} */ hash) => ({ method: 'PUT', path: `/api/v1/bot/${hash}/accept`, body: { token: TOKEN } });
const question = (/** @type {string} */ hash) => ({ method: 'POST', path: `/api/v1/bot/${hash}/message`, body: { token: TOKEN, content: QUESTION, content_type: 'text' } });
const transfer = (/** @type {string} */ hash) => ({ method: 'PUT', path: `/api/v1/bot/${hash}/transfer`, body: { token: TOKEN, department_id: 2 } });

/** What the executions reported about one interaction. */
const answersOf = (/** @type {string} */ hash) =>
	(recorder?.records ?? []).filter((record) => /** @type {any} */ (record).interactionHash === hash && /** @type {any} */ (record).kind === 'answered');

/** Fails with the model's reason when it could not decide, instead of waiting in vain. */
function noModelErrors() {
	if (model?.errors.length) throw new Error(model.errors.join('\n'));
}

/** A customer in a bot interaction asks for a person; resolves once the gate asked the question. */
async function customerAsksForAPerson() {
	const created = await emulator.bot('newInteraction', { target: botUrl, departmentId: 1 });
	expect(created.delivered).toEqual([{ status: 200, body: STARTED }]);
	const hash = /** @type {string} */ (created.payload.interaction_hash);
	await waitFor('the bot to accept', async () => (await botCallsOf(hash)).length > 0, { timeoutMs: 60_000 });
	const sent = await emulator.bot('newMessage', { target: botUrl, interactionHash: hash, content: 'I want to talk to a person' });
	expect(sent.delivered).toEqual([{ status: 200, body: STARTED }]);
	await waitFor('the gate\'s question', async () => {
		noModelErrors();
		return (await botCallsOf(hash)).length > 1;
	}, { timeoutMs: 60_000 });
	expect(await botCallsOf(hash)).toEqual([accept(hash), question(hash)]);
	return hash;
}

/** The customer answers in the chat (Zenvia posts new_message); gives n8n's answer to Zenvia. */
async function customerAnswers(/** @type {string} */ hash, /** @type {string} */ content) {
	const sent = await emulator.bot('newMessage', { target: botUrl, interactionHash: hash, content });
	return sent.delivered[0];
}

/** The model requests that carry a tool message, as text. */
const toolMessages = () =>
	(model?.requests ?? []).flatMap((request) => (request.messages ?? []).filter((message) => message.role === 'tool').map((message) => String(message.content)));

describe('Zenvia Chat as the AI Agent\'s Human-review gate, the customer the reviewer', () => {
	it('offers Zenvia Chat Bot > Transfer to the model through the gate; a customer who leaves rejects it', async () => {
		const hash = await customerAsksForAPerson();
		const first = /** @type {NonNullable<typeof model>} */ (model).requests.find((request) => JSON.stringify(request.messages).includes('I want to talk to a person'));
		const offered = (first?.tools ?? []).map((tool) => tool.function.name);
		expect(offered).toEqual(['Transfer_To_A_Person']);
		expect(Object.keys(first?.tools?.[0].function.parameters?.properties ?? {})).toEqual(['toolParameters', 'hitlParameters']);
		// Leave this conversation: the gate's wait ends as customerLeft, a rejection without feedback.
		const before = toolMessages().length;
		await emulator.bot('finishedInteraction', { target: botUrl, interactionHash: hash });
		await waitFor('the agent to finish', async () => answersOf(hash).length > 0, { timeoutMs: 60_000 });
		expect(toolMessages().slice(before)).toEqual([expect.stringContaining('User rejected the tool call')]);
		expect(await botCallsOf(hash)).toEqual([accept(hash), question(hash)]);
	});

	it('transfers when the customer answers "sim"', async () => {
		const hash = await customerAsksForAPerson();
		expect(await customerAnswers(hash, 'sim')).toEqual({ status: 200, body: RECEIVED });
		await waitFor('the transfer', async () => {
			noModelErrors();
			return (await botCallsOf(hash)).length >= 3;
		}, { timeoutMs: 60_000 });
		await waitFor('the agent to finish', async () => answersOf(hash).length > 0, { timeoutMs: 60_000 });
		expect(await botCallsOf(hash)).toEqual([accept(hash), question(hash), transfer(hash)]);
		expect(answersOf(hash)).toEqual([{ kind: 'answered', executionId: expect.any(String), interactionHash: hash, output: DONE }]);
	});

	it('does not transfer when the customer answers "não, quero falar do pedido", and the model gets that text as feedback', async () => {
		const hash = await customerAsksForAPerson();
		const before = toolMessages().length;
		expect(await customerAnswers(hash, 'não, quero falar do pedido')).toEqual({ status: 200, body: RECEIVED });
		await waitFor('the agent to finish', async () => {
			noModelErrors();
			return answersOf(hash).length > 0;
		}, { timeoutMs: 60_000 });
		const feedback = toolMessages().slice(before);
		expect(feedback).toEqual([expect.stringContaining('provided feedback')]);
		expect(feedback[0]).toContain('não, quero falar do pedido');
		await new Promise((resolve) => setTimeout(resolve, 1500));
		expect(await botCallsOf(hash)).toEqual([accept(hash), question(hash)]);
		expect(answersOf(hash)).toHaveLength(1);
	});
});
