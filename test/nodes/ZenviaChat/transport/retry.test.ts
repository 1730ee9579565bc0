import type { IHttpRequestMethods } from 'n8n-workflow';

import {
	MAX_ATTEMPTS,
	MAX_RATE_LIMITED_ANSWERS,
	MAX_RETRY_AFTER_MS,
	backoffDelayMs,
	decideAfter,
	isRetryable,
	mayHaveTakenEffect,
	parseRetryAfterMs,
} from '../../../../nodes/ZenviaChat/transport/retry';
import type { AttemptOutcome, Decision, PolicyInput } from '../../../../nodes/ZenviaChat/transport/retry';

/**
 * The retry policy is a pure function: these tables need neither n8n nor the emulator. Unless a row
 * says otherwise, the attempt is the first, a minute is left, nothing paces the retries, and the
 * jitter is 0, so the first backoff is 200 ms.
 */
const FIRST_BACKOFF_MS = 200;

function decide(input: Partial<PolicyInput> & Pick<PolicyInput, 'method' | 'outcome'>): Decision {
	return decideAfter({ attempt: 1, remainingMs: 60_000, paced: false, rateLimitedAnswers: 0, random: () => 0, ...input });
}

const retry = (mayHaveTakenEffect: boolean, waitMs = FIRST_BACKOFF_MS, byLimiter = false): Decision => ({
	action: 'retry',
	waitMs,
	byLimiter,
	mayHaveTakenEffect,
});
const fail = (reason: 'refused' | 'noAnswer' | 'askedTooLong' | 'outOfTime', mayHaveTakenEffect: boolean, askedWaitMs?: number): Decision => ({
	action: 'fail',
	reason,
	mayHaveTakenEffect,
	...(askedWaitMs === undefined ? {} : { askedWaitMs }),
});

const status = (code: number, retryAfterMs?: number): AttemptOutcome =>
	retryAfterMs === undefined ? { kind: 'status', status: code } : { kind: 'status', status: code, retryAfterMs };
const network = (code?: string): AttemptOutcome => ({ kind: 'network', code });

