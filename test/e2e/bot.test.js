// @ts-check
'use strict';

// The external bot end to end: examples/bot-decision-tree.json, imported and published in a
// running `n8n start`, serves a department. The emulator, acting as Zenvia, posts the bot events
// to the workflow's webhook; the workflow answers through the Bot operations.

const fs = require('fs');
const path = require('path');
const { freePort, importWorkflows, n8nCommand, publishWorkflow, startN8n, tempDir, waitFor, waitForWebhook, REPO_DIR } = require('../../scripts/e2e');
const { CREDENTIALS } = require('./setup/constants');
const { emulator, runtime, userFolder } = require('./setup/context');
const { TOKEN } = require('./setup/requests');

const EXAMPLE = path.join(REPO_DIR, 'examples', 'bot-decision-tree.json');
/** Shipped for users; no language model is reachable here, so it is imported and read back, not run. */
const AI_EXAMPLE = path.join(REPO_DIR, 'examples', 'bot-ai-agent.json');
const SECRET = 'e2e-bot-secret';
const STARTED = { message: 'Workflow was started' };

/** @type {import('../../scripts/e2e/n8n').N8nServer | undefined} */
let n8n;
let webhookUrl = '';

/** The example as a user imports it, with the emulator's credential picked and a secret set. */
function exampleForTheEmulator() {
	const workflow = JSON.parse(fs.readFileSync(EXAMPLE, 'utf8'));
	for (const node of workflow.nodes) {
		if (node.credentials?.zenviaChatApi) node.credentials.zenviaChatApi = CREDENTIALS.account;
		if (node.type.endsWith('.zenviaChatTrigger')) node.parameters.secret = SECRET;
	}
	return workflow;
}

beforeAll(async () => {
	const workflow = exampleForTheEmulator();
	const folder = tempDir('zenvia-bot-example-');
	try {
		fs.writeFileSync(path.join(folder, 'bot.json'), JSON.stringify(workflow));
		fs.copyFileSync(AI_EXAMPLE, path.join(folder, 'bot-ai-agent.json'));
		await importWorkflows(runtime, userFolder, folder);
	} finally {
		fs.rmSync(folder, { recursive: true, force: true });
	}
	await publishWorkflow(runtime, userFolder, workflow.id);
	n8n = await startN8n(runtime, userFolder, { port: await freePort() });
	const trigger = workflow.nodes.find((/** @type {{ type: string }} */ node) => node.type.endsWith('.zenviaChatTrigger'));
	webhookUrl = `${n8n.url}/webhook/${trigger.webhookId}/zenvia-chat`;
	await waitForWebhook(webhookUrl);
});

afterAll(async () => {
	await n8n?.stop();
});

/** The bot calls the emulator received, in arrival order. */
async function botCalls() {
	return (await emulator.requests())
		.filter((request) => request.path.startsWith('/api/v1/bot/'))
		.map(({ method, path: url, body }) => ({ method, path: url, body }));
}

/** @param {number} count */
const waitForBotCalls = (count) => waitFor(`${count} bot calls`, async () => (await botCalls()).length >= count, { timeoutMs: 60_000 });

describe('The bot example in a running n8n', () => {
	it('accepts and greets a new interaction, then transfers when the customer asks for a person', async () => {
		await emulator.clearRequests();
		const target = `${webhookUrl}?secret=${SECRET}`;

		const started = await emulator.bot('newInteraction', { target, departmentId: 1 });
		expect(started.delivered).toEqual([{ status: 200, body: STARTED }]);
		const hash = /** @type {string} */ (started.payload.interaction_hash);
		await waitForBotCalls(2);

		const asked = await emulator.bot('newMessage', { target, interactionHash: hash, content: 'I want to talk to a person' });
		expect(asked.delivered).toEqual([{ status: 200, body: STARTED }]);
		await waitForBotCalls(3);
		// Nothing late: each event ran its branch once.
		await new Promise((resolve) => setTimeout(resolve, 1500));

		const base = `/api/v1/bot/${hash}`;
		expect(await botCalls()).toEqual([
			{ method: 'PUT', path: `${base}/accept`, body: { token: TOKEN } },
			{
				method: 'POST',
				path: `${base}/message`,
				body: {
					token: TOKEN,
					content: 'Hello! I am the virtual assistant. Ask me about opening hours, or write "person" to talk to our team.',
					content_type: 'text',
				},
			},
			{ method: 'PUT', path: `${base}/transfer`, body: { token: TOKEN, department_id: 2 } },
		]);
		const { bots } = await emulator.state();
		expect(bots.find((/** @type {{ hash: string }} */ bot) => bot.hash === hash)).toMatchObject({ state: 'transferred', transferredTo: 2 });
	});

	it('answers any other message without transferring', async () => {
		const target = `${webhookUrl}?secret=${SECRET}`;
		const started = await emulator.bot('newInteraction', { target });
		const hash = /** @type {string} */ (started.payload.interaction_hash);
		await waitFor('the greeting', async () => (await botCalls()).some((call) => call.path === `/api/v1/bot/${hash}/message`), { timeoutMs: 60_000 });
		await emulator.clearRequests();

		await emulator.bot('newMessage', { target, interactionHash: hash, content: 'When are you open?' });
		await waitForBotCalls(1);
		await new Promise((resolve) => setTimeout(resolve, 1500));

		expect(await botCalls()).toEqual([
			{
				method: 'POST',
				path: `/api/v1/bot/${hash}/message`,
				body: { token: TOKEN, content: 'We are open Monday to Friday, 9:00 to 18:00. Write "person" to talk to our team.', content_type: 'text' },
			},
		]);
	});

	it('refuses bot events without the shared secret', async () => {
		const refused = await emulator.bot('newInteraction', { target: webhookUrl });
		expect(refused.delivered[0].status).toBe(401);
	});

	it('imports the AI Agent example with the Zenvia Chat tools wired to the agent', async () => {
		const shipped = JSON.parse(fs.readFileSync(AI_EXAMPLE, 'utf8'));
		const exported = await n8nCommand(runtime, userFolder, ['export:workflow', `--id=${shipped.id}`]);
		const [workflow] = JSON.parse(exported.stdout.slice(exported.stdout.indexOf('[')));
		const types = Object.fromEntries(workflow.nodes.map((/** @type {{ name: string, type: string }} */ node) => [node.name, node.type]));
		expect(types).toMatchObject({
			'AI Agent': '@n8n/n8n-nodes-langchain.agent',
			'Reply To Customer': 'n8n-nodes-zenvia-chat.zenviaChatTool',
			'Transfer To A Person': 'n8n-nodes-zenvia-chat.zenviaChatTool',
		});
		expect(workflow.connections['Reply To Customer'].ai_tool[0][0].node).toBe('AI Agent');
		expect(workflow.connections['Transfer To A Person'].ai_tool[0][0].node).toBe('AI Agent');
	});
});
