import { useZenvia, WRONG_KIND_HINT } from '../../../../helpers/zenvia';

const ALL = [
	{ id: 1, name: 'Support', active: true },
	{ id: 2, name: 'Sales', active: true },
	{ id: 3, name: 'Billing', active: true },
	{ id: 4, name: 'Legacy Helpdesk', active: false },
];

describe('WhatsApp > Get Departments', () => {
	const env = useZenvia({ records: 1000, seed: 42 });
	const parameters = { resource: 'whatsapp', operation: 'getDepartments' };

	it('sends a GET with the token in the query and answers one item per department', async () => {
		const { items, error } = await env.run({ ...parameters, returnAll: true });

		expect(error).toBeUndefined();
		expect(env.emu.requests().map(({ method, path, query, body }) => ({ method, path, query, body }))).toEqual([
			{ method: 'GET', path: '/api/v1/departments', query: { token: '[redacted]' }, body: null },
		]);
		expect(items).toEqual(ALL.map((json) => ({ json, pairedItem: { item: 0 } })));
	});

	it.each([
		[{}, ALL],
		[{ limit: 2 }, ALL.slice(0, 2)],
		[{ limit: 10 }, ALL],
		[{ returnAll: false, limit: '={{ 1 }}' }, ALL.slice(0, 1)],
	])('cuts the list to the limit with %j, in one request', async (change, expected) => {
		const { items } = await env.run({ ...parameters, ...change });

		expect(items.map(({ json }) => json)).toEqual(expected);
		expect(env.emu.requests()).toHaveLength(1);
	});

	it('answers the list once per input item', async () => {
		const { items } = await env.run({ ...parameters, limit: 1 }, { items: [{}, {}] });

		expect(items).toEqual([
			{ json: ALL[0], pairedItem: { item: 0 } },
			{ json: ALL[0], pairedItem: { item: 1 } },
		]);
	});

	it('refuses a limit below 1 before sending anything', async () => {
		const { error } = await env.run({ ...parameters, limit: '={{ 0 }}' });

		expect(error?.message).toBe('Limit must be a positive whole number, got 0');
		expect(env.emu.requests()).toEqual([]);
	});

	it('also reads a list wrapped in data', async () => {
		env.emu.setFault({ method: 'GET', path: '/api/v1/departments', status: 200, body: { data: [{ id: 7, name: 'Wrapped' }] } });

		const { items } = await env.run({ ...parameters, returnAll: true });

		expect(items.map(({ json }) => json)).toEqual([{ id: 7, name: 'Wrapped' }]);
	});

	it('says so when the answer holds no list', async () => {
		env.emu.setFault({ method: 'GET', path: '/api/v1/departments', status: 200, body: { message: 'ok' } });

		const { error } = await env.run({ ...parameters, returnAll: true });

		expect(error?.message).toBe('Zenvia Chat answered without a list');
	});

	it('explains a 401, says which token kind it takes, and never shows the token', async () => {
		const { error } = await env.run(parameters, { credentials: { clientSdkToken: 'not-the-token' } });

		expect(error?.message).toBe('Zenvia Chat answered HTTP 401: Invalid token');
		expect(error?.description).toBe(WRONG_KIND_HINT);
		expect(env.emu.requests()[0].query).toEqual({ token: '[redacted]' });
	});

	it('passes on what a 422 says', async () => {
		env.emu.setFault({ method: 'GET', path: '/api/v1/departments', status: 422, body: { message: 'Account suspended', status: 422 } });

		const { error } = await env.run(parameters);

		expect(error?.message).toBe('Zenvia Chat answered HTTP 422: Account suspended');
		expect(error?.httpCode).toBe('422');
	});
});
