import { sleep } from 'n8n-workflow';
import type {
	IDataObject,
	IExecuteFunctions,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IN8nHttpFullResponse,
} from 'n8n-workflow';

import { ZENVIA_BASE_URLS } from '../../../credentials/ZenviaChatApi.credentials';
import { httpFailure, networkFailure, unreadableAnswer } from './errors';
import { redact } from './redact';
import {
	MAX_ATTEMPTS,
	MAX_RETRY_AFTER_MS,
	backoffDelayMs,
	isRetryableNetworkError,
	isRetryableStatus,
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
 * retries what is safe to retry, and turns every failure into an error that never shows the token.
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
	const secrets = credentialSecrets(credentials);
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
		timeout: REQUEST_TIMEOUT_MS,
	};

	for (let attempt = 1; ; attempt++) {
		let response: IN8nHttpFullResponse;
		try {
			// Each attempt gets fresh copies: the credential adds the token to them.
			response = (await context.helpers.httpRequestWithAuthentication.call(context, CREDENTIAL_TYPE, {
				...options,
				qs: options.qs && { ...options.qs },
				body: options.body && { ...(options.body as IDataObject) },
			}, authentication)) as IN8nHttpFullResponse;
		} catch (error) {
			const code = networkErrorCode(error);
			if (attempt < MAX_ATTEMPTS && isRetryableNetworkError(code, request.method)) {
				await sleep(backoffDelayMs(attempt));
				continue;
			}
			throw networkFailure(node, { code, baseUrl, attempts: attempt, itemIndex });
		}

		const status = response.statusCode;
		const raw = typeof response.body === 'string' ? response.body : JSON.stringify(response.body ?? '');
		const text = [...secrets, ...(request.secrets ?? [])].reduce((redacted, secret) => redact(redacted, secret), raw);
		const parsed = parseJson(text);
		const failed = status < 200 || status >= 300;
		// A JSON `null` answer is passed on as it is; `success: false` is a refusal even with HTTP 200.
		if (!failed && parsed.ok && (parsed.value as { success?: unknown } | null)?.success !== false) {
			return parsed.value as T;
		}
		if (!failed && !parsed.ok) {
			throw unreadableAnswer(node, { status, text, itemIndex });
		}

		if (attempt < MAX_ATTEMPTS && isRetryableStatus(status, request.method)) {
			const wait = parseRetryAfterMs(response.headers?.['retry-after']) ?? backoffDelayMs(attempt);
			if (wait <= MAX_RETRY_AFTER_MS) {
				await sleep(wait);
				continue;
			}
		}
		const body = parsed.ok ? parsed.value : text;
		const reported = failed ? status : Number((body as { status?: unknown } | null)?.status) || status;
		throw httpFailure(node, { status: reported, body, token: request.token, attempts: attempt, itemIndex });
	}
}
