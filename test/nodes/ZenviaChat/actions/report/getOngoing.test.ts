import type { IDataObject } from 'n8n-workflow';

import { useZenvia } from '../../../../helpers/zenvia';

const env = useZenvia({ records: 1000, seed: 42 });

const getOngoing = (parameters: Record<string, unknown>, items?: IDataObject[]) =>
	env.run({ resource: 'report', operation: 'getOngoing', simplify: false, ...parameters }, { items });

describe('Report > Get Ongoing', () => {
	afterEach(() => env.emu.configure({ records: 1000 }));

	it('sends every filter the user set, and no dates or timezone', async () => {
		const { error } = await getOngoing({
			limit: 50,
			filters: { agents: '101,104', departments: '2', states: 'NOT_ANSWER, PENDING', types: ['WHATSAPP'] },
		});
		expect(error).toBeUndefined();
		expect(env.emu.requests()).toEqual([
			expect.objectContaining({
				method: 'GET',
				path: '/api/ms/external/ongoing',
				query: {
					token: '[redacted]',
					agents: '101,104',
					departments: '2',
					states: 'NOT_ANSWER,PENDING',
					types: 'WHATSAPP',
					page: '1',
					limit: '50',
				},
			}),
		]);
	});

	it('outputs one item per interaction, with the agent\'s status', async () => {
		const { items } = await getOngoing({ limit: 5, filters: { agents: '101' } });
		expect(items).toHaveLength(5);
		for (const { json } of items) {
			expect(json).toMatchObject({ agent: { id: 101, name: 'Ana Souza', status: 'ONLINE' } });
			expect(json.id).toBeGreaterThanOrEqual(10_000_001);
		}
	});

	it('returns all 12,000 interactions over two pages with no duplicate', async () => {
		env.emu.configure({ records: 12_000 });
		const { items } = await getOngoing({ returnAll: true });
		expect(items).toHaveLength(12_000);
		expect(new Set(items.map((item) => item.json.id)).size).toBe(12_000);
		expect(env.emu.requests().map((request) => request.query.page)).toEqual(['1', '2']);
	}, 60_000);

	it('answers each input item with its own query and pairing', async () => {
		const { items } = await getOngoing({ limit: 2, filters: { agents: '={{ $json.agent }}' } }, [
			{ agent: '101' },
			{ agent: '102' },
		]);
		expect(env.emu.requests().map((request) => request.query.agents)).toEqual(['101', '102']);
		expect(items.map((item) => [(item.json.agent as { id: number }).id, item.pairedItem])).toEqual([
			[101, { item: 0 }],
			[101, { item: 0 }],
			[102, { item: 1 }],
			[102, { item: 1 }],
		]);
	});
});
