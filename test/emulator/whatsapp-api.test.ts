import { startEmulator, type Emulator } from '../../emulator';
import { call } from './http';

/** WhatsApp API v1 takes the ClientSDK token (Integrations > ClientSDK). */
const TOKEN = 'emulator-clientsdk-token';
const CHAT_API_TOKEN = 'emulator-token';

describe('emulator: WhatsApp API v1', () => {
	let emu: Emulator;

	beforeAll(async () => {
		emu = await startEmulator({ token: CHAT_API_TOKEN, clientSdkToken: TOKEN });
	});
	afterAll(() => emu.close());
	beforeEach(() => emu.reset());

	const send = (body: Record<string, unknown>) =>
		call('POST', `${emu.url}/api/v1/whatsapp`, { token: TOKEN, content: 'Test message', department_id: 1, customer: { external_id: 'abcd1234' }, ...body });

	it('lists departments as { id, name, active } with the token in the query', async () => {
		const res = await call('GET', `${emu.url}/api/v1/departments?token=${TOKEN}`);
		expect(res.status).toBe(200);
		expect(res.json).toEqual([
			{ id: 1, name: 'Support', active: true },
			{ id: 2, name: 'Sales', active: true },
			{ id: 3, name: 'Billing', active: true },
			{ id: 4, name: 'Legacy Helpdesk', active: false },
		]);
		const denied = await call('GET', `${emu.url}/api/v1/departments?token=wrong`);
		expect(denied.status).toBe(401);
		expect(denied.json).toEqual({ message: 'Invalid token', status: 401 });
	});

	it('sends a message, then continues the same interaction for the same external_id', async () => {
		const first = await send({ extra: { botId: '1111' }, customer: { external_id: 'abcd1234', name: 'Maria' } });
		expect(first.status).toBe(200);
		expect(Object.keys(first.json)).toEqual(['message', 'data']);
		expect(first.json.message).toBe('Message sent successfully');
		expect(first.json.data.message_hash).toMatch(/^[0-9a-f-]{36}$/);
		const second = await send({ content: 'photo', content_type: 'image/png', url: 'https://cdn.example.com/a.png' });
		expect(second.status).toBe(200);
		expect(second.json.data.message_hash).not.toBe(first.json.data.message_hash);

		const all = [...emu.state.interactions.values()];
		expect(all).toHaveLength(1);
		expect(all[0]).toMatchObject({ channel: 'whatsapp', externalId: 'abcd1234', mediaType: 'WHATSAPP', customer: { name: 'Maria' } });
		expect(all[0].messages.map((m) => [m.hash, m.type, m.url])).toEqual([
			[first.json.data.message_hash, 'text', null],
			[second.json.data.message_hash, 'image/png', 'https://cdn.example.com/a.png'],
		]);
	});

	it('starts a new interaction once the previous one is finished', async () => {
		await send({});
		const [first] = emu.state.interactions.values();
		first.finished = true;
		await send({});
		expect(emu.state.interactions.size).toBe(2);
	});

	it.each([
		[{ token: 'bad' }, 401, 'Invalid token'],
		[{ customer: {} }, 422, 'external_id'],
		[{ customer: undefined }, 422, 'external_id'],
		[{ content: undefined }, 422, 'content'],
		[{ department_id: undefined }, 422, 'department_id'],
		[{ department_id: 'one' }, 422, 'department_id'],
		[{ content_type: 'image/png' }, 422, 'url'],
		[{ content_type: 'image/png', url: 'cdn.example.com/a.png' }, 422, 'url'],
	])('refuses %p with %p', async (override, status, hint) => {
		const res = await send(override);
		expect(res.status).toBe(status);
		expect(res.json).toEqual({ message: expect.stringContaining(hint), status });
		expect(emu.state.interactions.size).toBe(0);
	});

	it('notifies typing and stopped typing by external_id', async () => {
		await send({});
		const [interaction] = emu.state.interactions.values();
		const typing = await call('PUT', `${emu.url}/api/v1/whatsapp/typing`, { token: TOKEN, customer: { external_id: 'abcd1234' } });
		expect(typing.status).toBe(200);
		expect(typing.json).toEqual({ message: 'Typing sent successfully', status: 200 });
		expect(interaction.typing).toBe(true);
		const cleared = await call('PUT', `${emu.url}/api/v1/interactions/cleared`, { token: TOKEN, customer: { external_id: 'abcd1234' } });
		expect(cleared.json).toEqual({ message: 'Cleared sent successfully', status: 200 });
		expect(interaction.typing).toBe(false);
	});

	it('refuses typing without external_id (422) or with no open conversation (404)', async () => {
		const missing = await call('PUT', `${emu.url}/api/v1/whatsapp/typing`, { token: TOKEN, customer: {} });
		expect(missing.status).toBe(422);
		const unknown = await call('PUT', `${emu.url}/api/v1/interactions/cleared`, { token: TOKEN, customer: { external_id: 'nobody' } });
		expect(unknown.status).toBe(404);
		expect(unknown.json.status).toBe(404);
	});
});
