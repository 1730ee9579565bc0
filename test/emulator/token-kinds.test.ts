import { startEmulator, type Emulator } from '../../emulator';
import { call } from './http';

const CHAT_API_TOKEN = 'chat-api-token-kind';
const CLIENT_SDK_TOKEN = 'clientsdk-token-kind';

/** Zenvia refuses a token from the other admin screen; the emulator must be as strict. */
describe('emulator: token kinds', () => {
	let emu: Emulator;

	beforeAll(async () => {
		emu = await startEmulator({ token: CHAT_API_TOKEN, clientSdkToken: CLIENT_SDK_TOKEN });
	});
	afterAll(() => emu.close());
	beforeEach(() => emu.reset());

	const whatsappSend = (token: string) =>
		call('POST', `${emu.url}/api/v1/whatsapp`, { token, content: 'hi', department_id: 1, customer: { external_id: 'k1' } });
	const start = (token: string) => call('POST', `${emu.url}/core/api/v1/interactions`, { token, department_id: 1 });

	it.each([
		['WhatsApp API v1 departments', (token: string) => call('GET', `${emu.url}/api/v1/departments?token=${token}`)],
		['WhatsApp API v1 send', whatsappSend],
		[
			'WhatsApp API v1 typing',
			(token: string) => call('PUT', `${emu.url}/api/v1/whatsapp/typing`, { token, customer: { external_id: 'k1' } }),
		],
	])('%s refuses the Chat API token with 401 and takes the ClientSDK token', async (_, request) => {
		const refused = await request(CHAT_API_TOKEN);
		expect(refused.status).toBe(401);
		expect(refused.json).toEqual({ message: 'Invalid token', status: 401 });
		await whatsappSend(CLIENT_SDK_TOKEN);
		expect((await request(CLIENT_SDK_TOKEN)).status).toBe(200);
	});

	it.each([
		['Interaction start', start],
		['Chat API departments', (token: string) => call('GET', `${emu.url}/api/external/departments?token=${token}`)],
	])('%s refuses the ClientSDK token with 401 and takes the Chat API token', async (_, request) => {
		const refused = await request(CLIENT_SDK_TOKEN);
		expect(refused.status).toBe(401);
		expect(refused.json).toEqual({ message: 'Invalid token', status: 401 });
		expect((await request(CHAT_API_TOKEN)).status).toBe(200);
	});

	it('Reports API refuses the ClientSDK token in its own error shape', async () => {
		const refused = await call('GET', `${emu.url}/api/ms/external/ongoing?token=${CLIENT_SDK_TOKEN}`);
		expect(refused.status).toBe(401);
		expect(refused.json).toEqual({ error: 'Invalid token', status: 401, success: false });
		expect((await call('GET', `${emu.url}/api/ms/external/ongoing?token=${CHAT_API_TOKEN}`)).status).toBe(200);
	});

	it('refuses to start with one token declared as both kinds', async () => {
		await expect(startEmulator({ token: 'same', clientSdkToken: ['other', 'same'] })).rejects.toThrow(/both a Chat API token and a ClientSDK token/);
	});

	it('redacts both kinds of token from its request log', async () => {
		await start(CHAT_API_TOKEN);
		await whatsappSend(CLIENT_SDK_TOKEN);
		const log = JSON.stringify(emu.requests());
		expect(log).not.toContain(CHAT_API_TOKEN);
		expect(log).not.toContain(CLIENT_SDK_TOKEN);
	});
});

describe('emulator: Chat API departments', () => {
	let emu: Emulator;

	beforeAll(async () => {
		emu = await startEmulator({ token: CHAT_API_TOKEN, clientSdkToken: CLIENT_SDK_TOKEN });
	});
	afterAll(() => emu.close());

	it('answers a plain array in the documented shape, inactive departments with state 0', async () => {
		const res = await call('GET', `${emu.url}/api/external/departments?token=${CHAT_API_TOKEN}`);
		expect(res.status).toBe(200);
		expect(Array.isArray(res.json)).toBe(true);
		expect(res.json.map(({ id, name, state }: { id: number; name: string; state: number }) => [id, name, state])).toEqual([
			[1, 'Support', 1],
			[2, 'Sales', 1],
			[3, 'Billing', 1],
			[4, 'Legacy Helpdesk', 0],
		]);
		expect(Object.keys(res.json[0]).sort()).toEqual(
			['agents', 'bot_id', 'change_date', 'channels', 'date_creation', 'id', 'name', 'queue', 'queue_position_time', 'queued_max_time', 'ringing_max_time', 'state'].sort(),
		);
		expect(res.json[0].agents[0]).toEqual({ id: expect.any(Number), name: expect.any(String), photo: null });
		expect(res.json[0].channels).toEqual([{ id: 1, name: 'CHAT', state: 1 }]);
	});
});
