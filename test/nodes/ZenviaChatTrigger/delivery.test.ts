import { DELIVERY_MAX_PAUSE_MS, DELIVERY_PATIENCE_MS, LATE_ANSWER_PATIENCE_MS, afterAttempt, isAnswerTimeout, mayHaveBeenTaken } from '../../../nodes/ZenviaChatTrigger/delivery';
import { RESUMED_ANSWER } from '../../../nodes/ZenviaChat/helpers/waitDesk';

const RUNNING = { status: 409, body: { code: 409, message: 'The execution "12" is running already.' } };

describe('afterAttempt: what one call to a resume URL decides', () => {
	test.each([
		// what n8n answered, the decision's kind
		['the waiting node took it', { status: 200, body: { status: RESUMED_ANSWER } }, 'delivered'],
		['still running (waiting not yet saved)', RUNNING, 'retry'],
		['finished execution', { status: 409, body: { message: 'The execution "12 has finished already.' } }, 'unreachable'],
		['finished with an error', { status: 409, body: { message: 'The execution "12" has finished with error.' } }, 'unreachable'],
		['a finished send-and-wait: n8n\'s 200 page', { status: 200, body: '<html>No action required</html>' }, 'unreachable'],
		['waiting at another node', { status: 404, body: { message: 'does not contain a waiting webhook' } }, 'unreachable'],
		['unknown execution', { status: 404, body: { message: 'The execution "99" does not exist.' } }, 'unreachable'],
		['bad signature', { status: 401, body: { error: 'Invalid token' } }, 'unreachable'],
		// A busy n8n: its database did not answer, nothing was done; asked again.
		['n8n\'s database not ready', { status: 503, body: { code: 503, message: 'Database is not ready!' } }, 'retry'],
		// n8n failed while resuming (or lost a race to another call): asked again, and the next answer decides.
		['n8n failed while resuming', { status: 500, body: { message: 'There was a problem executing the workflow' } }, 'retry'],
		['n8n unreachable', { error: 'connect ECONNREFUSED 127.0.0.1:5678' }, 'unreachable'],
	])('%s: %s', (_case, attempt, kind) => {
		expect(afterAttempt(attempt, 1, 0).kind).toBe(kind);
	});

	test('retries while running, pausing 25, 50, 100 ms... up to the longest pause', () => {
		const pauses = [1, 2, 3, 4, 5, 6, 7].map((attempts) => {
			const decision = afterAttempt(RUNNING, attempts, 0);
			return decision.kind === 'retry' ? decision.afterMs : undefined;
		});
		expect(pauses).toEqual([25, 50, 100, 200, 400, DELIVERY_MAX_PAUSE_MS, DELIVERY_MAX_PAUSE_MS]);
	});

	test('gives up once the patience would run out, saying the execution never came to wait', () => {
		const decision = afterAttempt(RUNNING, 40, DELIVERY_PATIENCE_MS - 100);
		expect(decision).toEqual({ kind: 'unreachable', reason: expect.stringContaining('still running') });
	});

	test('names WEBHOOK_URL when n8n cannot reach itself', () => {
		const decision = afterAttempt({ error: 'getaddrinfo ENOTFOUND n8n.internal' }, 1, 0);
		expect(decision.kind === 'unreachable' && decision.reason).toMatch(/WEBHOOK_URL.*ENOTFOUND|ENOTFOUND.*WEBHOOK_URL/s);
	});

});