describe('retry policy: decideAfter', () => {
	describe('an HTTP failure status', () => {
		// Refusals are never sent again and did nothing; a 500 is not passing, but a write may have
		// been done; 502/503/504 are sent again only where a second copy is harmless (not a POST).
		it.each<[number, IHttpRequestMethods, Decision]>([
			[400, 'GET', fail('refused', false)],
			[400, 'PUT', fail('refused', false)],
			[400, 'POST', fail('refused', false)],
			[401, 'GET', fail('refused', false)],
			[401, 'PUT', fail('refused', false)],
			[401, 'POST', fail('refused', false)],
			[403, 'GET', fail('refused', false)],
			[403, 'PUT', fail('refused', false)],
			[403, 'POST', fail('refused', false)],
			[404, 'GET', fail('refused', false)],
			[404, 'PUT', fail('refused', false)],
			[404, 'POST', fail('refused', false)],
			[409, 'GET', fail('refused', false)],
			[409, 'PUT', fail('refused', false)],
			[409, 'POST', fail('refused', false)],
			[422, 'GET', fail('refused', false)],
			[422, 'PUT', fail('refused', false)],
			[422, 'POST', fail('refused', false)],
			[429, 'GET', retry(false)],
			[429, 'PUT', retry(false)],
			[429, 'POST', retry(false)],
			[500, 'GET', fail('refused', false)],
			[500, 'PUT', fail('refused', true)],
			[500, 'POST', fail('refused', true)],
			[502, 'GET', retry(false)],
			[502, 'PUT', retry(true)],
			[502, 'POST', fail('refused', true)],
			[503, 'GET', retry(false)],
			[503, 'PUT', retry(true)],
			[503, 'POST', fail('refused', true)],
			[504, 'GET', retry(false)],
			[504, 'PUT', retry(true)],
			[504, 'POST', fail('refused', true)],
		])('HTTP %i to a %s', (code, method, expected) => {
			expect(decide({ method, outcome: status(code) })).toStrictEqual(expected);
		});
	});

	describe('no complete answer', () => {
		// A lost answer is sent again where a second copy is harmless; a POST only when the
		// connection never opened (ECONNREFUSED, EAI_AGAIN), since then Zenvia certainly did nothing.
		it.each<[string | undefined, IHttpRequestMethods, Decision]>([
			['ECONNRESET', 'GET', retry(false)],
			['ECONNRESET', 'PUT', retry(true)],
			['ECONNRESET', 'POST', fail('noAnswer', true)],
			['ECONNREFUSED', 'GET', retry(false)],
			['ECONNREFUSED', 'PUT', retry(false)],
			['ECONNREFUSED', 'POST', retry(false)],
			['ECONNABORTED', 'GET', retry(false)],
			['ECONNABORTED', 'PUT', retry(true)],
			['ECONNABORTED', 'POST', fail('noAnswer', true)],
			['ETIMEDOUT', 'GET', retry(false)],
			['ETIMEDOUT', 'PUT', retry(true)],
			['ETIMEDOUT', 'POST', fail('noAnswer', true)],
			['ESOCKETTIMEDOUT', 'GET', retry(false)],
			['ESOCKETTIMEDOUT', 'PUT', retry(true)],
			['ESOCKETTIMEDOUT', 'POST', fail('noAnswer', true)],
			['EPIPE', 'GET', retry(false)],
			['EPIPE', 'PUT', retry(true)],
			['EPIPE', 'POST', fail('noAnswer', true)],
			['EAI_AGAIN', 'GET', retry(false)],
			['EAI_AGAIN', 'PUT', retry(false)],
			['EAI_AGAIN', 'POST', retry(false)],
			['ERR_BAD_RESPONSE', 'GET', retry(false)],
			['ERR_BAD_RESPONSE', 'PUT', retry(true)],
			['ERR_BAD_RESPONSE', 'POST', fail('noAnswer', true)],
			['ERR_STREAM_PREMATURE_CLOSE', 'GET', retry(false)],
			['ERR_STREAM_PREMATURE_CLOSE', 'PUT', retry(true)],
			['ERR_STREAM_PREMATURE_CLOSE', 'POST', fail('noAnswer', true)],
			// Not a passing failure: reported at once. Only ECONNREFUSED and EAI_AGAIN count as never sent.
			['ENOTFOUND', 'GET', fail('noAnswer', false)],
			['ENOTFOUND', 'PUT', fail('noAnswer', false)],
			['ENOTFOUND', 'POST', fail('noAnswer', false)],
			// No code at all: nothing is known of the request, so a write may have been done.
			[undefined, 'GET', fail('noAnswer', false)],
			[undefined, 'PUT', fail('noAnswer', true)],
			[undefined, 'POST', fail('noAnswer', true)],
		])('network error %s on a %s', (code, method, expected) => {
			expect(decide({ method, outcome: network(code) })).toStrictEqual(expected);
		});
	});

	describe('a 2xx whose body reports a failure', () => {
		// Zenvia answered, so it did not act, and the same request would only be refused again.
		it.each<[number, IHttpRequestMethods, Decision]>([
			[400, 'GET', fail('refused', false)],
			[400, 'PUT', fail('refused', false)],
			[400, 'POST', fail('refused', false)],
			[429, 'GET', fail('refused', false)],
			[429, 'PUT', fail('refused', false)],
			[429, 'POST', fail('refused', false)],
			[500, 'GET', fail('refused', false)],
			[500, 'PUT', fail('refused', false)],
			[500, 'POST', fail('refused', false)],
			[503, 'GET', fail('refused', false)],
			[503, 'PUT', fail('refused', false)],
			[503, 'POST', fail('refused', false)],
		])('reported status %i on a %s', (code, method, expected) => {
			expect(decide({ method, outcome: { kind: 'refusedInBody', status: code } })).toStrictEqual(expected);
		});
	});

	describe('Retry-After', () => {
		const now = Date.parse('2026-11-21T12:00:00Z');
		// The header as Zenvia sends it, read by parseRetryAfterMs, then decided on for a 429 to a GET.
		it.each<[string, unknown, number | undefined, Decision]>([
			['whole seconds', '2', 2000, retry(false, 2000)],
			['decimal seconds', '1.5', 1500, retry(false, 1500)],
			['zero', '0', 0, retry(false, 0)],
			['an HTTP date', 'Sat, 21 Nov 2026 12:00:03 GMT', 3000, retry(false, 3000)],
			['an HTTP date in the past', 'Sat, 21 Nov 2026 11:00:00 GMT', 0, retry(false, 0)],
			['the first of repeated headers', ['3', '9'], 3000, retry(false, 3000)],
			['a number rather than a string', 4, 4000, retry(false, 4000)],
			['garbage: a word', 'soon', undefined, retry(false)],
			['garbage: a unit', '5 seconds', undefined, retry(false)],
			['garbage: an exponent', '1e3', undefined, retry(false)],
			['garbage: empty', '', undefined, retry(false)],
			['absent', undefined, undefined, retry(false)],
			['exactly the longest wait held', String(MAX_RETRY_AFTER_MS / 1000), MAX_RETRY_AFTER_MS, retry(false, MAX_RETRY_AFTER_MS)],
			['longer than the longest wait held', '61', 61_000, fail('askedTooLong', false, 61_000)],
			['an HTTP date too far ahead', 'Sat, 21 Nov 2026 12:05:00 GMT', 300_000, fail('askedTooLong', false, 300_000)],
		])('%s (%j)', (_form, header, parsed, expected) => {
			const retryAfterMs = parseRetryAfterMs(header, now);
			expect(retryAfterMs).toBe(parsed);
			expect(decide({ method: 'GET', outcome: status(429, retryAfterMs), remainingMs: 120_000 })).toStrictEqual(expected);
		});

		it.each<[string, Partial<PolicyInput> & Pick<PolicyInput, 'method' | 'outcome'>, Decision]>([
			['a 503 to a PUT waits as asked', { method: 'PUT', outcome: status(503, 1234) }, retry(true, 1234)],
			['a 503 to a PUT asking too long', { method: 'PUT', outcome: status(503, MAX_RETRY_AFTER_MS + 1) }, fail('askedTooLong', true, MAX_RETRY_AFTER_MS + 1)],
			// Not sent again at all: how long Zenvia asks does not matter.
			['a 503 to a POST', { method: 'POST', outcome: status(503, 1000) }, fail('refused', true)],
			['a 400 with Retry-After', { method: 'GET', outcome: status(400, 1000) }, fail('refused', false)],
			['a paced 429 waits as asked, by the limiter', { method: 'POST', outcome: status(429, 2500), paced: true, rateLimitedAnswers: 1 }, retry(false, 2500, true)],
			['a paced 429 asking too long', { method: 'POST', outcome: status(429, 90_000), paced: true, rateLimitedAnswers: 1, remainingMs: 300_000 }, fail('askedTooLong', false, 90_000)],
			// The ask is reported as such even when the item has less time left than it.
			['too long with little time left', { method: 'GET', outcome: status(429, 90_000), remainingMs: 1000 }, fail('askedTooLong', false, 90_000)],
		])('%s', (_case, input, expected) => {
			expect(decide(input)).toStrictEqual(expected);
		});
	});

	describe('the attempts limit', () => {
		it.each<[string, Partial<PolicyInput> & Pick<PolicyInput, 'method' | 'outcome'>, Decision]>([
			['a 503 on attempt 2', { method: 'GET', outcome: status(503), attempt: 2 }, retry(false, 400)],
			['a 503 on attempt 3', { method: 'GET', outcome: status(503), attempt: 3 }, retry(false, 800)],
			[`a 503 on attempt ${MAX_ATTEMPTS}`, { method: 'GET', outcome: status(503), attempt: MAX_ATTEMPTS }, fail('refused', false)],
			[`a 502 to a PUT on attempt ${MAX_ATTEMPTS}`, { method: 'PUT', outcome: status(502), attempt: MAX_ATTEMPTS }, fail('refused', true)],
			[`ETIMEDOUT on a PUT on attempt ${MAX_ATTEMPTS}`, { method: 'PUT', outcome: network('ETIMEDOUT'), attempt: MAX_ATTEMPTS }, fail('noAnswer', true)],
			[`ECONNREFUSED on a POST on attempt ${MAX_ATTEMPTS}`, { method: 'POST', outcome: network('ECONNREFUSED'), attempt: MAX_ATTEMPTS }, fail('noAnswer', false)],
			[`an unpaced 429 on attempt ${MAX_ATTEMPTS}`, { method: 'GET', outcome: status(429), attempt: MAX_ATTEMPTS, rateLimitedAnswers: MAX_ATTEMPTS }, fail('refused', false)],
			[
				`an unpaced 429 with Retry-After on attempt ${MAX_ATTEMPTS}`,
				{ method: 'GET', outcome: status(429, 1000), attempt: MAX_ATTEMPTS, rateLimitedAnswers: 1 },
				fail('refused', false),
			],
			// Paced by the shared limiter, a 429 costs no attempt, up to MAX_RATE_LIMITED_ANSWERS of them.
			[
				`a paced 429 on attempt ${MAX_ATTEMPTS}`,
				{ method: 'POST', outcome: status(429), attempt: MAX_ATTEMPTS, paced: true, rateLimitedAnswers: MAX_ATTEMPTS },
				retry(false, backoffDelayMs(MAX_ATTEMPTS, () => 0), true),
			],
			[
				`the paced 429 number ${MAX_RATE_LIMITED_ANSWERS}, on attempt ${MAX_RATE_LIMITED_ANSWERS}`,
				{ method: 'GET', outcome: status(429, 1000), attempt: MAX_RATE_LIMITED_ANSWERS, paced: true, rateLimitedAnswers: MAX_RATE_LIMITED_ANSWERS },
				retry(false, 1000, true),
			],
			[
				`the paced 429 number ${MAX_RATE_LIMITED_ANSWERS + 1}, on attempt ${MAX_RATE_LIMITED_ANSWERS + 1}`,
				{ method: 'GET', outcome: status(429, 1000), attempt: MAX_RATE_LIMITED_ANSWERS + 1, paced: true, rateLimitedAnswers: MAX_RATE_LIMITED_ANSWERS + 1 },
				fail('refused', false),
			],
			// Past the paced allowance a 429 is retried as any other, while attempts remain.
			[
				`the paced 429 number ${MAX_RATE_LIMITED_ANSWERS + 1}, on attempt 2`,
				{ method: 'GET', outcome: status(429, 1000), attempt: 2, paced: true, rateLimitedAnswers: MAX_RATE_LIMITED_ANSWERS + 1 },
				retry(false, 1000, false),
			],
			// Pacing is for 429s only.
			[
				`a paced 503 on attempt ${MAX_ATTEMPTS}`,
				{ method: 'GET', outcome: status(503), attempt: MAX_ATTEMPTS, paced: true, rateLimitedAnswers: 0 },
				fail('refused', false),
			],
			['a paced 503 on attempt 1', { method: 'PUT', outcome: status(503), paced: true }, retry(true, FIRST_BACKOFF_MS, false)],
		])('%s', (_case, input, expected) => {
			expect(decide(input)).toStrictEqual(expected);
		});
	});

	describe('the time limit', () => {
		it.each<[string, Partial<PolicyInput> & Pick<PolicyInput, 'method' | 'outcome'>, Decision]>([
			// No time left: out of time, whatever the answer, still saying whether a write may have been done.
			['a 503 to a GET with no time left', { method: 'GET', outcome: status(503), remainingMs: 0 }, fail('outOfTime', false)],
			['a 503 to a PUT with no time left', { method: 'PUT', outcome: status(503), remainingMs: 0 }, fail('outOfTime', true)],
			['a 400 with the time past', { method: 'GET', outcome: status(400), remainingMs: -5 }, fail('refused', false)],
			['ECONNRESET on a POST with no time left', { method: 'POST', outcome: network('ECONNRESET'), remainingMs: 0 }, fail('outOfTime', true)],
			['a 429 asking too long with no time left', { method: 'GET', outcome: status(429, 90_000), remainingMs: 0 }, fail('outOfTime', false)],
			// A wait that would reach the limit is never started.
			['a backoff equal to the time left', { method: 'GET', outcome: status(503), remainingMs: FIRST_BACKOFF_MS }, fail('outOfTime', false)],
			['a backoff longer than the time left', { method: 'PUT', outcome: network('ETIMEDOUT'), remainingMs: 150 }, fail('outOfTime', true)],
			['a backoff just inside the time left', { method: 'GET', outcome: status(503), remainingMs: FIRST_BACKOFF_MS + 1 }, retry(false)],
			['a Retry-After equal to the time left', { method: 'GET', outcome: status(429, 5000), remainingMs: 5000 }, fail('outOfTime', false)],
			['a Retry-After longer than the time left', { method: 'PUT', outcome: status(503, 5000), remainingMs: 4000 }, fail('outOfTime', true)],
			['a Retry-After just inside the time left', { method: 'GET', outcome: status(429, 5000), remainingMs: 5001 }, retry(false, 5000)],
			[
				'a paced 429 whose wait outlasts the time left',
				{ method: 'POST', outcome: status(429, 5000), paced: true, rateLimitedAnswers: 1, remainingMs: 3000 },
				fail('outOfTime', false),
			],
			['an ECONNREFUSED POST whose backoff outlasts the time left', { method: 'POST', outcome: network('ECONNREFUSED'), remainingMs: 100 }, fail('outOfTime', false)],
		])('%s', (_case, input, expected) => {
			expect(decide(input)).toStrictEqual(expected);
		});
	});

	it('backs off with the jitter it is given', () => {
		expect(decide({ method: 'GET', outcome: status(503), random: () => 1 })).toStrictEqual(retry(false, 400));
		expect(decide({ method: 'GET', outcome: status(503), attempt: 3, random: () => 0.5 })).toStrictEqual(retry(false, 1200));
	});
});

