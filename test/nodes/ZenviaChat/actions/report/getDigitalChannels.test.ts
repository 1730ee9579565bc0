import { useZenvia } from '../../../../helpers/zenvia';

const env = useZenvia({ records: 1000, seed: 42 });

const getDigitalChannels = (parameters: Record<string, unknown>) =>
	env.run({ resource: 'report', operation: 'getDigitalChannels', simplify: false, ...parameters });

const REPORT_FIELDS = [
	'answered', 'backlog', 'discarded', 'ended', 'expired', 'made', 'missed', 'not_answered', 'pending', 'postponed',
	'received', 'remainder', 'sla', 'slapr', 'title', 'tma', 'tmaxe', 'tme', 'tmp', 'tmpa', 'tmpr', 'tmr',
];

describe('Report > Get Digital Channels Report', () => {
	it('sends the grouping and every filter the user set, in the documented form', async () => {
		const { error } = await getDigitalChannels({
			groupBy: 'agent',
			from: '2025-05-01T00:00:00',
			to: '2025-05-31T23:59:59',
			filters: {
				agents: ['101', '102'],
				departments: '1,2',
				states: ['ENDED', 'UNAVAILABLE', 'CANCELED', 'DISCARDED'],
				types: ['PHONE', 'PHONE_CONF', 'MELI_QST', 'MELI_MSG'],
				tags: ' 1 , 5 ',
			},
			timezone: 'America/Sao_Paulo',
		});

		expect(error).toBeUndefined();
		expect(env.emu.requests()).toEqual([
			expect.objectContaining({
				method: 'GET',
				path: '/api/ms/external/reports',
				body: null,
				query: {
					token: '[redacted]',
					data_type: 'agent',
					from: '2025-05-01T00:00:00',
					to: '2025-05-31T23:59:59',
					timezone: '-0300',
					agents: '101,102',
					departments: '1,2',
					states: 'ENDED,UNAVAILABLE,CANCELED,DISCARDED',
					types: 'PHONE,PHONE_CONF,MELI_QST,MELI_MSG',
					tags: '1,5',
				},
			}),
		]);
	});

	it('groups by period by default and sends no page or limit', async () => {
		await getDigitalChannels({ timezone: 'UTC' });
		expect(env.emu.requests()[0].query).toEqual({ token: '[redacted]', data_type: 'period', timezone: '+0000' });
	});

	it('outputs one item per row, the Total row last and marked isTotal', async () => {
		const { items, error } = await getDigitalChannels({ groupBy: 'department', timezone: 'UTC' });

		expect(error).toBeUndefined();
		expect(items.map((item) => [item.json.title, item.json.isTotal])).toEqual([
			['Billing', false],
			['Legacy Helpdesk', false],
			['Sales', false],
			['Support', false],
			['Total', true],
		]);
		for (const { json } of items) expect(Object.keys(json)).toEqual(expect.arrayContaining([...REPORT_FIELDS, 'isTotal']));
		const groups = items.slice(0, -1).reduce((sum, item) => sum + (item.json.received as number), 0);
		expect(items[4].json.received).toBe(groups);
	});

	it('leaves the Total row out when Include Total Row is off', async () => {
		const { items } = await getDigitalChannels({
			groupBy: 'department',
			timezone: 'UTC', options: { includeTotal: false },
		});
		expect(items.map((item) => item.json.title)).toEqual(['Billing', 'Legacy Helpdesk', 'Sales', 'Support']);
		expect(items.every((item) => item.json.isTotal === false)).toBe(true);
	});

	it('marks only the last row as the Total, even if a group is titled "Total"', async () => {
		const row = { title: 'Total', received: 1 };
		env.emu.setFault({
			path: '/api/ms/external/reports',
			status: 200,
			body: { status: 200, success: true, data: [row, { ...row, received: 2 }] },
		});
		const { items } = await getDigitalChannels({ groupBy: 'tag', timezone: 'UTC', options: { includeTotal: false } });
		expect(items.map((item) => item.json)).toEqual([{ title: 'Total', received: 1, isTotal: false }]);
	});
});