// A call that got no answer in time was sent and may have been taken: n8n resumes the execution
// and answers later when it is busy. Starting an ordinary execution then would handle the reply
// twice, so what n8n says next decides.
describe('afterAttempt after a call that timed out', () => {
	const TIMED_OUT = { error: 'timeout of 30000ms exceeded', timedOut: true };
	const ENDED = [
		['finished execution', { status: 409, body: { message: 'The execution "12 has finished already.' } }],
		['waiting at its next question', { status: 404, body: { message: 'does not contain a waiting webhook' } }],
		['a finished send-and-wait: n8n\'s 200 page', { status: 200, body: '<html>No action required</html>' }],
	] as const;

	test('the timed-out call is followed by another, not by an ordinary execution', () => {
		expect(afterAttempt(TIMED_OUT, 1, 30_000, false)).toEqual({ kind: 'retry', afterMs: expect.any(Number) });
	});

	test.each(ENDED)('then %s: the late call took it (delivered)', (_case, attempt) => {
		expect(afterAttempt(attempt, 2, 31_000, true)).toEqual({ kind: 'delivered', late: true });
	});

	test.each(ENDED)('without an earlier timeout, %s is no delivery', (_case, attempt) => {
		expect(afterAttempt(attempt, 2, 1_000, false).kind).toBe('unreachable');
	});

	test('then the waiting node takes the next call: delivered', () => {
		expect(afterAttempt({ status: 200, body: { status: RESUMED_ANSWER } }, 2, 31_000, true)).toEqual({ kind: 'delivered' });
	});

	test('then still running: retried for longer, and at the end uncertain, never an ordinary execution', () => {
		expect(afterAttempt(RUNNING, 3, DELIVERY_PATIENCE_MS + 1_000, true).kind).toBe('retry');
		expect(afterAttempt(RUNNING, 40, LATE_ANSWER_PATIENCE_MS, true)).toEqual({ kind: 'uncertain', reason: expect.stringContaining('may have resumed') });
		expect(afterAttempt(TIMED_OUT, 3, LATE_ANSWER_PATIENCE_MS, true).kind).toBe('uncertain');
	});

	test('a refused signature stays a refusal', () => {
		expect(afterAttempt({ status: 401, body: { error: 'Invalid token' } }, 2, 31_000, true).kind).toBe('unreachable');
	});

});

describe('afterAttempt when n8n itself is overloaded', () => {
	test('a 503 is asked again until the patience runs out, then handled as unreachable (nothing was done)', () => {
		const busy = { status: 503, body: { code: 503, message: 'Database is not ready!' } };
		expect(mayHaveBeenTaken(busy)).toBe(false);
		expect(afterAttempt(busy, 40, DELIVERY_PATIENCE_MS - 100)).toEqual({ kind: 'unreachable', reason: expect.stringContaining('503') });
	});

	test('a 500 may have resumed the execution: like a call that timed out, the next answer decides', () => {
		const failed = { status: 500, body: { message: 'There was a problem executing the workflow' } };
		expect(mayHaveBeenTaken(failed)).toBe(true);
		expect(mayHaveBeenTaken({ error: 'timeout of 30000ms exceeded', timedOut: true })).toBe(true);
		expect(mayHaveBeenTaken({ error: 'connect ECONNREFUSED 127.0.0.1:5678' })).toBe(false);
		expect(afterAttempt({ status: 404, body: { message: 'does not contain a waiting webhook' } }, 2, 1_000, true)).toEqual({ kind: 'delivered', late: true });
		expect(afterAttempt(failed, 40, LATE_ANSWER_PATIENCE_MS, true).kind).toBe('uncertain');
	});

	test('n8n unreachable for a moment after a call that may have been taken (a restart): asked again', () => {
		expect(afterAttempt({ error: 'connect ECONNREFUSED 127.0.0.1:5678' }, 3, 40_000, true).kind).toBe('retry');
		expect(afterAttempt({ error: 'connect ECONNREFUSED 127.0.0.1:5678' }, 40, LATE_ANSWER_PATIENCE_MS, true).kind).toBe('uncertain');
	});
});

describe('isAnswerTimeout: which failures mean the call left and no answer came', () => {
	test.each([
		[{ code: 'ECONNABORTED', message: 'timeout of 30000ms exceeded' }, true],
		[{ message: 'timeout of 1000ms exceeded' }, true],
		// Never connected: nothing was sent.
		[{ code: 'ETIMEDOUT', message: 'connect ETIMEDOUT 10.0.0.1:443' }, false],
		[{ code: 'ECONNREFUSED', message: 'connect ECONNREFUSED 127.0.0.1:5678' }, false],
		[{ code: 'ENOTFOUND', message: 'getaddrinfo ENOTFOUND n8n.internal' }, false],
	])('%j: %s', (error, expected) => {
		expect(isAnswerTimeout(error)).toBe(expected);
	});
});
