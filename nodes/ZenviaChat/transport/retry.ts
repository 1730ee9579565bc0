import type { IHttpRequestMethods } from 'n8n-workflow';

/** One first try and up to three retries. */
export const MAX_ATTEMPTS = 4;
const BASE_DELAY_MS = 400;
const MAX_DELAY_MS = 5_000;
/** A longer Retry-After is reported to the user instead of holding the workflow. */
export const MAX_RETRY_AFTER_MS = 60_000;

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
/** Failures that happen before a byte reaches Zenvia, so even a POST is safe to send again. */
const NEVER_SENT_CODES = new Set(['ECONNREFUSED', 'EAI_AGAIN']);
/** Answers meaning the server did not act on the request: safe to resend even a POST. */
export const NOT_PROCESSED_STATUSES = new Set([429, 503]);

/**
 * POST creates interactions and sends messages. Resending one that may have reached Zenvia could
 * send a customer the same message twice, so a POST is retried only when it certainly did not.
 */
export function isRetryableStatus(status: number, method: IHttpRequestMethods): boolean {
	if (!TRANSIENT_STATUSES.has(status)) return false;
	return method !== 'POST' || NOT_PROCESSED_STATUSES.has(status);
}

/** A failure before a byte reached Zenvia: the request certainly did not take effect. */
export function isNeverSent(code: string | undefined): boolean {
	return code !== undefined && NEVER_SENT_CODES.has(code);
}

export function isRetryableNetworkError(code: string | undefined, method: IHttpRequestMethods): boolean {
	if (code === undefined || !TRANSIENT_NETWORK_CODES.has(code)) return false;
	return method !== 'POST' || NEVER_SENT_CODES.has(code);
}

/** Exponential backoff with jitter, so many items retrying together do not hit Zenvia in step. */
export function backoffDelayMs(retry: number, random: () => number = Math.random): number {
	const ceiling = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** (retry - 1));
	return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

/** Reads Retry-After in either of its forms: delay in seconds or an HTTP date. */
export function parseRetryAfterMs(header: unknown, now: number = Date.now()): number | undefined {
	const value = Array.isArray(header) ? header[0] : header;
	if (typeof value !== 'string' && typeof value !== 'number') return undefined;
	const text = String(value).trim();
	if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
	const date = Date.parse(text);
	return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
