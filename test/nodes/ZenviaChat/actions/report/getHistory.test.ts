import { useZenvia } from '../../../../helpers/zenvia';

const env = useZenvia({ records: 1000, seed: 42 });

const getHistory = (parameters: Record<string, unknown>) =>
	env.run({ resource: 'report', operation: 'getHistory', simplify: false, ...parameters });

const PAGE = '/api/ms/external/history';

describe('Report > Get History: query', () => {
	it('sends every filter the user set, in the documented form', async () => {
		const { error } = await getHistory({
			limit: 20,
			from: '2025-05-01T00:00:00',
			to: '2025-05-31T23:59:59',
			filters: {
				direction: 'received',
				agents: '101, 102',
				departments: ['1', '2'],
				states: ['ENDED', 'DISCARDED'],
				types: ['WHATSAPP', 'TEXT'],
				search: '  maria ',
			},
			timezone: 'America/Sao_Paulo',
		});

		expect(error).toBeUndefined();
		expect(env.emu.requests()).toEqual([
			expect.objectContaining({
				method: 'GET',
				path: PAGE,
				body: null,
				query: {
					token: '[redacted]',
					from: '2025-05-01T00:00:00',
					to: '2025-05-31T23:59:59',
					timezone: '-0300',
					active: 'false',
					agents: '101,102',
					departments: '1,2',
					states: 'ENDED,DISCARDED',
					types: 'WHATSAPP,TEXT',
					search: 'maria',
					page: '1',
					limit: '20',
				},
			}),
		]);
	});

	it('sends active=true for sent interactions, and nothing for all', async () => {
		await getHistory({ limit: 5, filters: { direction: 'sent' }, timezone: 'UTC' });
		await getHistory({ limit: 5, filters: { direction: 'all' }, timezone: 'UTC' });
		const [sent, all] = env.emu.requests();
		expect(sent.query.active).toBe('true');
		expect(all.query).toEqual({ token: '[redacted]', timezone: '+0000', page: '1', limit: '5' });
	});

	it('asks the expanded history when Expanded is on, and outputs its fields', async () => {
		const { items, error } = await getHistory({ expanded: true, limit: 3, timezone: 'UTC' });
		expect(error).toBeUndefined();
		expect(env.emu.requests().map((request) => request.path)).toEqual([`${PAGE}/expanded`]);
		expect(items).toHaveLength(3);
		expect(items[0].json).toEqual(
			expect.objectContaining({ id: expect.any(Number), talking_time: expect.any(Number), tags: expect.any(Array) }),
		);
	});

	it('writes dates with an offset in the chosen timezone', async () => {
		await getHistory({
			limit: 1,
			from: '2025-05-01T03:00:00Z', to: '2025-05-02T12:30:00+02:00',
			timezone: 'America/Sao_Paulo',
		});
		expect(env.emu.requests()[0].query).toMatchObject({
			from: '2025-05-01T00:00:00',
			to: '2025-05-02T07:30:00',
			timezone: '-0300',
		});
	});

	it('sends one offset for a range across a daylight saving change, keeping both instants', async () => {
		// New York is -0500 until 2025-03-09 and -0400 after: To is written in From's offset.
		await getHistory({
			limit: 1,
			from: '2025-03-01T00:00:00', to: '2025-03-20T00:00:00',
			timezone: 'America/New_York',
		});
		expect(env.emu.requests()[0].query).toMatchObject({
			from: '2025-03-01T00:00:00',
			to: '2025-03-19T23:00:00',
			timezone: '-0500',
		});
	});

	it('uses the workflow timezone when the field is empty', async () => {
		// The test runner's workflow has n8n's default timezone, America/New_York.
		await getHistory({ limit: 1, from: '2025-01-15T08:00:00' });
		expect(env.emu.requests()[0].query).toMatchObject({ from: '2025-01-15T08:00:00', timezone: '-0500' });
	});

	it('outputs one item per interaction with the documented fields, each paired with its input', async () => {
		const { items } = await getHistory({ limit: 2, timezone: 'America/Sao_Paulo' });
		expect(items).toHaveLength(2);
		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 0 }]);
		expect(Object.keys(items[0].json).sort()).toEqual(
			[
				'active',
				'agent',
				'created_at',
				'current_state',
				'current_state_time',
				'customer',
				'department',
				'first_answer_time',
				'id',
				'media',
				'mood',
				'sla_overdue',
			].sort(),
		);
		expect(items[0].json.created_at).toMatch(/-03:00$/);
	});

	it('applies the filters: only received WhatsApp interactions of agent 101', async () => {
		const { items } = await getHistory({
			returnAll: true,
			filters: { direction: 'received', agents: '101', types: ['WHATSAPP'] },
			timezone: 'UTC',
		});
		expect(items.length).toBeGreaterThan(0);
		for (const { json } of items) {
			expect(json).toMatchObject({ active: false, media: 'WHATSAPP', agent: { id: 101 } });
		}
	});
});

describe('Report > Get History: pagination', () => {
	afterEach(() => env.emu.configure({ records: 1000 }));

	const pagesAsked = () => env.emu.requests().map((request) => [request.query.page, request.query.limit]);

	it('returns all 25,000 records over three pages, stopping on the short one', async () => {
		env.emu.configure({ records: 25_000 });
		const { items, error } = await getHistory({ returnAll: true, timezone: 'UTC' });

		expect(error).toBeUndefined();
		expect(items).toHaveLength(25_000);
		expect(new Set(items.map((item) => item.json.id)).size).toBe(25_000);
		expect(items[0].json.id).toBe(100_001);
		expect(items[24_999].json.id).toBe(125_000);
		expect(pagesAsked()).toEqual([
			['1', '10000'],
			['2', '10000'],
			['3', '10000'],
		]);
	}, 60_000);

	it('stops on an empty page when the records fill the last page exactly', async () => {
		env.emu.configure({ records: 20_000 });
		const { items } = await getHistory({ returnAll: true, timezone: 'UTC' });

		expect(items).toHaveLength(20_000);
		expect(new Set(items.map((item) => item.json.id)).size).toBe(20_000);
		expect(pagesAsked()).toEqual([
			['1', '10000'],
			['2', '10000'],
			['3', '10000'],
		]);
	}, 60_000);

	it('asks one page of exactly the limit', async () => {
		const { items } = await getHistory({ limit: 7, timezone: 'UTC' });
		expect(items.map((item) => item.json.id)).toEqual([100_001, 100_002, 100_003, 100_004, 100_005, 100_006, 100_007]);
		expect(pagesAsked()).toEqual([['1', '7']]);
	});

	it('returns what there is when the limit is above the matching records', async () => {
		const { items } = await getHistory({ limit: 10_000, filters: { search: '100042' }, timezone: 'UTC' });
		expect(items.map((item) => item.json.id)).toEqual([100_042]);
		expect(pagesAsked()).toEqual([['1', '10000']]);
	});

	it('returns nothing, with one request, when nothing matches', async () => {
		const { items, error } = await getHistory({ returnAll: true, filters: { search: 'nobody-like-this' }, timezone: 'UTC' });
		expect(error).toBeUndefined();
		expect(items).toEqual([]);
		expect(pagesAsked()).toEqual([['1', '10000']]);
	});
});