describe('retry policy: mayHaveTakenEffect', () => {
	// Exactly the writes that got a 5xx or lost their answer.
	it.each<[string, IHttpRequestMethods, AttemptOutcome, boolean]>([
		['a GET answered 500', 'GET', status(500), false],
		['a GET answered 503', 'GET', status(503), false],
		['a HEAD that lost its answer', 'HEAD', network('ECONNRESET'), false],
		['a GET with no error code', 'GET', network(), false],
		['a PUT answered 500', 'PUT', status(500), true],
		['a PUT answered 502', 'PUT', status(502), true],
		['a POST answered 503', 'POST', status(503), true],
		['a POST answered 504', 'POST', status(504), true],
		['a POST that lost its answer (ECONNRESET)', 'POST', network('ECONNRESET'), true],
		['a POST that timed out', 'POST', network('ETIMEDOUT'), true],
		['a PUT whose answer broke off', 'PUT', network('ERR_STREAM_PREMATURE_CLOSE'), true],
		['a POST with no error code', 'POST', network(), true],
		['a POST answered 400', 'POST', status(400), false],
		['a PUT answered 404', 'PUT', status(404), false],
		['a POST answered 422', 'POST', status(422), false],
		['a POST answered 429', 'POST', status(429), false],
		['a PUT answered 429', 'PUT', status(429, 1000), false],
		['a POST refused in its body (500)', 'POST', { kind: 'refusedInBody', status: 500 }, false],
		['a PUT refused in its body (400)', 'PUT', { kind: 'refusedInBody', status: 400 }, false],
		['a POST whose connection was refused', 'POST', network('ECONNREFUSED'), false],
		['a PUT whose host name did not resolve for now', 'PUT', network('EAI_AGAIN'), false],
	])('%s: %s', (_case, method, outcome, expected) => {
		expect(mayHaveTakenEffect(method, outcome)).toBe(expected);
	});
});

