/*
 * Handing an event to the execution that waits for it: one call to the waiting node's resume URL,
 * repeated while n8n says the execution is still running. n8n saves an execution as `waiting`
 * only after the node that put it to wait has returned (waiting-webhooks.ts answers 409 "is
 * running already" until then), and Zenvia can post the customer's answer within milliseconds of
 * the question: those answers must wait for the save, not be lost.
 *
 * A call that got no answer in time was sent, and a busy n8n may have resumed the execution and
 * answered too late (or failed with a 500 while resuming it). Starting an ordinary execution then would handle the event twice, so the call
 * is made again and n8n's next answer decides: the waiting node takes it (delivered now), the
 * execution has moved on or ended (the late call took it), or, if nothing settles it in time, the
 * event is left uncertain: logged, and not started again.
 */

import { doublingPauseMs, WEBHOOK_URL_HINT } from '../ZenviaChat/helpers/pause';
import { RESUMED_ANSWER } from '../ZenviaChat/helpers/waitDesk';

/**
 * How long a reply may wait for its execution to be saved as waiting: 200 conversations at once on
 * 2 cores took n8n more than 15 s to save some. Zenvia's call waits that long for its answer
 * (webhook.ts says why).
 */
export const DELIVERY_PATIENCE_MS = 60_000;
/** The first pause between attempts; it doubles up to DELIVERY_MAX_PAUSE_MS. */
export const DELIVERY_FIRST_PAUSE_MS = 25;
export const DELIVERY_MAX_PAUSE_MS = 500;
/** After a call that timed out, how long n8n's later answers may take to settle what happened. */
export const LATE_ANSWER_PATIENCE_MS = 120_000;

export interface Attempt {
	/** The HTTP status, or undefined when n8n could not be reached at all. */
	status?: number;
	body?: unknown;
	/** Why the call failed without an answer (connection refused, timeout...). */
	error?: string;
	/** The call was sent and no answer came in time: n8n may have acted on it (mayHaveBeenTaken). */
	timedOut?: boolean;
}

export type Decision =
	| { kind: 'delivered'; late?: true }
	| { kind: 'retry'; afterMs: number }
	| { kind: 'unreachable'; reason: string }
	| { kind: 'uncertain'; reason: string };

function bodyText(body: unknown): string {
	if (typeof body === 'string') return body;
	try {
		return JSON.stringify(body) ?? '';
	} catch {
		return '';
	}
}

/** Whether n8n's answer says the execution is running (not yet saved as waiting), not finished. */
function stillRunning(attempt: Attempt): boolean {
	return attempt.status === 409 && /is running already/.test(bodyText(attempt.body));
}

/** How long a hand-over may go on, all its calls included: longer once a call may have been taken. */
export function deliveryPatienceMs(maybeTaken: boolean): number {
	return maybeTaken ? LATE_ANSWER_PATIENCE_MS : DELIVERY_PATIENCE_MS;
}

/** Whether a failed call's error says it left and no answer came in time (axios's time-out), not that it never connected. */
export function isAnswerTimeout(error: { code?: unknown; message?: unknown }): boolean {
	return error.code === 'ECONNABORTED' || /timeout of \d+ms exceeded/.test(String(error.message ?? ''));
}

/** n8n's answer when it could not do anything yet (its database busy): asked again. */
function notNow(attempt: Attempt): boolean {
	return attempt.status === 503;
}

/**
 * Whether this attempt may have resumed the execution though it did not say so: no answer in
 * time, or n8n failing while it resumed (a 500 or a gateway's 502/504). What n8n answers next
 * decides (see the module comment).
 */
export function mayHaveBeenTaken(attempt: Attempt): boolean {
	return attempt.timedOut === true || attempt.status === 500 || attempt.status === 502 || attempt.status === 504;
}

/**
 * What to do after one attempt, `elapsedMs` after the first began and after `attempts` attempts;
 * `earlierUnsettled`: an earlier call may have been taken (mayHaveBeenTaken). Delivered
 * only when the waiting node itself answered (its marker): a 200 page from n8n (a finished
 * send-and-wait execution) is not a delivery, unless a call that timed out came before it.
 */
export function afterAttempt(attempt: Attempt, attempts: number, elapsedMs: number, earlierUnsettled = false): Decision {
	if (attempt.status !== undefined && attempt.status >= 200 && attempt.status < 300 && bodyText(attempt.body).includes(RESUMED_ANSWER)) {
		return { kind: 'delivered' };
	}
	const maybeTaken = earlierUnsettled || mayHaveBeenTaken(attempt);
	const patienceMs = deliveryPatienceMs(maybeTaken);
	const again = (): Decision | undefined => {
		const afterMs = doublingPauseMs(DELIVERY_FIRST_PAUSE_MS, DELIVERY_MAX_PAUSE_MS, attempts);
		return elapsedMs + afterMs <= patienceMs ? { kind: 'retry', afterMs } : undefined;
	};
	const uncertain: Decision = {
		kind: 'uncertain',
		reason: `an earlier call got no answer in time or a 500, so it may have resumed the execution; after ${Math.round(elapsedMs / 1000)} s nothing had settled it`,
	};
	/** Ask again while the patience lasts; then uncertain if a call may have been taken, else `whyNot`. */
	const waitMore = (whyNot: string): Decision => again() ?? (maybeTaken ? uncertain : { kind: 'unreachable', reason: whyNot });
	// n8n unreachable after a call that may have been taken: for a moment (restarting?), so asked again.
	if (mayHaveBeenTaken(attempt) || (attempt.status === undefined && maybeTaken)) return again() ?? uncertain;
	if (notNow(attempt)) return waitMore(`n8n kept answering 503 for ${Math.round(elapsedMs / 1000)} s (${bodyText(attempt.body).slice(0, 80)})`);
	if (stillRunning(attempt)) return waitMore(`the execution was still running after ${Math.round(elapsedMs / 1000)} s (it never came to wait)`);
	if (attempt.status === undefined) return { kind: 'unreachable', reason: `n8n could not reach its own resume URL (${attempt.error ?? 'no answer'}). ${WEBHOOK_URL_HINT}` };
	const said = bodyText(attempt.body).replace(/\s+/g, ' ').slice(0, 160);
	if (attempt.status === 401) return { kind: 'unreachable', reason: 'n8n refused the resume URL\'s signature (401)' };
	// The execution moved on or ended: after a call that timed out, that call is what moved it.
	const ended = attempt.status === 404 || attempt.status === 409 || (attempt.status >= 200 && attempt.status < 300);
	if (ended && earlierUnsettled) return { kind: 'delivered', late: true };
	if (attempt.status === 404) return { kind: 'unreachable', reason: `the execution no longer waits there (404: ${said})` };
	if (attempt.status === 409) return { kind: 'unreachable', reason: `the execution has ended (409: ${said})` };
	if (attempt.status >= 200 && attempt.status < 300) return { kind: 'unreachable', reason: 'the execution has ended (n8n answered with its "no action required" page)' };
	return { kind: 'unreachable', reason: `n8n answered ${attempt.status}: ${said}` };
}
