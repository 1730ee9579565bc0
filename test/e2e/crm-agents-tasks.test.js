// @ts-check
'use strict';

// Customer, Agent, Task and Leave Message for Team in a real n8n, against the emulator.

const { nodeOutput } = require('../../scripts/e2e');
const { execute } = require('./setup/context');
const { TOKEN, received } = require('./setup/requests');

const PASSWORDS = ['e2e-Agent-Password-77', 'e2e-Agent-Password-88'];

describe('Customer, Agent, Task and Offcontact in a real n8n', () => {
	/** @type {Awaited<ReturnType<typeof execute>>} */
	let execution;
	/** @type {Awaited<ReturnType<typeof received>>} */
	let requests;

	beforeAll(async () => {
		execution = await execute('e2eCrmAgentsTasks');
		requests = await received();
	});

	it('runs every branch', () => {
		expect(execution.ok).toBe(true);
	});

	it('creates customers in batches and maps the partial success back to each item', () => {
		const sent = requests.filter((request) => request.path === '/api/external/customers');
		expect(sent.map((request) => request.body)).toEqual([
			{
				token: TOKEN,
				customers: [
					{ fields: { main_identifier: 'Ana CRM', channel_email: 'ana.crm@example.com', channel_phone: '11990000001' } },
					{ fields: { main_identifier: 'Bad Phone', channel_email: 'bad@example.com', channel_phone: '12' } },
					{ fields: { main_identifier: 'Caio CRM', channel_email: 'caio.crm@example.com', channel_phone: '11990000003' } },
				],
			},
			{ token: TOKEN, customers: [{ fields: { main_identifier: 'Dora CRM', channel_email: 'dora.crm@example.com', channel_phone: 11990000004 } }] },
		]);
		const output = nodeOutput(execution, 'Create Customers');
		expect(output.map((item) => item.customerKey ? item.fields : item.error)).toEqual([
			{ main_identifier: 'Ana CRM', channel_email: 'ana.crm@example.com', channel_phone: '11990000001' },
			'Zenvia Chat refused this customer: field: channel_phone is invalid',
			{ main_identifier: 'Caio CRM', channel_email: 'caio.crm@example.com', channel_phone: '11990000003' },
			{ main_identifier: 'Dora CRM', channel_email: 'dora.crm@example.com', channel_phone: 11990000004 },
		]);
		expect(output[0].customerKey).toEqual(expect.stringMatching(/^[0-9a-f-]{36}$/));
	});

	it('reads the form fields and the online agents with the ClientSDK token', () => {
		expect(nodeOutput(execution, 'Get Form Fields').map((field) => field.name)).toEqual([
			'main_identifier', 'channel_phone', 'channel_email', 'document', 'company', 'birthday',
		]);
		expect(nodeOutput(execution, 'Get Online')).toEqual([
			{ agents: [{ id: 101, name: 'Ana Souza', photo: null }, { id: 102, name: 'Bruno Lima', photo: null }], averageService: 95, count: 2, status: 200 },
		]);
		expect(requests.find((request) => request.path === '/core/api/v1/agents/online')?.query).toEqual({ token: TOKEN, department_id: '1' });
	});

	it('creates, updates, gets and lists agents, the password shown nowhere', () => {
		expect(nodeOutput(execution, 'Create Agent')).toEqual([expect.objectContaining({ id: 201, name: 'Nina Reis', email: 'nina.e2e@example.com', text_limit: 4 })]);
		expect(nodeOutput(execution, 'Update Agent')).toEqual([expect.objectContaining({ id: 201, name: 'Nina R. Reis' })]);
		expect(nodeOutput(execution, 'Get Agent')).toEqual([expect.objectContaining({ id: 201, name: 'Nina R. Reis' })]);
		expect(nodeOutput(execution, 'Get Many Agents').map((agent) => agent.id)).toEqual([101, 102]);
		expect(requests.find((request) => request.method === 'PUT' && request.path === '/api/external/agents/201')?.body).toEqual({
			token: TOKEN,
			name: 'Nina R. Reis',
			password: '[redacted]',
		});
		for (const password of PASSWORDS) expect(execution.output).not.toContain(password);
	});

	it('imports the tasks in one batch and leaves an offcontact message', () => {
		expect(requests.filter((request) => request.path === '/api/external/tasks').map((request) => request.body)).toEqual([
			{
				token: TOKEN,
				tasks: [
					{ task: { id: 'T-1', name: 'Call back', expires_at: '2025-07-01 12:00:00' }, customer: { id: 'C-1' }, agents: ['ana.souza@example.com'] },
					{ task: { id: 'T-2', name: 'Call back', expires_at: '2025-07-01 12:00:00' }, customer: { id: 'C-2' }, agents: ['ana.souza@example.com'] },
				],
			},
		]);
		expect(nodeOutput(execution, 'Import Tasks')).toEqual([
			{ taskId: 'T-1', customerId: 'C-1', status: 200 },
			{ taskId: 'T-2', customerId: 'C-2', status: 200 },
		]);
		const [left] = nodeOutput(execution, 'Leave Message for Team');
		expect(left).toEqual({ interactionHash: expect.any(String), message: 'Offcontact sent', interaction_hash: left.interactionHash, status: 200 });
	});
});
