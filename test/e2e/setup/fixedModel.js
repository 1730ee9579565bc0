// @ts-check
'use strict';

// A stand-in for a chat model, so an AI Agent workflow runs end to end without a real model: it
// speaks the Chat Completions API (`POST /v1/chat/completions`), which n8n's OpenAI Chat Model
// calls at the credential's Base URL. Its decision is fixed, so a test knows what the agent must
// do: for a customer who asks for a person it calls the transfer tool, for anything else the reply
// tool with REPLY; once a tool has answered in this turn, it ends the turn with a short text.
// Every request is kept, so the test can check that the agent really asked it, which tools it
// offered and which earlier turns its memory gave.

const http = require('http');

/** What the reply tool is asked to send for any message that is not a request for a person. */
const REPLY = 'We are open Monday to Friday, 9:00 to 18:00.';
/** The final text after a tool ran; the bot's workflow does not send it anywhere. */
const DONE = 'Done.';

/**
 * @typedef {{ type: string, function: { name: string, description?: string, parameters?: { properties?: Record<string, unknown> } } }} Tool
 * @typedef {{ role: string, content?: unknown }} Message
 * @typedef {{ model?: string, stream?: boolean, messages?: Message[], tools?: Tool[] }} CompletionRequest
 */

/**
 * A message's text: the API allows a string or a list of parts.
 * @param {Message | undefined} message
 */
function textOf(message) {
	const content = message?.content;
	if (typeof content === 'string') return content;
	if (Array.isArray(content)) return content.map((part) => (typeof part?.text === 'string' ? part.text : '')).join('');
	return '';
}

/**
 * The tool whose name or description matches, or an error naming the tools offered: a test that
 * offers the wrong tools must fail with a reason, not with a model that quietly does nothing.
 * @param {Tool[]} tools
 * @param {RegExp} pattern
 */
function findTool(tools, pattern) {
	const tool = tools.find(({ function: f }) => pattern.test(f.name) || pattern.test(f.description ?? ''));
	if (!tool) throw new Error(`no tool matches ${pattern}; offered: ${tools.map((t) => t.function.name).join(', ') || 'none'}`);
	return tool.function;
}

/**
 * The fixed decision for one request: a tool call, or the final text once a tool has answered.
 * @param {CompletionRequest} request
 * @returns {{ content: string | null, toolCall?: { name: string, arguments: string } }}
 */
function decide(request) {
	const messages = request.messages ?? [];
	// Only this turn counts: with a memory, the earlier turns (and their tool calls) come first.
	const lastUser = messages.map((message) => message.role).lastIndexOf('user');
	if (messages.slice(lastUser + 1).some((message) => message.role === 'tool')) return { content: DONE };
	const asked = textOf(messages[lastUser]);
	const tools = request.tools ?? [];
	if (/person/i.test(asked)) {
		const transfer = findTool(tools, /transfer/i);
		// Behind n8n's Human-review gate a tool takes its own arguments and the gate's, apart.
		const gated = Boolean(transfer.parameters?.properties && 'toolParameters' in transfer.parameters.properties);
		return { content: null, toolCall: { name: transfer.name, arguments: gated ? JSON.stringify({ toolParameters: {}, hitlParameters: {} }) : '{}' } };
	}
	const reply = findTool(tools, /reply/i);
	// The argument is the one the tool's schema declares (from `$fromAI('reply', ...)`).
	if (!reply.parameters?.properties || !('reply' in reply.parameters.properties)) {
		throw new Error(`the reply tool takes no "reply" argument: ${JSON.stringify(reply.parameters)}`);
	}
	return { content: null, toolCall: { name: reply.name, arguments: JSON.stringify({ reply: REPLY }) } };
}

/**
 * The decision as a whole (non-streamed) completion, the shape n8n's OpenAI Chat Model reads.
 * @param {CompletionRequest} request
 * @param {ReturnType<typeof decide>} decision
 * @param {number} count this model's running number of answers, for unique ids
 */
function completion(request, decision, count) {
	const toolCalls = decision.toolCall ? [{ id: `call_fixed_${count}`, type: 'function', function: decision.toolCall }] : undefined;
	return {
		id: `chatcmpl-fixed-${count}`,
		object: 'chat.completion',
		created: Math.floor(Date.now() / 1000),
		model: request.model ?? 'fixed',
		choices: [
			{
				index: 0,
				message: { role: 'assistant', content: decision.content, ...(toolCalls ? { tool_calls: toolCalls } : {}) },
				finish_reason: toolCalls ? 'tool_calls' : 'stop',
			},
		],
		usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
	};
}

/** Starts the model on a free 127.0.0.1 port; its `url` is what the credential's Base URL takes. */
async function startFixedModel() {
	/** @type {CompletionRequest[]} */
	const requests = [];
	/** @type {string[]} why a request got no decision: a test reads these instead of waiting in vain */
	const errors = [];
	const server = http.createServer((req, res) => {
		let text = '';
		// One stream: a chunk may end inside a multi-byte character of the customer's message.
		req.setEncoding('utf8');
		req.on('data', (chunk) => (text += chunk));
		req.on('end', () => {
			if (req.method !== 'POST' || req.url !== '/v1/chat/completions') {
				res.writeHead(404, { 'Content-Type': 'application/json' }).end(JSON.stringify({ error: { message: `no ${req.method} ${req.url}` } }));
				return;
			}
			try {
				/** @type {CompletionRequest} */
				const request = JSON.parse(text);
				requests.push(request);
				// n8n's agent asks without streaming unless its trigger streams the answer (the bot's
				// does not); a streamed request would need answers this model does not give.
				if (request.stream) throw new Error('streaming was asked for, and this model only answers whole completions');
				const answer = completion(request, decide(request), requests.length);
				res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(answer));
			} catch (error) {
				const message = `fixed model: ${error instanceof Error ? error.message : String(error)}`;
				errors.push(message);
				// 400 is not retried, so the agent fails at once with this reason.
				res.writeHead(400, { 'Content-Type': 'application/json' }).end(JSON.stringify({ error: { message, type: 'invalid_request_error' } }));
			}
		});
	});
	await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
	const { port } = /** @type {import('net').AddressInfo} */ (server.address());
	return {
		url: `http://127.0.0.1:${port}/v1`,
		requests,
		errors,
		close: () =>
			new Promise((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve(undefined));
			}),
	};
}

module.exports = { startFixedModel, REPLY, DONE };
