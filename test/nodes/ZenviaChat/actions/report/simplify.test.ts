import { useZenvia } from '../../../../helpers/zenvia';

const env = useZenvia({ records: 50, seed: 42 });
const run = (operation: string, parameters: Record<string, unknown>) =>
	env.run({ resource: 'report', operation, timezone: 'UTC', ...parameters });

describe('Report > Simplify', () => {
	it('is off by default: the raw Digital Channels rows stay available', async () => {
		const { items } = await run('getDigitalChannels', {});
		expect(items[0].json).toHaveProperty('tma');
		expect(items[0].json).not.toHaveProperty('averageHandlingTimeSeconds');
	});

	it('Digital Channels: title first and every documented metric under its meaning, nothing lost', async () => {
		const raw = (await run('getDigitalChannels', {})).items.map(({ json }) => json);
		const simple = (await run('getDigitalChannels', { simplify: true })).items.map(({ json }) => json);

		expect(simple).toHaveLength(raw.length);
		expect(Object.keys(simple[0])[0]).toBe('title');
		expect(simple[0]).toMatchObject({
			title: raw[0].title,
			averageHandlingTimeSeconds: raw[0].tma,
			averageWaitTimeSeconds: raw[0].tme,
			maximumWaitTimeSeconds: raw[0].tmaxe,
			averageFirstResponseTimeSeconds: raw[0].tmpr,
			inQueue: raw[0].not_answered,
			previousBacklog: raw[0].backlog,
			firstResponseSla: raw[0].slapr,
		});
		expect(simple[0]).not.toHaveProperty('tma');
		expect(Object.keys(simple[0])).toHaveLength(Object.keys(raw[0]).length);
	});

	it.each(['getHistory', 'getOngoing'])('%s: the customer record flattened into customerId and customer<Field>', async (operation) => {
		const raw = (await run(operation, { limit: 3 })).items.map(({ json }) => json);
		const simple = (await run(operation, { limit: 3, simplify: true })).items.map(({ json }) => json);

		const customer = raw[0].customer as { id: unknown; fields: Record<string, unknown> };
		expect(simple[0]).not.toHaveProperty('customer');
		expect(simple[0].customerId).toEqual(customer.id);
		expect(simple[0].customerMainIdentifier).toEqual(customer.fields.main_identifier);
		expect(simple[0].customerChannelEmail).toEqual(customer.fields.channel_email);
		expect(simple[0].id).toEqual(raw[0].id);
	});
});
