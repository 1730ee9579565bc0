import type { IHttpRequestMethods } from 'n8n-workflow';
import { doublingPauseMs } from '../helpers/pause';

/**
 * The retry policy: a pure function of one attempt's outcome. The transport makes an attempt,
 * asks `decideAfter` what to do, and does it; nothing here reads a clock or sends a request.
 */

/** One first try and up to three retries. */
export const MAX_ATTEMPTS = 4;
const BASE_DELAY_MS = 400;
const MAX_DELAY_MS = 5_000;
/** 429s an item may get while the execution's limiter slows everything down, before giving up. */
export const MAX_RATE_LIMITED_ANSWERS = 12;
/** A longer Retry-After is reported to the user instead of holding the workflow. */
export const MAX_RETRY_AFTER_MS = 60_000;

/** Answers worth asking again: the rate limit and the gateway's passing failures. */
const TRANSIENT_STATUSES = new Set([429, 502, 503, 504]);
const TRANSIENT_NETWORK_CODES = new Set([
	'ECONNRESET',
	'ECONNREFUSED',
	'ECONNABORTED',
	'ETIMEDOUT',
	'ESOCKETTIMEDOUT',
	'EPIPE',
	'EAI_AGAIN',
	// The answer began and the connection broke before its end (n8n's HTTP client reports it so).
	'ERR_BAD_RESPONSE',
	'ERR_STREAM_PREMATURE_CLOSE',
]);
/** Failures that happen before a byte reaches Zenvia (no connection, no address): even a POST certainly did nothing. */
const NEVER_SENT_CODES = new Set(['ECONNREFUSED', 'EAI_AGAIN', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH']);

/** How one attempt ended, when it did not end in a success. */
export type AttemptOutcome =
	/** Zenvia answered with an HTTP failure status. */
	| { kind: 'status'; status: number; retryAfterMs?: number }
	/** Zenvia answered 2xx with a body that reports a failure (`{status: 500, errors: [...]}`). */
	| { kind: 'refusedInBody'; status: number }
	/** No complete answer: a network error code, or none known. */
	| { kind: 'network'; code?: string };

export interface PolicyInput {
	method: IHttpRequestMethods;
	outcome: AttemptOutcome;
	/** Attempts so far that count against MAX_ATTEMPTS (a 429 the limiter paces does not), from 1. */
	attempt: number;
	/** Time left before the item's limit, after the attempt. */
	remainingMs: number;
	/** Whether the execution's limiter paces the retries of a 429 (it does inside the per-item loop). */
	paced: boolean;
	/** 429s this request has had, the one just answered included. */
	rateLimitedAnswers: number;
	/** The backoff's jitter; the same interval for every caller otherwise. */
	random?: () => number;
}

export type FailureReason = 'refused' | 'noAnswer' | 'askedTooLong' | 'outOfTime';

export type Decision =
	| { action: 'retry'; waitMs: number; byLimiter: boolean; mayHaveTakenEffect: boolean }
	| { action: 'fail'; reason: FailureReason; mayHaveTakenEffect: boolean; askedWaitMs?: number };

const isRead = (method: IHttpRequestMethods) => method === 'GET' || method === 'HEAD';

/**
 * Whether Zenvia may have acted on a write although the attempt failed. A refusal (4xx, a refusal
 * in the body) and a 429 mean it did not; a 5xx or a lost answer leave it open: the server may
 * have done the work and failed only to say so.
 */
export function mayHaveTakenEffect(method: IHttpRequestMethods, outcome: AttemptOutcome): boolean {
	if (isRead(method)) return false;
	if (outcome.kind === 'refusedInBody') return false;
	if (outcome.kind === 'status') return outcome.status >= 500;
	return outcome.code === undefined || !NEVER_SENT_CODES.has(outcome.code);
}

/**
 * Whether sending the same request again is safe and may help. A write that may have taken effect
 * is sent again only when doing it twice is harmless: PUTs set a state, so they are; a POST
 * creates an interaction or sends a message, so it is sent again only after a 429 or a connection
 * that never opened. In particular a POST answered 503 is not sent again: nothing in Zenvia's
 * documents says a 503 comes before the work is done, and a second POST could send a customer
 * the same message twice.
 */
export function isRetryable(method: IHttpRequestMethods, outcome: AttemptOutcome): boolean {
	if (outcome.kind === 'refusedInBody') return false;
	const transient =
		outcome.kind === 'status' ? TRANSIENT_STATUSES.has(outcome.status) : outcome.code !== undefined && TRANSIENT_NETWORK_CODES.has(outcome.code);
	if (!transient) return false;
	if (method !== 'POST') return true;
	return outcome.kind === 'status' ? outcome.status === 429 : !mayHaveTakenEffect(method, outcome);
}

/** What to do after an attempt that did not succeed. */
export function decideAfter(input: PolicyInput): Decision {
	const { method, outcome, attempt, remainingMs, paced, rateLimitedAnswers, random } = input;
	const tookEffect = mayHaveTakenEffect(method, outcome);
	const fail = (reason: FailureReason, askedWaitMs?: number): Decision => ({
		action: 'fail',
		reason,
		mayHaveTakenEffect: tookEffect,
		...(askedWaitMs === undefined ? {} : { askedWaitMs }),
	});
	const failedFor: FailureReason = outcome.kind === 'network' ? 'noAnswer' : 'refused';

	// An attempt that got no answer by the limit was cut short by it (its timeout is the time left).
	if (outcome.kind === 'network' && remainingMs <= 0) return fail('outOfTime');
	if (!isRetryable(method, outcome)) return fail(failedFor);
	if (remainingMs <= 0) return fail('outOfTime');
	const asked = outcome.kind === 'status' ? outcome.retryAfterMs : undefined;
	if (asked !== undefined && asked > MAX_RETRY_AFTER_MS) return fail('askedTooLong', asked);
	// With the shared limiter a 429 costs no attempt: the limiter already pauses and slows down.
	const byLimiter = paced && outcome.kind === 'status' && outcome.status === 429 && rateLimitedAnswers <= MAX_RATE_LIMITED_ANSWERS;
	if (!byLimiter && attempt >= MAX_ATTEMPTS) return fail(failedFor);
	const waitMs = asked ?? backoffDelayMs(attempt, random);
	// No wait is started that would end past the item's time limit.
	if (waitMs >= remainingMs) return fail('outOfTime');
	return { action: 'retry', waitMs, byLimiter, mayHaveTakenEffect: tookEffect };
}

/** Exponential backoff with jitter, so many items retrying together do not hit Zenvia in step. */
export function backoffDelayMs(retry: number, random: () => number = Math.random): number {
	const ceiling = doublingPauseMs(BASE_DELAY_MS, MAX_DELAY_MS, retry);
	return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

/** Reads Retry-After in either of its forms: delay in seconds or an HTTP date. */
export function parseRetryAfterMs(header: unknown, now: number = Date.now()): number | undefined {
	const value = Array.isArray(header) ? header[0] : header;
	if (typeof value !== 'string' && typeof value !== 'number') return undefined;
	const text = String(value).trim();
	if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
	// Only an HTTP date ("Sun, 06 Nov 1994 08:49:37 GMT"): Date.parse also takes "-5" or "1,5".
	if (!/^[A-Za-z]{3}, \d{1,2} [A-Za-z]{3} \d{4} \d{2}:\d{2}:\d{2} GMT$/.test(text)) return undefined;
	const date = Date.parse(text);
	return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
