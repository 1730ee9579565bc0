// @ts-check
'use strict';

const { nodeOutput } = require('../../scripts/e2e');
const { emulator, execute } = require('./setup/context');
const { WRONG_TOKEN } = require('./setup/constants');
const { TOKEN, received } = require('./setup/requests');

describe('Interaction in a real n8n', () => {
	it('starts an interaction, sends a message, updates, signals typing and finishes it', async () => {
		const execution = await execute('e2eInteractionLife');
		expect(execution.ok).toBe(true);

		const [started] = nodeOutput(execution, 'Start');
		const hash = started.interactionHash;
		expect(started).toEqual({
			interactionHash: expect.any(String),
			message: 'Interaction created successfully',
			data: { interaction_hash: hash },
		});
		expect(nodeOutput(execution, 'Send Message')).toEqual([
			{ interactionHash: hash, data: { interaction_hash: hash }, message: 'Message created successfully', status: 200 },
		]);
		expect(nodeOutput(execution, 'Update')).toEqual([
			{ interactionHash: hash, message: 'Interaction updated successfully', status: 200 },
		]);
		expect(nodeOutput(execution, 'Notify Typing')).toEqual([{ interactionHash: hash, message: 'Typing sent successfully', status: 200 }]);
		expect(nodeOutput(execution, 'Notify Stopped Typing')).toEqual([
			{ interactionHash: hash, message: 'Cleared sent successfully', status: 200 },
		]);
		expect(nodeOutput(execution, 'Finish')).toEqual([{ interactionHash: hash, message: 'Finish sent successfully', status: 200 }]);

		const base = `/core/api/v1/interactions/${hash}`;
		expect(await received()).toEqual([
			{
				method: 'POST',
				path: '/core/api/v1/interactions',
				query: {},
				body: {
					department_id: 2,
					media_type: 'WHATSAPP',
					customer: { name: 'Maria Silva', email: 'maria@example.com', phone: '11991417777' },
					extra: { crmId: '42' },
					external_history: 'https://history.example.com/maria',
					token: TOKEN,
				},
			},
			{ method: 'POST', path: `${base}/messages`, query: {}, body: { content: 'Hello, I need help with order 1234', type: 'text', token: TOKEN } },
			{ method: 'PUT', path: base, query: {}, body: { mood: 'NEGATIVE', tag_ids: ['1', '3'], note: 'Asked about a late order', token: TOKEN } },
			{ method: 'PUT', path: `${base}/typing`, query: {}, body: { token: TOKEN } },
			{ method: 'PUT', path: `${base}/cleared`, query: {}, body: { token: TOKEN } },
			{ method: 'PUT', path: `${base}/finish`, query: {}, body: { token: TOKEN } },
		]);

		const { interactions } = await emulator.state();
		expect(interactions.find((/** @type {{ hash: string }} */ item) => item.hash === hash)).toMatchObject({
			departmentId: 2,
			extra: { crmId: '42' },
			messages: [{ content: 'Hello, I need help with order 1234', direction: 'CLIENT' }],
			mood: 'NEGATIVE',
			tagIds: ['1', '3'],
			note: 'Asked about a late order',
			typing: false,
			finished: true,
		});
	});

	it('fails on a wrong token with the HTTP status in the message and without the token anywhere', async () => {
		const execution = await execute('e2eWrongToken');
		expect(execution.ok).toBe(false);
		/** @type {any} */
		const error = execution.run?.data;
		expect(error?.resultData?.error).toMatchObject({
			name: 'NodeApiError',
			httpCode: '401',
			message: 'Zenvia Chat answered HTTP 401: Invalid token',
			node: { name: 'Start' },
		});
		expect(execution.output).toContain('Zenvia Chat answered HTTP 401: Invalid token');
		expect(execution.output).not.toContain(WRONG_TOKEN);
		expect(await received()).toEqual([
			{ method: 'POST', path: '/core/api/v1/interactions', query: {}, body: { department_id: 1, media_type: 'TEXT', token: TOKEN } },
		]);
	});

	it('answers every item with Continue On Fail: a success, an API error and a refused input', async () => {
		const execution = await execute('e2eContinueOnFail');
		expect(execution.ok).toBe(true);

		const [started] = nodeOutput(execution, 'Start');
		const hash = started.interactionHash;
		expect(nodeOutput(execution, 'Send Message')).toEqual([
			{ interactionHash: hash, data: { interaction_hash: hash }, message: 'Message created successfully', status: 200 },
			{
				error: 'Zenvia Chat answered HTTP 404: Interaction not found',
				description: expect.any(String),
				httpCode: '404',
			},
			{ error: 'Interaction Hash is required: got an empty value' },
		]);

		// The empty hash was refused before any request.
		const sent = (await received()).filter((request) => request.path.endsWith('/messages'));
		expect(sent.map((request) => request.path)).toEqual([
			`/core/api/v1/interactions/${hash}/messages`,
			'/core/api/v1/interactions/no-such-interaction/messages',
		]);
		expect(sent[1].body).toEqual({ content: 'Are you there?', type: 'text', token: TOKEN });
	});

	it('sends numbers from expressions as text, content as written, and refuses a hash of dots; a field read from the item gives what n8n gives', async () => {
		const execution = await execute('e2eValuesFromExpressions');
		expect(execution.ok).toBe(true);

		const [started] = nodeOutput(execution, 'Start');
		const hash = started.interactionHash;
		expect(nodeOutput(execution, 'Send Message')).toEqual([
			{ interactionHash: hash, data: { interaction_hash: hash }, message: 'Message created successfully', status: 200 },
			{ error: 'Interaction Hash cannot be only dots, got ..' },
		]);
		expect(await received()).toEqual([
			{
				method: 'POST',
				path: '/core/api/v1/interactions',
				query: {},
				body: {
					department_id: 1,
					media_type: 'TEXT',
					customer: { name: 'Maria Silva', phone: '11991417777', cpf: '12345678900' },
					token: TOKEN,
				},
			},
			{ method: 'POST', path: `/core/api/v1/interactions/${hash}/messages`, query: {}, body: { content: '  indented\n', type: 'text', token: TOKEN } },
			// Send Status: {{ $json.status }} is the number 200, sent as text.
			{ method: 'POST', path: `/core/api/v1/interactions/${hash}/messages`, query: {}, body: { content: '200', type: 'text', token: TOKEN } },
		]);
		// The error item has no interactionHash: n8n resolves the expression and the node refuses it.
		expect(nodeOutput(execution, 'Send Status')).toEqual([
			{ interactionHash: hash, data: { interaction_hash: hash }, message: 'Message created successfully', status: 200 },
			{ error: 'Interaction Hash is required: got an empty value' },
		]);
	});
});
