import { startEmulator, type Emulator } from '../../emulator';
import { call, startReceiver } from './http';

const TOKEN = 'emulator-token';
const CLIENT_SDK_TOKEN = 'emulator-clientsdk-token';
type Receiver = Awaited<ReturnType<typeof startReceiver>>;

describe('emulator: agent webhook events', () => {
	let emu: Emulator;
	let receiver: Receiver;

	beforeAll(async () => {
		emu = await startEmulator({ token: TOKEN });
		receiver = await startReceiver({ status: 200, body: { received: true } });
	});
	afterAll(async () => {
		await emu.close();
		await receiver.close();
	});
	beforeEach(() => {
		emu.reset();
		emu.setWebhookTarget(receiver.url);
		receiver.received.length = 0;
	});

	async function startChat(extra?: Record<string, unknown>) {
		const res = await call('POST', `${emu.url}/core/api/v1/interactions`, { token: TOKEN, department_id: 1, ...(extra ? { extra } : {}) });
		return res.json.data.interaction_hash as string;
	}
	async function startWhatsApp(externalId: string) {
		await call('POST', `${emu.url}/api/v1/whatsapp`, { token: CLIENT_SDK_TOKEN, content: 'hi', department_id: 1, extra: { botId: '1' }, customer: { external_id: externalId } });
		return [...emu.state.interactions.values()].find((i) => i.externalId === externalId)!.hash;
	}

	it.each([
		['queue', { state: 'queued', position: 1 }],
		['accept', { state: 'accepted' }],
		['unavailable', { state: 'unavailable' }],
		['type', { state: 'typing' }],
		['stopTyping', { state: 'cleared' }],
		['finish', { state: 'finished' }],
	])('Chat API %s posts exactly { interaction_hash, state, ..., extra }', async (action, expected) => {
		const hash = await startChat({ clientId: '1', botId: '1111' });
		const result = await emu.agent(action, { interactionHash: hash });
		expect(result.delivered).toEqual([{ status: 200, body: { received: true } }]);
		expect(receiver.received).toHaveLength(1);
		const [hit] = receiver.received;
		expect(hit.method).toBe('POST');
		expect(hit.headers['content-type']).toBe('application/json');
		expect(hit.json).toEqual({ interaction_hash: hash, ...expected, extra: { clientId: '1', botId: '1111' } });
	});

	it('Chat API message carries hash, content, type, url and agent; extra defaults to {}', async () => {
		const hash = await startChat();
		await emu.agent('message', { interactionHash: hash, message: { content: 'Olá', type: 'image', url: 'https://cdn.example.com/x.png' }, agent: { id: 7, name: 'Ana' } });
		const payload = receiver.received[0].json;
		expect(Object.keys(payload)).toEqual(['interaction_hash', 'message', 'agent', 'extra']);
		expect(payload).toEqual({
			interaction_hash: hash,
			message: { hash: expect.stringMatching(/^[0-9a-f-]{36}$/), content: 'Olá', type: 'image', url: 'https://cdn.example.com/x.png' },
			agent: { id: 7, name: 'Ana' },
			extra: {},
		});
		const messages = emu.state.interactions.get(hash)!.messages;
		const stored = messages[messages.length - 1];
		expect([stored.direction, stored.hash]).toEqual(['AGENT', payload.message.hash]);
	});

	it('WhatsApp events carry external_id and no extra; message has only content and type', async () => {
		const hash = await startWhatsApp('abcd1234');
		await emu.agent('type', { externalId: 'abcd1234' });
		await emu.agent('message', { externalId: 'abcd1234', content: 'Message' });
		await emu.agent('transfer', { externalId: 'abcd1234', departmentId: 1545 });
		await emu.agent('finish', { externalId: 'abcd1234' });
		expect(receiver.received.map((r) => r.json)).toEqual([
			{ external_id: 'abcd1234', interaction_hash: hash, state: 'typing' },
			{ external_id: 'abcd1234', interaction_hash: hash, message: { content: 'Message', type: 'text' }, agent: { id: 123, name: 'Agent' } },
			{ external_id: 'abcd1234', interaction_hash: hash, state: 'transferred', department_id: '1545' },
			{ external_id: 'abcd1234', interaction_hash: hash, state: 'finished' },
		]);
		expect(emu.state.interactions.get(hash)).toMatchObject({ finished: true, departmentId: 1545 });
	});

	it('appends query and headers, honours a target override, and returns the target answer', async () => {
		const other = await startReceiver({ status: 401, body: { error: 'bad secret' } });
		try {
			const result = await emu.agent('accept', {
				interactionHash: 'not-started-here',
				target: other.url,
				query: { secret: 's3cr3t' },
				headers: { 'X-Zenvia-Secret': 'h3ad3r' },
			});
			expect(result.delivered).toEqual([{ status: 401, body: { error: 'bad secret' } }]);
			expect(receiver.received).toHaveLength(0);
			expect(other.received[0].url).toBe('/webhook/zenvia?secret=s3cr3t');
			expect(other.received[0].headers['x-zenvia-secret']).toBe('h3ad3r');
			expect(other.received[0].json).toEqual({ interaction_hash: 'not-started-here', state: 'accepted', extra: {} });
		} finally {
			await other.close();
		}
	});

	it('posts raw bodies verbatim for malformed-payload tests', async () => {
		await emu.agent('message', { raw: true, body: '{"interaction_hash": oops' });
		expect(receiver.received[0].text).toBe('{"interaction_hash": oops');
	});

	it('reports an unreachable target as status 0 after one attempt, and refuses bad input', async () => {
		const gone = await startReceiver();
		await gone.close();
		const result = await emu.agent('finish', { interactionHash: 'x', target: gone.url });
		expect(result.delivered[0].status).toBe(0);
		expect(result.delivered[0].error).toBeTruthy();
		await expect(emu.agent('dance', { interactionHash: 'x' })).rejects.toThrow(/Unknown action/);
		await expect(emu.agent('finish', {})).rejects.toThrow(/interactionHash or params.externalId/);
		emu.setWebhookTarget(null);
		await expect(emu.agent('finish', { interactionHash: 'x' })).rejects.toThrow(/No webhook target/);
	});

	it('is driven over HTTP by /__admin/webhook and /__admin/agent/<action>', async () => {
		emu.setWebhookTarget(null);
		const set = await call('POST', `${emu.url}/__admin/webhook`, { url: receiver.url });
		expect(set.json).toEqual({ url: receiver.url });
		const hash = await startChat({ k: 'v' });
		const fired = await call('POST', `${emu.url}/__admin/agent/queue`, { interactionHash: hash, position: 3 });
		expect(fired.status).toBe(200);
		expect(fired.json).toEqual({ delivered: [{ status: 200, body: { received: true } }] });
		expect(receiver.received[0].json).toEqual({ interaction_hash: hash, state: 'queued', position: 3, extra: { k: 'v' } });
		const bad = await call('POST', `${emu.url}/__admin/agent/nope`, { interactionHash: hash });
		expect(bad.status).toBe(400);
		const state = await call('GET', `${emu.url}/__admin/state`);
		expect(state.json.interactions[0]).toMatchObject({ hash, agentState: 'queued', extra: { k: 'v' } });
	});
});
