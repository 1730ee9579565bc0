import { startEmulator, type Emulator } from '../../emulator';
import { call, type Json } from './http';

const TOKEN = 'emulator-token';
const REPORT_FIELDS = [
	'answered', 'backlog', 'discarded', 'ended', 'expired', 'made', 'missed', 'not_answered', 'pending', 'postponed',
	'rang', 'received', 'remainder', 'sla', 'slapr', 'title', 'tma', 'tmaxe', 'tme', 'tmp', 'tmpa', 'tmpr', 'tmr',
];
const COUNT_FIELDS = ['answered', 'backlog', 'discarded', 'ended', 'expired', 'made', 'missed', 'not_answered', 'pending', 'postponed', 'rang', 'received', 'remainder'];
const HISTORY_FIELDS = [
	'active', 'agent', 'created_at', 'current_state', 'current_state_time', 'customer', 'department', 'first_answer_time', 'id', 'media', 'mood', 'sla_overdue',
];
const EXPANDED_EXTRA = [
	'expired', 'expired_time', 'missed', 'missed_time', 'canceled', 'canceled_time', 'answered', 'ended', 'discarded', 'discarded_time',
	'queued', 'queued_time', 'ringing', 'ringing_time', 'postponed', 'postponed_time', 'pending', 'pending_time', 'transferring',
	'messages', 'talking_time', 'first_contact_time', 'response_count', 'response_time', 'sla_time', 'browser', 'ip', 'os', 'source',
	'group_name', 'origin', 'startTime', 'endTime', 'state', 'type', 'tagCount', 'tags', 'notes',
];
const CUSTOMER_FIELDS = [
	'channel_email', 'channel_external', 'channel_facebook', 'channel_mercado_livre', 'channel_phone', 'channel_telegram', 'document', 'main_identifier', 'main_photo',
];

