import { startEmulator, type Emulator } from '../../emulator';
import { call } from './http';

const TOKEN = 'emulator-token';
const CLIENT_SDK_TOKEN = 'emulator-clientsdk-token';

describe('emulator: faults', () => {
	let emu: Emulator;
	const startBody = { token: TOKEN, department_id: 1 };
	const startPath = '/core/api/v1/interactions';

	beforeAll(async () => {
		emu = await startEmulator({ token: TOKEN, records: 50 });
	});
	afterAll(() => emu.close());
	beforeEach(() => emu.reset());

	it('answers a status for the next N matching requests, then expires; attempts are logged', async () => {
		emu.setFault({ method: 'POST', path: startPath, status: 503, times: 2 });
		const answers = [];
		for (let i = 0; i < 3; i++) answers.push(await call('POST', `${emu.url}${startPath}`, startBody));
		expect(answers.map((a) => a.status)).toEqual([503, 503, 200]);
		expect(answers[0].json).toEqual({ message: 'Emulated fault 503', status: 503 });
		expect(emu.requests().map((r) => r.fault ?? null)).toEqual(['status', 'status', null]);
		expect(emu.requests()[0].body).toMatchObject({ token: '[redacted]' });
		expect(emu.state.interactions.size).toBe(1);
	});

	it('matches path prefixes ending in * and only the given method', async () => {
		emu.setFault({ method: 'GET', path: '/api/ms/external/*', status: 500, body: { error: 'boom', status: 500, success: false } });
		const history = await call('GET', `${emu.url}/api/ms/external/history?token=${TOKEN}`);
		expect(history.status).toBe(500);
		expect(history.json).toEqual({ error: 'boom', status: 500, success: false });
		expect((await call('GET', `${emu.url}/api/ms/external/ongoing?token=${TOKEN}`)).status).toBe(500);
		expect((await call('GET', `${emu.url}/api/v1/departments?token=${CLIENT_SDK_TOKEN}`)).status).toBe(200);
		expect((await call('POST', `${emu.url}${startPath}`, startBody)).status).toBe(200);
	});

	it('sends Retry-After with a 429', async () => {
		emu.setFault({ path: startPath, status: 429, retryAfter: 1, times: 1 });
		const res = await call('POST', `${emu.url}${startPath}`, startBody);
		expect(res.status).toBe(429);
		expect(res.headers['retry-after']).toBe('1');
	});

	it('serves broken JSON and HTML bodies', async () => {
		emu.setFault({ path: '/api/v1/departments', status: 502, bodyKind: 'html', times: 1 });
		emu.setFault({ path: '/api/v1/departments', status: 200, bodyKind: 'not-json', times: 1 });
		const html = await call('GET', `${emu.url}/api/v1/departments?token=${CLIENT_SDK_TOKEN}`);
		expect(html.status).toBe(502);
		expect(html.headers['content-type']).toContain('text/html');
		expect(html.text).toMatch(/^<html>/);
		const broken = await call('GET', `${emu.url}/api/v1/departments?token=${CLIENT_SDK_TOKEN}`);
		expect(broken.status).toBe(200);
		expect(broken.headers['content-type']).toContain('application/json');
		expect(() => JSON.parse(broken.text)).toThrow();
	});

	it('delays a normal answer by latencyMs', async () => {
		emu.setFault({ path: '/api/v1/departments', latencyMs: 300, times: 1 });
		const started = Date.now();
		const res = await call('GET', `${emu.url}/api/v1/departments?token=${CLIENT_SDK_TOKEN}`);
		expect(Date.now() - started).toBeGreaterThanOrEqual(290);
		expect(res.status).toBe(200);
		expect(res.json).toHaveLength(4);
		expect(emu.requests()[0].fault).toBe('latency');
		const fast = Date.now();
		await call('GET', `${emu.url}/api/v1/departments?token=${CLIENT_SDK_TOKEN}`);
		expect(Date.now() - fast).toBeLessThan(250);
	});

	it('drops the connection before reading: no effect, still logged', async () => {
		emu.setFault({ path: startPath, drop: true, times: 1 });
		await expect(call('POST', `${emu.url}${startPath}`, startBody)).rejects.toThrow();
		expect(emu.state.interactions.size).toBe(0);
		expect(emu.requests()).toEqual([expect.objectContaining({ method: 'POST', path: startPath, fault: 'drop', body: null })]);
		expect((await call('POST', `${emu.url}${startPath}`, startBody)).status).toBe(200);
	});

	it('drops after receiving: the request took effect but no answer came back', async () => {
		emu.setFault({ path: startPath, dropAfterReceive: true, times: 1 });
		await expect(call('POST', `${emu.url}${startPath}`, { ...startBody, extra: { attempt: 1 } })).rejects.toThrow();
		expect(emu.state.interactions.size).toBe(1);
		expect(emu.requests()[0]).toMatchObject({ fault: 'dropAfterReceive', body: { token: '[redacted]', extra: { attempt: 1 } } });
	});

	it('is switched over HTTP through /__admin/faults, and refuses invalid faults', async () => {
		const set = await call('POST', `${emu.url}/__admin/faults`, { path: startPath, status: 500, times: 1 });
		expect(set.status).toBe(200);
		expect(set.json.faults).toEqual([expect.objectContaining({ path: startPath, status: 500, remaining: 1 })]);
		expect((await call('POST', `${emu.url}${startPath}`, startBody)).status).toBe(500);
		await call('POST', `${emu.url}/__admin/faults`, { path: startPath, status: 500 });
		await call('DELETE', `${emu.url}/__admin/faults`);
		expect((await call('POST', `${emu.url}${startPath}`, startBody)).status).toBe(200);
		for (const bad of [{ status: 500 }, { path: 'no-slash', status: 500 }, { path: '/x' }, { path: '/x', status: 42 }, { path: '/x', drop: true, times: 0 }]) {
			const res = await call('POST', `${emu.url}/__admin/faults`, bad);
			expect([bad, res.status]).toEqual([bad, 400]);
		}
		expect(() => emu.setFault({ path: '/x' })).toThrow(/needs status/);
	});
});
