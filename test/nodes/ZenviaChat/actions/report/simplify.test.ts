import { camelCase, simplifyInteractionRow } from '../../../../../nodes/ZenviaChat/actions/report/simplify';
import { useZenvia } from '../../../../helpers/zenvia';

const env = useZenvia({ records: 50, seed: 42 });
const run = (operation: string, parameters: Record<string, unknown>) =>
	env.run({ resource: 'report', operation, timezone: 'UTC', ...parameters });

/** Every key of every item, flat: no nested record, no snake_case. */
function expectFlatCamelCase(items: Array<Record<string, unknown>>) {
	for (const item of items) {
		for (const [key, value] of Object.entries(item)) {
			expect(key).toMatch(/^[a-z][A-Za-z0-9]*$/);
			if (typeof value === 'object' && value !== null) expect(Array.isArray(value)).toBe(true);
		}
	}
}

describe('Report > Simplify', () => {
	it('is on by default; off gives the raw Digital Channels rows', async () => {
		const simple = await run('getDigitalChannels', {});
		expect(simple.items[0].json).toHaveProperty('averageHandlingTimeSeconds');
		expect(simple.items[0].json).not.toHaveProperty('tma');

		const raw = await run('getDigitalChannels', { simplify: false });
		expect(raw.items[0].json).toHaveProperty('tma');
		expect(raw.items[0].json).not.toHaveProperty('averageHandlingTimeSeconds');
	});

	it('Digital Channels: title first and every documented metric under its meaning, nothing lost', async () => {
		const raw = (await run('getDigitalChannels', { simplify: false })).items.map(({ json }) => json);
		const simple = (await run('getDigitalChannels', {})).items.map(({ json }) => json);

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
		expectFlatCamelCase(simple);
	});

	it.each(['getHistory', 'getOngoing'])('%s: flat rows, agent, department and customer as fields, every name camelCase', async (operation) => {
		const raw = (await run(operation, { limit: 10, simplify: false })).items.map(({ json }) => json);
		const simple = (await run(operation, { limit: 10 })).items.map(({ json }) => json);

		expect(simple).toHaveLength(raw.length);
		expectFlatCamelCase(simple);
		for (const [index, row] of raw.entries()) {
			const customer = row.customer as { id: unknown; fields: Record<string, unknown> };
			const agent = row.agent as { id: unknown; name: unknown } | null;
			const department = row.department as { id: unknown; name: unknown };
			expect(simple[index]).toMatchObject({
				id: row.id,
				createdAt: row.created_at,
				currentState: row.current_state,
				currentStateTime: row.current_state_time,
				slaOverdue: row.sla_overdue,
				customerId: customer.id,
				customerMainIdentifier: customer.fields.main_identifier,
				customerChannelEmail: customer.fields.channel_email,
				departmentId: department.id,
				departmentName: department.name,
				agentId: agent?.id ?? null,
				agentName: agent?.name ?? null,
			});
			for (const gone of ['agent', 'department', 'customer', 'created_at']) expect(simple[index]).not.toHaveProperty(gone);
		}
		// A row without an agent still has the agent's columns, so every row has the same ones.
		const agentless = simple.find((row) => row.agentId === null);
		if (agentless) expect(agentless).toHaveProperty('agentName', null);
	});

	it('Get Ongoing keeps the agent\'s status as agentStatus', async () => {
		const simple = (await run('getOngoing', { limit: 20 })).items.map(({ json }) => json);
		const withAgent = simple.find((row) => row.agentId !== null);
		expect(['ONLINE', 'OFFLINE']).toContain(withAgent?.agentStatus);
		expect(withAgent).toHaveProperty('agentPhoneExtension');
	});

	it('the expanded history is camelCase too (queued_time -> queuedTime), names already camelCase kept', async () => {
		const [row] = (await run('getHistory', { limit: 1, expanded: true })).items.map(({ json }) => json);
		expect(row).toHaveProperty('queuedTime');
		expect(row).toHaveProperty('startTime');
		expect(row).toHaveProperty('tagCount');
		expectFlatCamelCase([row]);
	});

	it.each([
		['created_at', 'createdAt'],
		['sla_overdue', 'slaOverdue'],
		['first_answer_time', 'firstAnswerTime'],
		['startTime', 'startTime'],
		['id', 'id'],
	])('camelCase(%j) is %j', (name, expected) => {
		expect(camelCase(name)).toBe(expected);
	});

	it('keeps what it does not know: an unexpected customer key, an agent given as text', () => {
		expect(simplifyInteractionRow({ id: 1, agent: 'Ana', customer: { id: 'c', fields: {}, extra_note: 'x' } })).toEqual({
			id: 1,
			agent: 'Ana',
			customerId: 'c',
			customerExtraNote: 'x',
		});
	});
});
