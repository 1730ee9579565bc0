// @ts-check
'use strict';

// The Zenvia Chat node as an AI-agent tool: its tool variant (`zenviaChatTool`, which n8n derives
// from `usableAsTool`) connected to n8n's MCP Server Trigger in a published workflow, called from
// the official MCP TypeScript SDK over streamable HTTP, as any MCP client or agent would.

const { Client } = require('@modelcontextprotocol/sdk/client/index.js');
const { StreamableHTTPClientTransport } = require('@modelcontextprotocol/sdk/client/streamableHttp.js');
const { freePort, publishWorkflow, startN8n, waitFor } = require('../../scripts/e2e');
const { CHAT_TOKEN } = require('./setup/constants');
const { emulator, runtime, userFolder } = require('./setup/context');
const { TOKEN, received } = require('./setup/requests');

const MCP_PATH = 'mcp/zenvia-chat-e2e';

/** @type {import('../../scripts/e2e/n8n').N8nServer | undefined} */
let n8n;
/** @type {Client | undefined} */
let client;

beforeAll(async () => {
	await publishWorkflow(runtime, userFolder, 'e2eMcpTool');
	n8n = await startN8n(runtime, userFolder, { port: await freePort() });
	const url = new URL(`${n8n.url}/${MCP_PATH}`);
	// Published workflows are activated after readiness: connect once the MCP endpoint is there.
	await waitFor(
		`the MCP server at ${url}`,
		async () => {
			const candidate = new Client({ name: 'zenvia-chat-e2e', version: '1.0.0' });
			try {
				await candidate.connect(new StreamableHTTPClientTransport(url));
				client = candidate;
				return true;
			} catch {
				await candidate.close().catch(() => undefined);
				return false;
			}
		},
		{ timeoutMs: 90_000, intervalMs: 1000 },
	);
});

afterAll(async () => {
	await client?.close().catch(() => undefined);
	await n8n?.stop();
});

/** Starts an interaction in the emulator through its Chat API. */
async function startInteraction() {
	const answer = await fetch(`${emulator.url}/core/api/v1/interactions`, {
		method: 'POST',
		headers: { 'Content-Type': 'application/json' },
		body: JSON.stringify({ token: CHAT_TOKEN, department_id: 1, customer: { name: 'Joana' } }),
		signal: AbortSignal.timeout(10_000),
	});
	const { data } = await answer.json();
	return /** @type {string} */ (data.interaction_hash);
}

/**
 * The text of a tool call's answer.
 * @param {any} result
 */
function answerText(result) {
	return result.content.map((/** @type {{ type: string, text?: string }} */ part) => part.text ?? '').join('\n');
}

describe('Zenvia Chat as a tool of n8n\'s MCP Server Trigger', () => {
	it('lists both tools with their names, descriptions and the arguments the agent fills in', async () => {
		if (!client) throw new Error('set-up failed');
		const { tools } = await client.listTools();
		const byName = Object.fromEntries(tools.map((tool) => [tool.name, tool]));
		expect(Object.keys(byName).sort()).toEqual(['Find_Ongoing_Interactions', 'Send_Message']);
		expect(byName.Send_Message.description).toBe(
			"Sends a text message into a customer's ongoing Zenvia Chat interaction, identified by its interaction hash",
		);
		expect(byName.Send_Message.inputSchema).toMatchObject({
			type: 'object',
			properties: {
				interactionHash: { type: 'string', description: 'The interaction hash of the ongoing interaction' },
				message: { type: 'string', description: 'The text to send' },
			},
		});
		expect(byName.Find_Ongoing_Interactions.description).toContain('Lists the interactions currently waiting');
	});

	it('sends the message a client asks for to the right interaction and returns Zenvia\'s answer', async () => {
		if (!client) throw new Error('set-up failed');
		const hash = await startInteraction();
		await emulator.clearRequests();

		const result = await client.callTool({
			name: 'Send_Message',
			arguments: { interactionHash: hash, message: 'Your order 1234 ships today' },
		});

		expect(result.isError).toBeFalsy();
		expect(answerText(result)).toContain('Message created successfully');
		expect(answerText(result)).toContain(hash);
		expect(await received()).toEqual([
			{
				method: 'POST',
				path: `/core/api/v1/interactions/${hash}/messages`,
				query: {},
				body: { content: 'Your order 1234 ships today', type: 'text', token: TOKEN },
			},
		]);
		const { interactions } = await emulator.state();
		expect(interactions.find((/** @type {{ hash: string }} */ item) => item.hash === hash).messages).toEqual([
			expect.objectContaining({ content: 'Your order 1234 ships today' }),
		]);
	});

	it('answers the ongoing-interactions lookup with the rows Zenvia returned', async () => {
		if (!client) throw new Error('set-up failed');
		await emulator.clearRequests();
		const result = await client.callTool({ name: 'Find_Ongoing_Interactions', arguments: {} });
		expect(result.isError).toBeFalsy();
		const requests = await received();
		expect(requests).toHaveLength(1);
		expect(requests[0]).toMatchObject({ method: 'GET' });
		// Simplified (the default): flat rows, the customer's fields beside the state.
		expect(answerText(result)).toContain('currentState');
		expect(answerText(result)).toContain('customerMainIdentifier');
	});
});
