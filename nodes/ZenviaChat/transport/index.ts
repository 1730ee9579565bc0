import { sleep } from 'n8n-workflow';
import type {
	IDataObject,
	IExecuteFunctions,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IN8nHttpFullResponse,
} from 'n8n-workflow';

import { ZENVIA_BASE_URLS } from '../../../credentials/ZenviaChatApi.credentials';
import { emptyAnswerItem, readSuccessAnswer } from './answer';
import { describeDuration, itemTime } from './deadline';
import { apiErrorMessage, httpFailure, networkFailure, timeLimitFailure, unreadableAnswer } from './errors';
import { limiterFor } from './rateLimiter';
import { redact, redactValue } from './redact';
import {
	MAX_ATTEMPTS,
	MAX_RETRY_AFTER_MS,
	NOT_PROCESSED_STATUSES,
	backoffDelayMs,
	isNeverSent,
	isRetryableNetworkError,
	isRetryableStatus,
	MAX_RATE_LIMITED_ANSWERS,
	parseRetryAfterMs,
} from './retry';
import {
	CREDENTIAL_TYPE,
	credentialSecrets,
	decryptedWithToken,
	pickToken,
	readCredentials,
} from './credentials';
import type { ZenviaApi, ZenviaCredentials, ZenviaRequest } from './types';

export type { ZenviaApi, ZenviaRequest, ZenviaTokenKind } from './types';
export { CREDENTIAL_TYPE } from './credentials';
export { DEFAULT_ITEM_TIME_LIMIT_SECONDS, startItemClock, stopItemClock } from './deadline';

const REQUEST_TIMEOUT_MS = 60_000;

type ZenviaContext = IExecuteFunctions | ILoadOptionsFunctions;

/** Each API's base URL: the credential's override, else Zenvia's host for the environment. */
export function baseUrlFor(api: ZenviaApi, credentials: ZenviaCredentials): string {
	const homologation = credentials.environment === 'homologation';
	const hosts: Record<ZenviaApi, [string | undefined, string]> = {
		chat: [credentials.chatApiBaseUrl, ZENVIA_BASE_URLS.chat],
		whatsapp: [
			credentials.whatsappApiBaseUrl,
			homologation ? ZENVIA_BASE_URLS.whatsappHomologation : ZENVIA_BASE_URLS.whatsappProduction,
		],
		bot: [credentials.botApiBaseUrl, homologation ? ZENVIA_BASE_URLS.botHomologation : ZENVIA_BASE_URLS.botProduction],
	};
	const [override, fallback] = hosts[api];
	return (override?.trim() || fallback).replace(/\/+$/, '');
}

/** n8n wraps transport failures; the socket's error code sits on the error or on its cause. */
function networkErrorCode(error: unknown): string | undefined {
	for (let current: unknown = error, depth = 0; current && depth < 4; depth++) {
		const { code, cause } = current as { code?: unknown; cause?: unknown };
		if (typeof code === 'string' && /^E[A-Z_]+$/.test(code)) return code;
		current = cause;
	}
	return undefined;
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
	if (!text.trim()) return { ok: true, value: {} };
	try {
		return { ok: true, value: JSON.parse(text) as unknown };
	} catch {
		return { ok: false };
	}
}

/**
 * The one place that talks to Zenvia: picks the base URL, lets the credential place the token,
 * retries what is safe to retry within the item's time limit, reads the answer against its
 * documented shape, and turns every failure into an error that never shows a secret.
 */
