import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { useZenvia } from '../../../../helpers/zenvia';
import type { RunOptions } from '../../../../helpers/zenvia';

const env = useZenvia();
const run = (operation: string, parameters: INodeParameters, options?: RunOptions) =>
	env.run({ resource: 'customer', operation, ...parameters }, options);

const SCHEMA = [
	{ id: 'main_identifier', displayName: 'Nome', required: true, defaultMatch: false, display: true, type: 'string' },
	{ id: 'channel_email', displayName: 'E-mail (one or more)', required: false, defaultMatch: false, display: true, type: 'string' },
	{ id: 'channel_phone', displayName: 'Telefone (one or more)', required: false, defaultMatch: false, display: true, type: 'string' },
];

/** The mapper as the editor saves it: each column an expression reading the input item. */
const mapped = {
	fieldsInput: 'mapper',
	customerFields: {
		mappingMode: 'defineBelow',
		value: {
			main_identifier: '={{ $json.name }}',
			channel_email: '={{ $json.email }}',
			channel_phone: '={{ $json.phone }}',
		},
		matchingColumns: [],
		schema: SCHEMA,
		attemptToConvertTypes: false,
		convertFieldsToString: false,
	},
};

const person = (n: number): IDataObject => ({ name: `Customer ${n}`, email: `customer${n}@example.com`, phone: `11990000${String(n).padStart(3, '0')}` });

