import { startEmulator, type Emulator } from '../../emulator';
import { call } from './http';

const TOKEN = 'emulator-token';
const CLIENT_SDK_TOKEN = 'emulator-clientsdk-token';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('emulator: Chat API (interactions)', () => {
	let emu: Emulator;
	const api = (path = '') => `${emu.url}/core/api/v1/interactions${path}`;

	beforeAll(async () => {
		emu = await startEmulator({ port: 0, host: '127.0.0.1', token: [TOKEN, 'second-token'], seed: 42, records: 100 });
	});
	afterAll(() => emu.close());
	beforeEach(() => emu.reset());

	async function start(body: Record<string, unknown> = {}) {
		const res = await call('POST', api(), { token: TOKEN, department_id: 1, ...body });
		expect(res.status).toBe(200);
		return res.json.data.interaction_hash as string;
	}

	it('serves on 127.0.0.1 with no trailing slash', () => {
		expect(emu.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
	});

	it('starts an interaction with the documented body and keeps its fields', async () => {
		const res = await call('POST', api(), {
			token: TOKEN,
			media_type: 'INSTAGRAM',
			department_id: 2,
			customer: { name: 'Name Surname', email: 'name@example.com', phone: '11991417777', cpf: '12345678900' },
			extra: { clientId: '1', botId: '1111' },
			external_history: 'https://chat-history.example.com',
		});
		expect(res.status).toBe(200);
		expect(Object.keys(res.json)).toEqual(['message', 'data']);
		expect(res.json.message).toBe('Interaction created successfully');
		expect(res.json.data.interaction_hash).toMatch(UUID);
		const stored = emu.state.interactions.get(res.json.data.interaction_hash)!;
		expect(stored).toMatchObject({
			channel: 'chat',
			departmentId: 2,
			mediaType: 'INSTAGRAM',
			customer: { name: 'Name Surname', cpf: '12345678900' },
			extra: { clientId: '1', botId: '1111' },
			externalHistory: 'https://chat-history.example.com',
			finished: false,
		});
	});

	it('saves a null media_type as TEXT and accepts any configured token', async () => {
		const res = await call('POST', api(), { token: 'second-token', department_id: 1, media_type: null });
		expect(res.status).toBe(200);
		expect(emu.state.interactions.get(res.json.data.interaction_hash)!.mediaType).toBe('TEXT');
	});

	it.each([
		[{ token: 'wrong' }, 401, 'Invalid token'],
		[{ token: undefined }, 401, 'Invalid token'],
		[{ department_id: undefined }, 422, 'department_id'],
		[{ department_id: '1' }, 422, 'integer'],
		[{ department_id: 1.5 }, 422, 'integer'],
		[{ department_id: 4 }, 422, 'active'],
		[{ media_type: 'FAX' }, 422, 'media_type'],
		[{ customer: { name: 42 } }, 422, 'customer.name'],
		[{ customer: 'Maria' }, 422, 'customer'],
		[{ extra: [1] }, 422, 'extra'],
	])('refuses start body %p with %p', async (override, status, hint) => {
		const res = await call('POST', api(), { token: TOKEN, department_id: 1, ...override });
		expect(res.status).toBe(status);
		expect(res.json).toEqual({ message: expect.stringContaining(hint), status });
		expect(emu.state.interactions.size).toBe(0);
	});

	it('answers 400 to a body that is not JSON', async () => {
		const res = await call('POST', api(), '{"token": broken');
		expect(res.status).toBe(400);
		expect(res.json.status).toBe(400);
	});

	it('updates mood, tags, customer key and note', async () => {
		const hash = await start();
		const res = await call('PUT', api(`/${hash}`), {
			token: TOKEN,
			mood: 'POSITIVE',
			tag_ids: ['1', '999'],
			customer_key: '0010-abcd-efgh-ijkd-1c422e49fdff',
			note: 'Any note here',
		});
		expect(res.status).toBe(200);
		expect(res.json).toEqual({ message: 'Interaction updated successfully', status: 200 });
		expect(emu.state.interactions.get(hash)).toMatchObject({
			mood: 'POSITIVE',
			tagIds: ['1', '999'],
			customerKey: '0010-abcd-efgh-ijkd-1c422e49fdff',
			note: 'Any note here',
		});
	});

	it.each([
		[{ mood: 'HAPPY' }, 'mood'],
		[{ tag_ids: '1,2' }, 'tag_ids'],
		[{ tag_ids: [{ id: 1 }] }, 'tag_ids'],
		[{ note: 5 }, 'note'],
		[{ customer_key: 5 }, 'customer_key'],
	])('refuses update %p', async (override, hint) => {
		const hash = await start();
		const res = await call('PUT', api(`/${hash}`), { token: TOKEN, ...override });
		expect(res.status).toBe(422);
		expect(res.json.message).toContain(hint);
		expect(emu.state.interactions.get(hash)!.mood).toBeNull();
	});

	it('sends text and file messages and keeps them in order', async () => {
		const hash = await start();
		const text = await call('POST', api(`/${hash}/messages`), { token: TOKEN, content: 'your message' });
		expect(text.status).toBe(200);
		expect(text.json).toEqual({ data: { interaction_hash: hash }, message: 'Message created successfully', status: 200 });
		const image = await call('POST', api(`/${hash}/messages`), {
			token: TOKEN,
			content: 'logo',
			type: 'image',
			url: 'https://file-address.example.com/logo.png',
		});
		expect(image.status).toBe(200);
		const messages = emu.state.interactions.get(hash)!.messages;
		expect(messages.map((m) => [m.content, m.type, m.url, m.direction])).toEqual([
			['your message', 'text', null, 'CLIENT'],
			['logo', 'image', 'https://file-address.example.com/logo.png', 'CLIENT'],
		]);
	});

	it.each([
		[{ content: '' }, 'content'],
		[{ content: undefined }, 'content'],
		[{ type: 'sticker' }, 'type'],
		[{ type: 'video' }, 'url'],
		[{ type: 'file', url: 'ftp://example.com/a.pdf' }, 'url'],
	])('refuses message %p', async (override, hint) => {
		const hash = await start();
		const res = await call('POST', api(`/${hash}/messages`), { token: TOKEN, content: 'hello', ...override });
		expect(res.status).toBe(422);
		expect(res.json.message).toContain(hint);
		expect(emu.state.interactions.get(hash)!.messages).toHaveLength(0);
	});

	it('tracks typing, cleared and finish with the documented answers', async () => {
		const hash = await start();
		const typing = await call('PUT', api(`/${hash}/typing`), { token: TOKEN });
		expect(typing.json).toEqual({ message: 'Typing sent successfully', status: 200 });
		expect(emu.state.interactions.get(hash)!.typing).toBe(true);
		const cleared = await call('PUT', api(`/${hash}/cleared`), { token: TOKEN });
		expect(cleared.json).toEqual({ message: 'Cleared sent successfully', status: 200 });
		expect(emu.state.interactions.get(hash)!.typing).toBe(false);
		const finish = await call('PUT', api(`/${hash}/finish`), { token: TOKEN });
		expect(finish.json).toEqual({ message: 'Finish sent successfully', status: 200 });
		expect(emu.state.interactions.get(hash)!.finished).toBe(true);
	});

	it('refuses every operation but Update on a finished interaction with 422', async () => {
		const hash = await start();
		await call('PUT', api(`/${hash}/finish`), { token: TOKEN });
		for (const [method, path, extra] of [
			['POST', `/${hash}/messages`, { content: 'late' }],
			['PUT', `/${hash}/typing`, {}],
			['PUT', `/${hash}/cleared`, {}],
			['PUT', `/${hash}/finish`, {}],
		] as const) {
			const res = await call(method, api(path), { token: TOKEN, ...extra });
			expect([path, res.status, res.json.status]).toEqual([path, 422, 422]);
		}
		expect(emu.state.interactions.get(hash)!.messages).toEqual([]);
	});

	it('keeps Update working after the finish: the note and the evaluation come at the end', async () => {
		const hash = await start();
		await call('PUT', api(`/${hash}/finish`), { token: TOKEN });
		const res = await call('PUT', api(`/${hash}`), { token: TOKEN, note: 'Filed in the CRM', mood: 'POSITIVE' });
		expect([res.status, res.json]).toEqual([200, { message: 'Interaction updated successfully', status: 200 }]);
		expect(emu.state.interactions.get(hash)).toMatchObject({ finished: true, note: 'Filed in the CRM', mood: 'POSITIVE' });
	});

	it('answers 404 for an unknown hash and 401 before that for a bad token', async () => {
		const unknown = await call('PUT', api('/00000000-0000-4000-8000-000000000000/typing'), { token: TOKEN });
		expect(unknown.status).toBe(404);
		expect(unknown.json).toEqual({ message: 'Interaction not found', status: 404 });
		const badToken = await call('PUT', api('/00000000-0000-4000-8000-000000000000/typing'), { token: 'nope' });
		expect(badToken.status).toBe(401);
		expect(badToken.json).toEqual({ message: 'Invalid token', status: 401 });
	});

	it('answers 404/405 for unknown routes and methods', async () => {
		expect((await call('GET', `${emu.url}/nothing/here`)).status).toBe(404);
		expect((await call('DELETE', api())).status).toBe(405);
	});

	it('logs requests with every token redacted, including in the query', async () => {
		const hash = await start({ extra: { echo: `Bearer ${TOKEN}` } });
		await call('GET', `${emu.url}/api/v1/departments?token=${CLIENT_SDK_TOKEN}`);
		const log = emu.requests();
		expect(log.map((entry) => [entry.method, entry.path])).toEqual([
			['POST', '/core/api/v1/interactions'],
			['GET', '/api/v1/departments'],
		]);
		expect(log[0].body).toEqual({ token: '[redacted]', department_id: 1, extra: { echo: 'Bearer [redacted]' } });
		expect(log[1].query).toEqual({ token: '[redacted]' });
		expect(log[1].body).toBeNull();
		expect(JSON.stringify(log)).not.toContain(TOKEN);
		expect(JSON.stringify(log)).not.toContain(CLIENT_SDK_TOKEN);
		expect(hash).toMatch(UUID);
		emu.clearRequests();
		expect(emu.requests()).toEqual([]);
	});
});
