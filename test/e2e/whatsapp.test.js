// @ts-check
'use strict';

const { nodeOutput } = require('../../scripts/e2e');
const { emulator, execute } = require('./setup/context');
const { TOKEN, received } = require('./setup/requests');

describe('WhatsApp in a real n8n', () => {
	it('sends a message, signals typing and stopped typing, and lists the departments', async () => {
		const execution = await execute('e2eWhatsApp');
		expect(execution.ok).toBe(true);

		const [sent] = nodeOutput(execution, 'Send Message');
		const messageHash = sent.messageHash;
		expect(sent).toEqual({
			messageHash: expect.any(String),
			externalId: '5511991417777',
			message: 'Message sent successfully',
			data: { message_hash: messageHash },
		});
		expect(nodeOutput(execution, 'Notify Typing')).toEqual([
			{ externalId: '5511991417777', message: 'Typing sent successfully', status: 200 },
		]);
		expect(nodeOutput(execution, 'Notify Stopped Typing')).toEqual([
			{ externalId: '5511991417777', message: 'Cleared sent successfully', status: 200 },
		]);
		expect(nodeOutput(execution, 'Get Departments')).toEqual([
			{ id: 1, name: 'Support', active: true },
			{ id: 2, name: 'Sales', active: true },
			{ id: 3, name: 'Billing', active: true },
			{ id: 4, name: 'Legacy Helpdesk', active: false },
		]);

		const customer = { external_id: '5511991417777' };
		expect(await received()).toEqual([
			{
				method: 'POST',
				path: '/api/v1/whatsapp',
				query: {},
				body: {
					content: 'Here is my invoice',
					content_type: 'application/pdf',
					url: 'https://files.example.com/invoice-77.pdf',
					department_id: 3,
					customer: { name: 'João Santos', ...customer },
					extra: { ticket: 'T-77' },
					token: TOKEN,
				},
			},
			{ method: 'PUT', path: '/api/v1/whatsapp/typing', query: {}, body: { customer, token: TOKEN } },
			{ method: 'PUT', path: '/api/v1/interactions/cleared', query: {}, body: { customer, token: TOKEN } },
			{ method: 'GET', path: '/api/v1/departments', query: { token: TOKEN }, body: null },
		]);

		// Found by this message: other suites share the emulator (their customers use other ids).
		const { interactions } = await emulator.state();
		const mine = interactions.find((/** @type {{ messages: { hash: string }[] }} */ item) =>
			item.messages.some((message) => message.hash === messageHash),
		);
		expect(mine).toMatchObject({
			externalId: '5511991417777',
			channel: 'whatsapp',
			departmentId: 3,
			messages: [{ hash: messageHash, content: 'Here is my invoice', type: 'application/pdf', direction: 'CLIENT' }],
			typing: false,
		});
	});
});