describe('retry policy: isRetryable', () => {
	it.each<[IHttpRequestMethods, AttemptOutcome, boolean]>([
		['GET', status(429), true],
		['POST', status(429), true],
		['PUT', status(503), true],
		['POST', status(503), false],
		['GET', status(500), false],
		['POST', network('ECONNREFUSED'), true],
		['POST', network('ECONNRESET'), false],
		['PUT', network('ECONNRESET'), true],
		['GET', network('ENOTFOUND'), false],
		['GET', network(), false],
		['GET', { kind: 'refusedInBody', status: 503 }, false],
	])('%s after %j: %s', (method, outcome, expected) => {
		expect(isRetryable(method, outcome)).toBe(expected);
	});
});

describe('retry policy: backoff and Retry-After', () => {
	it('backs off exponentially, with jitter inside each step, capped', () => {
		expect([1, 2, 3].map((attempt) => backoffDelayMs(attempt, () => 0))).toEqual([200, 400, 800]);
		expect([1, 2, 3].map((attempt) => backoffDelayMs(attempt, () => 1))).toEqual([400, 800, 1600]);
		expect(backoffDelayMs(20, () => 1)).toBe(5000);
		expect(MAX_ATTEMPTS).toBe(4);
	});

	it('reads Retry-After as seconds or as an HTTP date', () => {
		const now = Date.parse('2026-11-21T12:00:00Z');
		expect(parseRetryAfterMs('2', now)).toBe(2000);
		expect(parseRetryAfterMs(['0.5'], now)).toBe(500);
		expect(parseRetryAfterMs('Sat, 21 Nov 2026 12:00:03 GMT', now)).toBe(3000);
		expect(parseRetryAfterMs('Sat, 21 Nov 2026 11:00:00 GMT', now)).toBe(0);
		// Date.parse would take these as dates; only the two forms of the standard count.
		for (const junk of ['-5', '1,5', '.5', 'abc 2030']) expect(parseRetryAfterMs(junk, now)).toBeUndefined();
		expect(parseRetryAfterMs('soon', now)).toBeUndefined();
		expect(parseRetryAfterMs(undefined, now)).toBeUndefined();
	});
});