describe('Customer > Create or Update', () => {
	it('sends the mapped fields of every item in one request and gives each item its customer', async () => {
		const { items, error } = await run('createOrUpdate', mapped, { items: [person(1), { ...person(2), phone: 1199000002 }] });

		expect(error).toBeUndefined();
		const requests = env.emu.requests();
		expect(requests).toHaveLength(1);
		expect(requests[0]).toMatchObject({ method: 'POST', path: '/api/external/customers' });
		expect(requests[0].body).toEqual({
			token: '[redacted]',
			customers: [
				{ fields: { main_identifier: 'Customer 1', channel_email: 'customer1@example.com', channel_phone: '11990000001' } },
				// A number is sent as the number it is, never dropped.
				{ fields: { main_identifier: 'Customer 2', channel_email: 'customer2@example.com', channel_phone: 1199000002 } },
			],
		});
		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(items[0].json).toEqual({
			customerKey: expect.stringMatching(/^[0-9a-f-]{36}$/),
			account_id: 9001,
			id: 500001,
			fields: { main_identifier: 'Customer 1', channel_email: 'customer1@example.com', channel_phone: '11990000001' },
			date_creation: expect.any(String),
			change_date: null,
			customer_key: items[0].json.customerKey,
			active: true,
			agent_id: null,
		});
		expect(items[1].json.id).toBe(500002);
	});

	it('splits the items into requests of Items per Request each', async () => {
		const input = Array.from({ length: 7 }, (_, n) => person(n + 1));
		const { items } = await run('createOrUpdate', { ...mapped, options: { itemsPerRequest: 3 } }, { items: input });

		expect(env.emu.requests().map((request) => (request.body as { customers: unknown[] }).customers.length)).toEqual([3, 3, 1]);
		expect(items.map((item) => item.json.fields)).toEqual(input.map((row) => ({ main_identifier: row.name, channel_email: row.email, channel_phone: row.phone })));
	});

	it('maps a partial success back to its items: 97 customers and 3 error items, in input order, with Continue On Fail', async () => {
		const bad = new Set([4, 50, 99]);
		const input = Array.from({ length: 100 }, (_, n) => (bad.has(n) ? { ...person(n), phone: '12' } : person(n)));

		const { items, error } = await run('createOrUpdate', mapped, { items: input, continueOnFail: true });

		expect(error).toBeUndefined();
		expect(env.emu.requests()).toHaveLength(1);
		expect(items).toHaveLength(100);
		items.forEach((item, index) => {
			expect(item.pairedItem).toEqual({ item: index });
			if (bad.has(index)) {
				expect(item.json).toEqual({
					error: 'Zenvia Chat refused this customer: field: channel_phone is invalid',
					description: 'Correct the fields Zenvia names and run this item again. The other customers of its batch were saved.',
				});
			} else {
				expect(item.json.fields).toMatchObject({ main_identifier: `Customer ${index}` });
			}
		});
		expect(env.emu.state.account.customers.size).toBe(97);
	});

	it('stops with the refused customer\'s reasons and item without Continue On Fail', async () => {
		const { error } = await run('createOrUpdate', { ...mapped, options: { itemsPerRequest: 2 } }, {
			items: [person(1), { ...person(2), phone: '12' }, person(3)],
		});

		expect(error?.message).toBe('Zenvia Chat refused this customer: field: channel_phone is invalid');
		expect(error?.context?.itemIndex).toBe(1);
		// The batch with the failure was the last one sent.
		expect(env.emu.requests()).toHaveLength(1);
	});

	it('takes the JSON mode and an agent', async () => {
		const { items, error } = await run('createOrUpdate', {
			fieldsInput: 'json',
			customerJson: '={{ JSON.stringify({ main_identifier: $json.name, channel_email: [$json.email, "other@example.com"] }) }}',
			agentId: '101',
		}, { items: [person(1)] });

		expect(error).toBeUndefined();
		expect(env.emu.requests()[0].body).toEqual({
			token: '[redacted]',
			customers: [{ fields: { main_identifier: 'Customer 1', channel_email: ['customer1@example.com', 'other@example.com'] }, agent_id: 101 }],
		});
		expect(items[0].json.agent_id).toBe(101);
	});

	it('refuses bad input before any request, naming the field and the item', async () => {
		const missing = await run('createOrUpdate', mapped, { items: [person(1), { email: 'x@example.com' }] });
		expect(missing.error?.message).toBe('Customer field "Nome" (main_identifier) is required: got an empty value');
		expect(missing.error?.context?.itemIndex).toBe(1);

		const json = await run('createOrUpdate', { fieldsInput: 'json', customerJson: '{"main_identifier": ' }, { items: [{}] });
		expect(json.error?.message).toMatch(/^Customer Fields \(JSON\) is not valid JSON/);

		const agent = await run('createOrUpdate', { ...mapped, agentId: 'ana' }, { items: [person(1)] });
		expect(agent.error?.message).toBe('Agent ID must be a positive whole number, got ana');

		const nested = await run('createOrUpdate', { fieldsInput: 'json', customerJson: '{"main_identifier": {"a": 1}}' }, { items: [{}] });
		expect(nested.error?.message).toBe('Customer field "main_identifier" must be text, a number or a list of them, got {"a":1}');

		expect(env.emu.requests()).toEqual([]);
	});

	it('with Continue On Fail, sends the good items and answers the bad one with its own error', async () => {
		const { items } = await run('createOrUpdate', mapped, { items: [person(1), { email: 'x@example.com' }, person(3)], continueOnFail: true });

		expect(items.map((item) => Object.keys(item.json)[0])).toEqual(['customerKey', 'error', 'customerKey']);
		expect((env.emu.requests()[0].body as { customers: unknown[] }).customers).toHaveLength(2);
	});

	it('gives every item of a failed batch the HTTP error, with Continue On Fail', async () => {
		env.emu.setFault({ path: '/api/external/customers', status: 500, body: { message: 'Internal error', status: 500 }, times: 1 });

		const { items } = await run('createOrUpdate', { ...mapped, options: { itemsPerRequest: 2 } }, { items: [person(1), person(2), person(3)], continueOnFail: true });

		expect(items.map((item) => item.json.error ?? 'saved')).toEqual([
			'Zenvia Chat answered HTTP 500: Internal error',
			'Zenvia Chat answered HTTP 500: Internal error',
			'saved',
		]);
		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
	});

	it('auto-maps the input item\'s keys that are form fields', async () => {
		await run('createOrUpdate', {
			fieldsInput: 'mapper',
			customerFields: { ...mapped.customerFields, mappingMode: 'autoMapInputData', value: null },
		}, { items: [{ main_identifier: 'Auto', channel_email: 'auto@example.com', unrelated: 'x' }] });

		expect((env.emu.requests()[0].body as { customers: unknown[] }).customers).toEqual([
			{ fields: { main_identifier: 'Auto', channel_email: 'auto@example.com' } },
		]);
	});
});