export async function zenviaRequest<T>(
	context: ZenviaContext,
	request: ZenviaRequest,
	itemIndex?: number,
): Promise<T> {
	const node = context.getNode();
	const credentials = await readCredentials(context);
	const token = pickToken(node, credentials, request.token, itemIndex);
	const authentication = { credentialsDecrypted: decryptedWithToken(node, credentials, token) };
	// The tokens, and whatever else the request carries that is secret (an agent's password).
	const secrets = [...credentialSecrets(credentials), ...(request.secrets ?? [])];
	// Shared by the execution's items: a 429 slows all of them down, not only the one that got it.
	// Past this point the item has passed its checks, which lets the next item start.
	const limiter = limiterFor(context);
	if (itemIndex !== undefined) limiter?.onItemRequest?.(itemIndex);
	const baseUrl = baseUrlFor(request.api, credentials);
	const options: IHttpRequestOptions = {
		method: request.method,
		baseURL: baseUrl,
		url: request.path,
		qs: request.qs,
		body: request.body,
		headers: { accept: 'application/json' },
		json: true,
		encoding: 'text',
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
	};
	/** What the last attempt ended with, for the time limit's error. */
	let last = 'got no answer';
	/** Set when an attempt may have taken effect though its answer was lost. */
	let ambiguous: string | undefined;

	const outOfTime = (attempts: number) => {
		const time = itemTime(context, itemIndex);
		return timeLimitFailure(node, {
			waited: describeDuration(time.elapsedMs),
			limit: describeDuration(time.limitMs),
			attempts,
			last,
			itemIndex,
		});
	};
	/** Waits before a retry, unless the wait would run past the item's time limit. */
	const pause = async (ms: number, attempts: number) => {
		if (ms >= itemTime(context, itemIndex).remainingMs) throw outOfTime(attempts);
		await sleep(ms);
	};

	let rateLimitedAnswers = 0;
	for (let attempt = 1; ; attempt++) {
		const remainingMs = itemTime(context, itemIndex).remainingMs;
		if (remainingMs <= 0) throw outOfTime(attempt - 1);
		let response: IN8nHttpFullResponse;
		const ticket = await limiter?.acquire(itemIndex);
		try {
			// Each attempt gets fresh copies: the credential adds the token to them.
			response = (await context.helpers.httpRequestWithAuthentication.call(context, CREDENTIAL_TYPE, {
				...options,
				timeout: Math.max(1, Math.min(REQUEST_TIMEOUT_MS, remainingMs)),
				qs: options.qs && { ...options.qs },
				body: options.body && { ...(options.body as IDataObject) },
			}, authentication)) as IN8nHttpFullResponse;
		} catch (error) {
			if (ticket) limiter?.release(ticket, false);
			const code = networkErrorCode(error);
			last = `ended with network error ${code ?? '(no code)'}`;
			if (itemTime(context, itemIndex).remainingMs <= 0) throw outOfTime(attempt);
			if (attempt < MAX_ATTEMPTS && isRetryableNetworkError(code, request.method)) {
				if (!isNeverSent(code)) ambiguous = `network error ${code}`;
				await pause(backoffDelayMs(attempt), attempt);
				continue;
			}
			throw networkFailure(node, { code, baseUrl, attempts: attempt, itemIndex });
		}

		const status = response.statusCode;
		const retryAfterMs = parseRetryAfterMs(response.headers?.['retry-after']);
		if (ticket) {
			if (status === 429) limiter?.rateLimited(ticket, Math.min(retryAfterMs ?? backoffDelayMs(attempt), MAX_RETRY_AFTER_MS));
			else limiter?.release(ticket);
		}
		const raw = typeof response.body === 'string' ? response.body : JSON.stringify(response.body ?? '');
		const text = redact(raw, secrets);
		// Without a backslash every parsed string is a slice of the text just redacted; with one,
		// parsing may join escapes into a secret, so the parsed value is redacted as well.
		const clean = <V>(value: V): V => (text.includes('\\') ? redactValue(value, secrets) : value);
		const failed = status < 200 || status >= 300;
		if (!failed) {
			const answer = readSuccessAnswer(text, request.method, request.answer);
			if (answer.kind === 'empty') return emptyAnswerItem(status) as T;
			if (answer.kind === 'unreadable') {
				throw unreadableAnswer(node, { status, text, what: answer.what, isWrite: request.method !== 'GET', itemIndex });
			}
			// `success: false` is a refusal even with HTTP 200.
			if ((answer.value as { success?: unknown }).success !== false) return clean(answer.value) as T;
		}

		const parsed = parseJson(text);
		const body = clean(parsed.ok ? parsed.value : text);
		const said = apiErrorMessage(body);
		if (ambiguous && said && request.doneOnRetry?.test(said)) {
			return { success: true, alreadyDone: true, message: said, earlierAttempt: ambiguous } as T;
		}
		last = `was answered HTTP ${status}`;
		const asked = failed ? retryAfterMs : undefined;
		if (asked !== undefined) last += ` asking to wait ${describeDuration(asked)}`;
		const askedTooLong = asked !== undefined && asked > MAX_RETRY_AFTER_MS;
		// With the shared limiter a 429 costs no attempt: the limiter already waits and slows down.
		const paced = limiter !== undefined && status === 429 && !askedTooLong && ++rateLimitedAnswers <= MAX_RATE_LIMITED_ANSWERS;
		if ((paced || attempt < MAX_ATTEMPTS) && isRetryableStatus(status, request.method) && !askedTooLong) {
			if (!NOT_PROCESSED_STATUSES.has(status)) ambiguous = `HTTP ${status}`;
			const wait = asked ?? backoffDelayMs(attempt);
			// Paced, the limiter does the waiting; either way no wait starts that would pass the time limit.
			if (!paced) await pause(wait, attempt);
			else if (wait >= itemTime(context, itemIndex).remainingMs) throw outOfTime(attempt);
			continue;
		}
		const askedWait = askedTooLong ? describeDuration(asked) : undefined;
		const reported = failed ? status : Number((body as { status?: unknown } | null)?.status) || status;
		throw httpFailure(node, { status: reported, body, token: request.token, attempts: attempt, askedWait, itemIndex });
	}
}
