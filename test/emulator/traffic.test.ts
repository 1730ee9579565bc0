import { createRateLimiter, normalizeTrafficConfig, startEmulator, type Emulator } from '../../emulator';
import { call } from './http';

const TOKEN = 'emulator-token';

describe('emulator: traffic settings', () => {
	it('a token bucket lets the burst through, then refuses with the seconds until the next token', () => {
		let now = 0;
		const bucket = createRateLimiter(normalizeTrafficConfig({ rateLimitPerSecond: 2, rateLimitBurst: 3 }), () => now);
		expect([bucket.take(), bucket.take(), bucket.take()].every((answer) => answer.allowed)).toBe(true);
		expect(bucket.take()).toEqual({ allowed: false, retryAfterSeconds: 1 });
		now = 500;
		expect(bucket.take()).toEqual({ allowed: true });
		expect(bucket.take().allowed).toBe(false);
	});

	it('refuses invalid settings, naming them', () => {
		expect(() => normalizeTrafficConfig({ latencyMs: -1 })).toThrow('latencyMs');
		expect(() => normalizeTrafficConfig({ rateLimitPerSecond: 5, rateLimitBurst: 0 })).toThrow('rateLimitBurst');
	});

	describe('over HTTP', () => {
		let emu: Emulator;
		const startPath = '/core/api/v1/interactions';
		beforeAll(async () => {
			emu = await startEmulator({ token: TOKEN, records: 10 });
		});
		afterAll(() => emu.close());
		beforeEach(() => emu.reset());

		it('answers 429 with Retry-After over the limit, acting on nothing, and logs it', async () => {
			emu.configure({ rateLimitPerSecond: 1, rateLimitBurst: 2 });
			const answers = [];
			for (let i = 0; i < 3; i++) answers.push(await call('POST', `${emu.url}${startPath}`, { token: TOKEN, department_id: 1 }));
			expect(answers.map((answer) => answer.status)).toEqual([200, 200, 429]);
			expect(answers[2].json).toEqual({ message: 'Too Many Attempts.', status: 429 });
			expect(answers[2].headers['retry-after']).toBe('1');
			expect(emu.state.interactions.size).toBe(2);
			expect(emu.requests().map((entry) => entry.rateLimited ?? false)).toEqual([false, false, true]);
		});

		it('a reset turns the limit off again', async () => {
			for (let i = 0; i < 5; i++) {
				expect((await call('POST', `${emu.url}${startPath}`, { token: TOKEN, department_id: 1 })).status).toBe(200);
			}
		});
	});
});
