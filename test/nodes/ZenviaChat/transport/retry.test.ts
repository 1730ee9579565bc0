import {
	MAX_ATTEMPTS,
	backoffDelayMs,
	isRetryableNetworkError,
	isRetryableStatus,
	parseRetryAfterMs,
} from '../../../../nodes/ZenviaChat/transport/retry';

describe('retry policy', () => {
	it('retries transient statuses on idempotent methods', () => {
		for (const status of [429, 502, 503, 504]) {
			expect(isRetryableStatus(status, 'PUT')).toBe(true);
			expect(isRetryableStatus(status, 'GET')).toBe(true);
		}
		for (const status of [400, 401, 404, 422, 500]) expect(isRetryableStatus(status, 'GET')).toBe(false);
	});

	it('retries a POST only when Zenvia certainly did not act on it', () => {
		expect(isRetryableStatus(429, 'POST')).toBe(true);
		expect(isRetryableStatus(503, 'POST')).toBe(true);
		expect(isRetryableStatus(502, 'POST')).toBe(false);
		expect(isRetryableStatus(504, 'POST')).toBe(false);
		expect(isRetryableNetworkError('ECONNREFUSED', 'POST')).toBe(true);
		expect(isRetryableNetworkError('ECONNRESET', 'POST')).toBe(false);
		expect(isRetryableNetworkError('ECONNABORTED', 'POST')).toBe(false);
		expect(isRetryableNetworkError('ECONNRESET', 'PUT')).toBe(true);
		expect(isRetryableNetworkError(undefined, 'GET')).toBe(false);
		expect(isRetryableNetworkError('ENOTFOUND', 'GET')).toBe(false);
	});

	it('backs off exponentially, with jitter inside each step, capped', () => {
		expect([1, 2, 3].map((retry) => backoffDelayMs(retry, () => 0))).toEqual([200, 400, 800]);
		expect([1, 2, 3].map((retry) => backoffDelayMs(retry, () => 1))).toEqual([400, 800, 1600]);
		expect(backoffDelayMs(20, () => 1)).toBe(5000);
		expect(MAX_ATTEMPTS).toBe(4);
	});

	it('reads Retry-After as seconds or as an HTTP date', () => {
		const now = Date.parse('2026-11-21T12:00:00Z');
		expect(parseRetryAfterMs('2', now)).toBe(2000);
		expect(parseRetryAfterMs(['0.5'], now)).toBe(500);
		expect(parseRetryAfterMs('Sat, 21 Nov 2026 12:00:03 GMT', now)).toBe(3000);
		expect(parseRetryAfterMs('Sat, 21 Nov 2026 11:00:00 GMT', now)).toBe(0);
		expect(parseRetryAfterMs('soon', now)).toBeUndefined();
		expect(parseRetryAfterMs(undefined, now)).toBeUndefined();
	});
});
