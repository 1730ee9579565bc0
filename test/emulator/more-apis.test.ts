import { startEmulator, type Emulator } from '../../emulator';
import { call, startReceiver } from './http';

const API_TOKEN = 'chat-api-token';
const SDK_TOKEN = 'client-sdk-token';

describe('emulator: customers, agents, tasks, offcontact and the external bot', () => {
	let emu: Emulator;
	const get = (path: string, token = SDK_TOKEN) => call('GET', `${emu.url}${path}${path.includes('?') ? '&' : '?'}token=${token}`);
	const send = (method: string, path: string, body: Record<string, unknown>, token = SDK_TOKEN) =>
		call(method, `${emu.url}${path}`, { token, ...body });

	beforeAll(async () => {
		emu = await startEmulator({ token: API_TOKEN, clientSdkToken: SDK_TOKEN });
	});
	afterAll(() => emu.close());
	beforeEach(() => emu.reset());

	it.each([
		['GET', '/api/external/form_fields', API_TOKEN],
		['GET', '/api/external/agents', API_TOKEN],
		['GET', '/api/external/agents/101', API_TOKEN],
		['GET', '/core/api/v1/agents/online', API_TOKEN],
		['POST', '/api/external/customers', API_TOKEN],
		['POST', '/api/external/agents', API_TOKEN],
		['PUT', '/api/external/agents/101', API_TOKEN],
		['POST', '/api/external/tasks', API_TOKEN],
		['PUT', '/api/v1/bot/h/accept', API_TOKEN],
		['POST', '/api/v1/bot/h/message', API_TOKEN],
		['PUT', '/api/v1/bot/h/transfer', API_TOKEN],
		['PUT', '/api/v1/bot/h/finish', API_TOKEN],
		['POST', '/core/api/v1/offcontact', SDK_TOKEN],
	])('%s %s refuses the other kind of token with 401', async (method, path, wrongToken) => {
		const res = method === 'GET' ? await get(path, wrongToken) : await send(method, path, {}, wrongToken);
		expect(res.status).toBe(401);
		expect(res.json).toEqual({ message: 'Invalid token', status: 401 });
	});

	it('lists the form fields with the documented keys', async () => {
		const res = await get('/api/external/form_fields');
		expect(res.status).toBe(200);
		expect(res.json.status).toBe(200);
		expect(res.json.form_fields[0]).toEqual({
			id: 1, name: 'main_identifier', label: 'Nome', is_required: true, is_unique: false, type: 'string', is_multiple: false,
			belongs_to_customer: true, belongs_to_collection: false, label_updatable: false, value_updatable: true, showable: true,
		});
	});

	it('creates or updates customers, listing refused ones with their reasons beside the accepted ones', async () => {
		const res = await send('POST', '/api/external/customers', {
			customers: [
				{ fields: { main_identifier: 'Maria', channel_email: 'maria@example.com' }, agent_id: 101 },
				{ fields: { channel_phone: '12' }, agent_id: 9999 },
				{ fields: { main_identifier: 'Maria Silva', channel_email: 'maria@example.com', nickname: 'M' } },
				{ fields: { main_identifier: 'Maria Silva', channel_email: 'maria@example.com', channel_phone: '+55 11 99141-7777' } },
			],
		});
		expect(res.status).toBe(200);
		expect(res.json.errors).toEqual([
			{ fields: { channel_phone: '12' }, agent_id: 9999, errors: ['field: main_identifier is required', 'field: channel_phone is invalid', 'agent_id: 9999 not found'] },
			{ fields: { main_identifier: 'Maria Silva', channel_email: 'maria@example.com', nickname: 'M' }, agent_id: null, errors: ['field: nickname does not exist'] },
		]);
		const [created, updated] = res.json.customers;
		expect(created).toMatchObject({ account_id: 9001, id: 500001, agent_id: 101, active: true, change_date: null });
		expect(created.customer_key).toMatch(/^[0-9a-f-]{36}$/);
		// The same unique e-mail updates the customer it belongs to.
		expect(updated).toMatchObject({ id: 500001, customer_key: created.customer_key, fields: { main_identifier: 'Maria Silva' } });
		expect(emu.state.account.customers.size).toBe(1);
	});

	it.each([[{}], [{ customers: [] }], [{ customers: 'x' }]])('refuses a customers body %p with 422', async (body) => {
		const res = await send('POST', '/api/external/customers', body);
		expect(res.status).toBe(422);
		expect(res.json).toEqual({ message: 'The customers field is required.', status: 422 });
	});

	it('answers online agents of a department, at most 3, with the average service time and the count', async () => {
		const all = await get('/core/api/v1/agents/online');
		expect(all.json).toEqual({ agents: expect.any(Array), averageService: 95, count: 4, status: 200 });
		expect(all.json.agents).toHaveLength(3);
		const support = await get('/core/api/v1/agents/online?department_id=1');
		expect(support.json.agents).toEqual([{ id: 101, name: 'Ana Souza', photo: null }, { id: 102, name: 'Bruno Lima', photo: null }]);
		expect((await get('/core/api/v1/agents/online?department_id=x')).status).toBe(422);
	});

	it('creates, gets, lists and updates agents, never answering a password', async () => {
		const created = await send('POST', '/api/external/agents', { name: 'Nina', email: 'nina@example.com', password: 'pw-Secret-1', profile: 'AGENT', text_limit: 500 });
		expect(created.status).toBe(200);
		expect(created.json).toMatchObject({ id: 201, name: 'Nina', email: 'nina@example.com', profile: 'AGENT', text_limit: 500, new_status: 'OFFLINE' });
		const updated = await send('PUT', '/api/external/agents/201', { name: 'Nina Reis', password: 'pw-Other-2' });
		expect(updated.json).toMatchObject({ id: 201, name: 'Nina Reis', email: 'nina@example.com' });
		expect((await get('/api/external/agents/201')).json.name).toBe('Nina Reis');
		expect((await get('/api/external/agents')).json).toHaveLength(7);
		expect((await get('/api/external/agents/999')).json).toEqual({ message: 'Agent not found', status: 404 });
		const everything = JSON.stringify([created.json, updated.json, emu.requests()]);
		expect(everything).not.toContain('pw-Secret-1');
		expect(everything).not.toContain('pw-Other-2');
		expect(emu.state.account.agents.get(201)?.password).toBe('pw-Other-2');
	});

	it.each([
		[{ name: 'A', email: 'a@example.com', profile: 'AGENT' }, 'password field is required'],
		[{ name: 'A', email: 'not-mail', password: 'p', profile: 'AGENT' }, 'valid email'],
		[{ name: 'A', email: 'ana.souza@example.com', password: 'p', profile: 'AGENT' }, 'already been taken'],
		[{ name: 'A', email: 'a@example.com', password: 'p', profile: 'OWNER' }, 'profile must be one of ADMIN, AGENT'],
		[{ name: 'A', email: 'a@example.com', password: 'p', profile: 'AGENT', text_limit: '5' }, 'text_limit'],
	])('refuses agent %p with 422', async (body, hint) => {
		const res = await send('POST', '/api/external/agents', body);
		expect(res.status).toBe(422);
		expect(res.json).toEqual({ message: expect.stringContaining(hint), status: 422 });
	});

	it('imports tasks, and refuses a batch naming an unknown agent with the documented 500', async () => {
		const task = { task: { id: 'T1', name: 'Call back', expires_at: '2025-07-01 12:00:00' }, customer: { id: 'C1', emails: ['c@example.com'] }, agents: ['ana.souza@example.com'] };
		const ok = await send('POST', '/api/external/tasks', { tasks: [task] });
		expect(ok.json).toEqual({ status: 200 });
		const bad = await send('POST', '/api/external/tasks', { tasks: [task, { ...task, agents: ['ghost@example.com'] }] });
		expect(bad.status).toBe(500);
		expect(bad.json).toEqual({ status: 500, errors: ['Agents not found with email = ghost@example.com'] });
		expect(emu.state.account.tasks).toHaveLength(1);
		const invalid = await send('POST', '/api/external/tasks', { tasks: [{ ...task, task: { id: 'T2', name: 'x', expires_at: '2025-07-01' } }] });
		expect(invalid.json).toEqual({ message: 'The tasks.0.task.expires_at must be a date like 2020-01-01 00:00:00.', status: 422 });
	});

	it('takes an offcontact message with the Chat API token and refuses one without the customer e-mail', async () => {
		const ok = await send('POST', '/core/api/v1/offcontact', { content: 'Call me', department_id: 1, customer: { email: 'c@example.com', name: 'C' } }, API_TOKEN);
		expect(ok.json).toEqual({ message: 'Offcontact sent', interaction_hash: expect.stringMatching(/^[0-9a-f-]{36}$/), status: 200 });
		const bad = await send('POST', '/core/api/v1/offcontact', { content: 'Call me', department_id: 1, customer: { name: 'C' } }, API_TOKEN);
		expect(bad.json).toEqual({ message: 'The customer.email field is required.', status: 422 });
		const file = await send('POST', '/core/api/v1/offcontact', { content: 'x', content_type: 'image', department_id: 1, customer: { email: 'c@example.com' } }, API_TOKEN);
		expect(file.json.message).toContain('url');
	});

	it('posts bot events to the bot endpoint and follows accept, message, transfer in that order only', async () => {
		const bot = await startReceiver();
		try {
			const started = await emu.bot('newInteraction', { target: bot.url, departmentId: 2 });
			const hash = started.payload.interaction_hash as string;
			expect(bot.received[0].json).toEqual({ type: 'new_interaction', interaction_hash: hash, department_id: 2 });
			const path = (suffix: string) => `/api/v1/bot/${hash}/${suffix}`;

			expect((await send('POST', path('message'), { content: 'Hi' })).json).toEqual({ message: 'The interaction was not accepted by the bot yet.', status: 422 });
			expect((await send('PUT', path('accept'), {})).json).toEqual({ message: 'Message received successfully', status: 200 });
			expect((await send('PUT', path('accept'), {})).status).toBe(422);
			expect((await send('POST', path('message'), { content: 'Pic', content_type: 'image' })).json.message).toContain('attachment');
			expect((await send('POST', path('message'), { content: 'Pic', content_type: 'image', attachment: { url: 'https://files.example.com/a.png', size: 2048 } })).status).toBe(200);
			await emu.bot('newMessage', { target: bot.url, interactionHash: hash, content: 'A person, please' });
			expect(bot.received[1].json).toEqual({ type: 'new_message', interaction_hash: hash, content: 'A person, please', content_type: 'text' });
			expect((await send('PUT', path('transfer'), { department_id: 4 })).json.message).toContain('active');
			expect((await send('PUT', path('transfer'), {})).status).toBe(200);
			expect(emu.state.bots.get(hash)).toMatchObject({ state: 'transferred', transferredTo: null });
			await emu.bot('finishedInteraction', { target: bot.url, interactionHash: hash });
			expect(bot.received[2].json).toEqual({ type: 'finished_interaction', interaction_hash: hash });
			expect((await send('PUT', '/api/v1/bot/unknown/finish', {})).json).toEqual({ message: 'Interaction not found for this bot', status: 422 });
		} finally {
			await bot.close();
		}
	});

	it('injects faults on the new endpoints like on the others', async () => {
		emu.setFault({ path: '/api/external/customers', method: 'POST', status: 503, times: 1 });
		const faulted = await send('POST', '/api/external/customers', { customers: [{ fields: { main_identifier: 'A' } }] });
		expect(faulted.status).toBe(503);
		expect(emu.state.account.customers.size).toBe(0);
		const next = await send('POST', '/api/external/customers', { customers: [{ fields: { main_identifier: 'A' } }] });
		expect(next.status).toBe(200);
	});
});
