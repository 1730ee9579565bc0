import { useZenvia } from '../../../../helpers/zenvia';

const env = useZenvia();
const parameters = { resource: 'department', operation: 'getAll', returnAll: true };

describe('Department > Get Many', () => {
	it('lists the active departments from the Chat API with the Chat API token, one item each', async () => {
		const { items, error } = await env.run(parameters);

		expect(error).toBeUndefined();
		expect(items.map(({ json }) => [json.id, json.name, json.state])).toEqual([
			[1, 'Support', 1],
			[2, 'Sales', 1],
			[3, 'Billing', 1],
		]);
		expect(items[0].json.channels).toEqual([{ id: 1, name: 'CHAT', state: 1 }]);
		expect(env.emu.requests().map(({ path, query }) => [path, query])).toEqual([
			['/api/external/departments', { token: '[redacted]' }],
		]);
	});

	it('includes inactive departments when asked, and applies the limit', async () => {
		const all = await env.run({ ...parameters, includeInactive: true });
		const limited = await env.run({ ...parameters, returnAll: false, limit: 2, includeInactive: true });

		expect(all.items.map(({ json }) => json.id)).toEqual([1, 2, 3, 4]);
		expect(limited.items.map(({ json }) => json.id)).toEqual([1, 2]);
	});

	it('fails before any request, naming the token, with only the ClientSDK token', async () => {
		const { error } = await env.run(parameters, { credentials: { chatApiToken: '' } });

		expect(error?.message).toBe('Department > Get Many needs the Chat API Token, and the credential has none');
		expect(env.emu.requests()).toEqual([]);
	});

	it('says so when the answer is not a list', async () => {
		env.emu.setFault({ method: 'GET', path: '/api/external/departments', status: 200, body: { success: true } });

		const { error } = await env.run(parameters);

		expect(error?.message).toBe('Zenvia Chat answered without a list');
	});
});