describe('emulator: Reports API', () => {
	let emu: Emulator;
	const get = (path: string, query: Record<string, string | number> = {}) => {
		const params = new URLSearchParams({ token: TOKEN, ...Object.fromEntries(Object.entries(query).map(([k, v]) => [k, String(v)])) });
		return call('GET', `${emu.url}/api/ms/external/${path}?${params}`);
	};
	async function allPages(path: string, query: Record<string, string | number>) {
		const rows: Json[] = [];
		for (let page = 1; ; page++) {
			const res = await get(path, { ...query, page });
			expect(res.status).toBe(200);
			rows.push(...res.json.data);
			if (res.json.data.length < Number(query.limit)) return { rows, pages: page };
		}
	}

	beforeAll(async () => {
		emu = await startEmulator({ token: TOKEN, seed: 42, records: 1000 });
	});
	afterAll(() => emu.close());
	afterEach(() => emu.configure({ records: 1000, seed: 42 }));

	it.each(['reports', 'history', 'history/expanded', 'history/100001/messages', 'ongoing'])('%s refuses a bad token with the report error shape', async (path) => {
		const res = await call('GET', `${emu.url}/api/ms/external/${path}?token=wrong`);
		expect(res.status).toBe(401);
		expect(res.json).toEqual({ error: 'Invalid token', status: 401, success: false });
	});

	it('history rows have exactly the documented fields, default limit 100', async () => {
		const res = await get('history');
		expect(res.json.status).toBe(200);
		expect(res.json.success).toBe(true);
		expect(res.json.data).toHaveLength(100);
		const row = res.json.data[0];
		expect(Object.keys(row).sort()).toEqual([...HISTORY_FIELDS].sort());
		expect(Object.keys(row.customer.fields).sort()).toEqual(CUSTOMER_FIELDS);
		expect(Array.isArray(row.customer.fields.channel_email)).toBe(true);
		expect(Object.keys(row.department)).toEqual(['id', 'name']);
		const withAgent = res.json.data.find((r: Json) => r.agent);
		expect(Object.keys(withAgent.agent)).toEqual(['id', 'name', 'phone_extension']);
	});

	it('expanded history adds the Variable Meanings fields', async () => {
		const res = await get('history/expanded', { limit: 5 });
		expect(Object.keys(res.json.data[0]).sort()).toEqual([...HISTORY_FIELDS, ...EXPANDED_EXTRA].sort());
	});

	it('is deterministic for a seed and differs for another seed', async () => {
		const a = (await get('history', { limit: 50 })).text;
		expect((await get('history', { limit: 50 })).text).toBe(a);
		emu.configure({ seed: 7 });
		expect((await get('history', { limit: 50 })).text).not.toBe(a);
	});

	it('pages through all records with no duplicate or skipped id', async () => {
		const { rows, pages } = await allPages('history', { limit: 300 });
		expect(pages).toBe(4);
		const ids = rows.map((r) => r.id);
		expect(new Set(ids).size).toBe(1000);
		expect(ids).toEqual(Array.from({ length: 1000 }, (_, i) => 100001 + i));
		const beyond = await get('history', { limit: 300, page: 5 });
		expect(beyond.json.data).toEqual([]);
	});

	it.each([
		[{ limit: 0 }],
		[{ limit: 10001 }],
		[{ limit: 'ten' }],
		[{ page: 0 }],
		[{ page: -1 }],
		[{ from: '2025-13-01T00:00:00' }],
		[{ from: '01/05/2025' }],
		[{ to: '2025-05-10T10:00:00.000Z' }],
		[{ from: '2025-05-20 00:00', to: '2025-05-10 00:00' }],
		[{ timezone: '-3' }],
		[{ timezone: 'UTC' }],
		[{ agents: 'ana' }],
		[{ active: 'yes' }],
	])('refuses %p with 422 and the report error shape', async (query) => {
		const res = await get('history', query);
		expect(res.status).toBe(422);
		expect(res.json).toEqual({ error: expect.any(String), status: 422, success: false });
	});

	it('accepts limit 10000 and both documented date formats', async () => {
		expect((await get('history', { limit: 10000 })).json.data).toHaveLength(1000);
		const t = await get('history', { from: '2025-05-10T00:00:00', to: '2025-05-11T00:00:00', limit: 10000 });
		const s = await get('history', { from: '2025-05-10 00:00', to: '2025-05-11 00:00:00', limit: 10000 });
		expect(t.json.data.length).toBeGreaterThan(0);
		expect(s.json.data).toEqual(t.json.data);
	});

	it('selects a date window and reads it in the requested timezone', async () => {
		const utc = await get('history', { from: '2025-05-10 00:00:00', to: '2025-05-10 23:59:59', limit: 10000 });
		expect(utc.json.data.length).toBeGreaterThan(10);
		expect(utc.json.data.length).toBeLessThan(100);
		for (const row of utc.json.data) expect(row.created_at.slice(0, 10)).toBe('2025-05-10');
		const sp = await get('history', { from: '2025-05-10 00:00:00', to: '2025-05-10 23:59:59', timezone: '-0300', limit: 10000 });
		for (const row of sp.json.data) expect(row.created_at).toMatch(/^2025-05-10T\d\d:\d\d:\d\d-03:00$/);
		expect(sp.json.data.map((r: Json) => r.id)).not.toEqual(utc.json.data.map((r: Json) => r.id));
	});

	it('defaults to the last 30 days before the emulator date', async () => {
		emu.configure({ spanDays: 60 });
		const all = await get('history', { from: '2025-01-01 00:00', limit: 10000 });
		const recent = await get('history', { limit: 10000 });
		expect(all.json.data).toHaveLength(1000);
		expect(recent.json.data.length).toBeGreaterThan(400);
		expect(recent.json.data.length).toBeLessThan(600);
		emu.configure({ spanDays: 30 });
	});

	it('filters by agents, departments, states, types, active and search', async () => {
		const base = { limit: 10000 };
		const agents = (await get('history', { ...base, agents: '101,102' })).json.data;
		expect(agents.length).toBeGreaterThan(0);
		expect(new Set(agents.map((r: Json) => r.agent.id))).toEqual(new Set([101, 102]));
		const departments = (await get('history', { ...base, departments: '3' })).json.data;
		expect(departments.every((r: Json) => r.department.id === 3)).toBe(true);
		const states = (await get('history', { ...base, states: 'DISCARDED,MISSED' })).json.data;
		expect(new Set(states.map((r: Json) => r.current_state))).toEqual(new Set(['DISCARDED', 'MISSED']));
		const types = (await get('history', { ...base, types: 'WHATSAPP' })).json.data;
		expect(types.length).toBeGreaterThan(100);
		expect(types.every((r: Json) => r.media === 'WHATSAPP')).toBe(true);
		const sent = (await get('history', { ...base, active: 'true' })).json.data;
		const received = (await get('history', { ...base, active: 'false' })).json.data;
		expect(sent.length + received.length).toBe(1000);
		expect(sent.every((r: Json) => r.active === true)).toBe(true);
		const maria = (await get('history', { ...base, search: 'maria' })).json.data;
		expect(maria.length).toBeGreaterThan(0);
		expect(maria.every((r: Json) => /maria/i.test(r.customer.fields.main_identifier) || r.agent?.name === 'Ana Souza')).toBe(true);
		const byId = (await get('history', { ...base, search: '100500' })).json.data;
		expect(byId.map((r: Json) => r.id)).toEqual([100500]);
		const byAgentEmail = (await get('history', { ...base, search: 'bruno.lima' })).json.data;
		expect(byAgentEmail.length).toBeGreaterThan(0);
		expect(byAgentEmail.every((r: Json) => r.agent.id === 102 || /bruno\.lima/i.test(r.customer.fields.main_identifier))).toBe(true);
	});

	it('serves conversation messages for a protocol, 404 for an unknown one', async () => {
		const res = await get('history/100001/messages');
		expect(res.status).toBe(200);
		expect(res.json.success).toBe(true);
		expect(res.json.data.length).toBeGreaterThan(0);
		for (const message of res.json.data) {
			expect(message).toEqual(
				expect.objectContaining({ id: expect.any(Number), content: expect.any(String), type: expect.any(String), created_at: expect.any(String) }),
			);
			expect(['CLIENT', 'AGENT']).toContain(message.direction);
			if (message.direction === 'AGENT') expect(Object.keys(message.agent)).toEqual(['id', 'name']);
		}
		expect((await get('history/100001/messages')).text).toBe(res.text);
		// An ongoing interaction's protocol (the ongoing list's id) has its messages too.
		const ongoing = (await get('ongoing', { limit: 1 })).json.data[0];
		const live = await get(`history/${ongoing.id}/messages`);
		expect(live.status).toBe(200);
		expect(live.json.data.length).toBeGreaterThan(0);
		for (const id of ['99', '101001', '20000001', 'abc']) {
			const missing = await get(`history/${id}/messages`);
			expect(missing.status).toBe(404);
			expect(missing.json).toEqual({ error: 'Protocol not found', status: 404, success: false });
		}
	});

	it('ongoing rows carry agent.status and page without duplicates', async () => {
		const first = await get('ongoing', { limit: 5 });
		expect(Object.keys(first.json.data[0]).sort()).toEqual(
			['active', 'agent', 'created_at', 'current_state', 'current_state_time', 'customer', 'department', 'id', 'media', 'sla_overdue'],
		);
		const withAgent = (await get('ongoing', { limit: 100 })).json.data.find((r: Json) => r.agent);
		expect(['ONLINE', 'OFFLINE']).toContain(withAgent.agent.status);
		const { rows } = await allPages('ongoing', { limit: 450 });
		expect(new Set(rows.map((r) => r.id)).size).toBe(1000);
		const queue = (await get('ongoing', { limit: 10000, states: 'NOT_ANSWER' })).json.data;
		expect(queue.length).toBeGreaterThan(0);
		expect(queue.every((r: Json) => r.current_state === 'NOT_ANSWER' && r.agent === null)).toBe(true);
	});

	it.each(['period', 'tag', 'department', 'channel', 'agent'])('report by %s has every field and a Total summing the counts', async (dataType) => {
		const res = await get('reports', { data_type: dataType });
		expect(res.status).toBe(200);
		const rows = res.json.data;
		expect(rows.length).toBeGreaterThan(2);
		for (const row of rows) expect(Object.keys(row).sort()).toEqual(REPORT_FIELDS);
		const total = rows[rows.length - 1];
		expect(total.title).toBe('Total');
		for (const field of COUNT_FIELDS) {
			expect([field, total[field]]).toEqual([field, rows.slice(0, -1).reduce((sum: number, row: Json) => sum + row[field], 0)]);
		}
	});

	it('report counts match the history they summarise, and follow filters', async () => {
		const period = { from: '2025-05-10 00:00', to: '2025-05-12 23:59:59' };
		const report = (await get('reports', { ...period, departments: '2' })).json.data;
		const history = (await get('history/expanded', { ...period, departments: '2', limit: 10000 })).json.data;
		expect(report.map((r: Json) => r.title)).toEqual(['2025-05-10', '2025-05-11', '2025-05-12', 'Total']);
		const total = report[report.length - 1];
		expect(total.received + total.made).toBe(history.length);
		expect(total.ended).toBe(history.filter((r: Json) => r.state === 'ENDED').length);
		expect(total.discarded).toBe(history.filter((r: Json) => r.state === 'DISCARDED').length);
		expect((await get('reports', { data_type: 'weekday' })).status).toBe(422);
	});

	// Speed is measured by npm run bench (docs/BENCHMARKS.md), not asserted here.
	it('serves 100,000 records and pages them exactly', async () => {
		emu.configure({ records: 100_000 });
		const first = await get('history', { limit: 10000 });
		expect(first.json.data).toHaveLength(10000);
		const last = await get('history', { limit: 10000, page: 10 });
		expect(last.json.data[9999].id).toBe(100000 + 100_000);
		const filtered = await get('history', { limit: 1000, page: 3, states: 'ENDED', search: 'silva' });
		expect(filtered.json.data.length).toBe(1000);
		expect(filtered.json.data.every((r: Json) => r.current_state === 'ENDED')).toBe(true);
		const report = await get('reports', { data_type: 'agent' });
		expect(report.json.data[report.json.data.length - 1].received + report.json.data[report.json.data.length - 1].made).toBe(100_000);
	});
});
