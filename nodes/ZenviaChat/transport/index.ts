import { sleep } from 'n8n-workflow';
import type {
	IExecuteFunctions,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IN8nHttpFullResponse,
	INode,
} from 'n8n-workflow';

import { ZENVIA_BASE_URLS, activeOverrides } from '../../../credentials/ZenviaChatApi.credentials';
import { readAnswer } from './answer';
import { credentialSecrets, decryptedWithToken, pickToken } from './credentials';
import { describeDuration, emptyAnswerFailure, httpFailure, networkFailure, timeLimitFailure, unreadableAnswer } from './errors';
import { LimiterTimeout, type RequestTicket } from './rateLimiter';
import { Redactor } from './redact';
import { decideAfter, parseRetryAfterMs, type AttemptOutcome } from './retry';
import { CREDENTIAL_TYPE, type ItemRun } from './run';
import type { ZenviaApi, ZenviaCredentials, ZenviaRequest } from './types';

export type { ZenviaApi, ZenviaRequest, ZenviaTokenKind } from './types';
export type { ItemRun, ZenviaExecution } from './run';
export { CREDENTIAL_TYPE, DEFAULT_ITEM_TIME_LIMIT_SECONDS, Deadline, credentialsOnce, standaloneRun } from './run';

const REQUEST_TIMEOUT_MS = 60_000;

type ZenviaContext = IExecuteFunctions | ILoadOptionsFunctions;

/** Each API's base URL: the credential's override, else Zenvia's host for the environment. */
export function baseUrlFor(api: ZenviaApi, given: ZenviaCredentials): string {
	// The overrides count only while Custom Base URLs is on, whoever hands the credential over.
	const credentials = activeOverrides(given);
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

type Sent = { ok: true; response: IN8nHttpFullResponse } | { ok: false; code?: string };

/** One attempt: one request through n8n's helper, which lets the credential place the token. */
async function sendOnce(
	context: ZenviaContext,
	options: IHttpRequestOptions,
	authentication: { credentialsDecrypted: ReturnType<typeof decryptedWithToken> },
): Promise<Sent> {
	try {
		// Each attempt gets fresh copies: the credential adds the token to them.
		const fresh = { ...options, qs: options.qs && { ...options.qs }, body: options.body && { ...(options.body as object) } };
		const response = await context.helpers.httpRequestWithAuthentication.call(context, CREDENTIAL_TYPE, fresh, authentication);
		return { ok: true, response: response as IN8nHttpFullResponse };
	} catch (error) {
		return { ok: false, code: networkErrorCode(error) };
	}
}

interface Connection {
	baseUrl: string;
	authentication: { credentialsDecrypted: ReturnType<typeof decryptedWithToken> };
	secrets: string[];
	redactor: Redactor;
}

/**
 * The base URL, n8n's authentication argument and the redactor for one API and token kind, made
 * once per execution. A missing token fails here, before any request, for every item that needs it.
 */
async function connectionFor(context: ZenviaContext, request: ZenviaRequest, run: ItemRun): Promise<Connection> {
	const key = `${request.api} ${request.token}`;
	const known = run.execution.connections.get(key) as Connection | undefined;
	if (known) return known;
	const node = context.getNode();
	const credentials = await run.execution.credentials();
	const token = pickToken(node, credentials, request.token, run);
	const secrets = credentialSecrets(credentials);
	const connection: Connection = {
		baseUrl: baseUrlFor(request.api, credentials),
		authentication: { credentialsDecrypted: decryptedWithToken(node, credentials, token) },
		secrets,
		redactor: new Redactor(secrets),
	};
	run.execution.connections.set(key, connection);
	return connection;
}

/** Waits for the limiter's ticket within the item's time limit; the reason it could not, otherwise. */
async function acquire(run: ItemRun): Promise<{ ticket?: RequestTicket; timedOut?: string }> {
	const { limiter } = run.execution;
	if (!limiter) return {};
	// A time-out becomes the item's time-limit error; a cancellation (an earlier item failed) goes on up.
	return await limiter.acquire(run.itemIndex, run.deadline.endsAt).then(
		(ticket) => ({ ticket }),
		async (error: unknown) => (error instanceof LimiterTimeout ? { timedOut: `waiting for ${error.message}` } : await Promise.reject(error)),
	);
}

/**
 * The one place that talks to Zenvia. It makes one attempt at a time and asks the retry policy
 * (retry.ts) what to do after each: retry, after how long, or fail and how. Every wait (the
 * limiter, a Retry-After, a backoff) stays inside the item's time limit; every answer is read
 * against its endpoint's documented shape; no error ever shows a secret.
 */
export async function zenviaRequest<T>(context: ZenviaContext, request: ZenviaRequest, run: ItemRun): Promise<T> {
	const node: INode = context.getNode();
	const { itemIndex, deadline } = run;
	const connection = await connectionFor(context, request, run);
	const { baseUrl, authentication } = connection;
	// Whatever else the request carries that is secret (an agent's password) is hidden too.
	const redactor = request.secrets?.length ? new Redactor([...connection.secrets, ...request.secrets]) : connection.redactor;
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
	// Past its checks: the next item may start its own, and this one waits for its conversation's turn.
	await run.ready();

	/** What the last attempt ended with, and whether any attempt may have taken effect. */
	let last = 'was not sent';
	/** The first attempt that may have taken effect, e.g. "HTTP 504", once there is one. */
	let tookEffectBy: string | undefined;
	const outOfTime = (attempts: number, waitingFor?: string) =>
		timeLimitFailure(node, {
			waited: describeDuration(deadline.elapsedMs),
			limit: describeDuration(deadline.limitMs),
			attempts,
			last: waitingFor ? `${last}, then ran out ${waitingFor}` : last,
			mayHaveTakenEffect: tookEffectBy !== undefined,
			itemIndex,
		});

	let rateLimitedAnswers = 0;
	/** Attempts that count against the policy's maximum: a 429 the limiter paces does not. */
	let counted = 0;
	for (let attempt = 1; ; attempt++) {
		counted++;
		if (deadline.remainingMs <= 0) throw outOfTime(attempt - 1);
		const { ticket, timedOut } = await acquire(run);
		if (timedOut) throw outOfTime(attempt - 1, timedOut);
		const sent = await sendOnce(context, { ...options, timeout: Math.max(1, Math.min(REQUEST_TIMEOUT_MS, deadline.remainingMs)) }, authentication);

		let outcome: AttemptOutcome;
		let body: unknown;
		let reportedStatus: number | undefined;
		if (!sent.ok) {
			if (ticket) run.execution.limiter?.release(ticket, false);
			outcome = { kind: 'network', code: sent.code };
			last = `ended with network error ${sent.code ?? '(no code)'}`;
		} else {
			const { statusCode: status, headers } = sent.response;
			const retryAfterMs = parseRetryAfterMs(headers?.['retry-after']);
			const answer = readAnswer(sent.response, request, redactor);
			if (answer.kind === 'success') {
				if (ticket) run.execution.limiter?.release(ticket);
				return answer.value as T;
			}
			if (answer.kind === 'unreadable' || answer.kind === 'missing') {
				if (ticket) run.execution.limiter?.release(ticket);
				if (answer.kind === 'missing') throw emptyAnswerFailure(node, { status, expected: answer.expected, itemIndex });
				throw unreadableAnswer(node, { status, text: answer.text, what: answer.what, isWrite: request.method !== 'GET', itemIndex });
			}
			body = answer.body;
			if (tookEffectBy && answer.said && request.doneOnRetry?.test(answer.said)) {
				if (ticket) run.execution.limiter?.release(ticket);
				return { success: true, alreadyDone: true, message: answer.said, earlierAttempt: tookEffectBy } as T;
			}
			reportedStatus = answer.reportedStatus;
			outcome = answer.refusedInBody ? { kind: 'refusedInBody', status } : { kind: 'status', status, retryAfterMs };
			last = `was answered HTTP ${status}${retryAfterMs !== undefined ? ` asking to wait ${describeDuration(retryAfterMs)}` : ''}`;
			if (status === 429) rateLimitedAnswers++;
		}

		const decision = decideAfter({
			method: request.method,
			outcome,
			attempt: counted,
			remainingMs: deadline.remainingMs,
			paced: run.execution.limiter !== undefined,
			rateLimitedAnswers,
		});
		if (decision.mayHaveTakenEffect) tookEffectBy ??= outcome.kind === 'network' ? `network error ${outcome.code ?? '(no code)'}` : `HTTP ${outcome.status}`;
		const mayHaveTakenEffect = tookEffectBy !== undefined;
		if (ticket && sent.ok) {
			// A 429 the node will wait out slows the whole execution down; one it gives up on does not
			// hold the other items: they get their own answers.
			const pause = decision.action === 'retry' && decision.byLimiter;
			if (pause) run.execution.limiter?.rateLimited(ticket, decision.waitMs);
			else run.execution.limiter?.release(ticket, outcome.kind === 'status' && outcome.status < 500 && outcome.status !== 429);
		}
		if (decision.action === 'retry' && decision.byLimiter) counted--;
		if (decision.action === 'retry') {
			// Paced by the limiter, the next acquire does the waiting.
			if (!decision.byLimiter) await sleep(decision.waitMs);
			continue;
		}
		if (decision.reason === 'outOfTime') throw outOfTime(attempt);
		if (outcome.kind === 'network') {
			throw networkFailure(node, { code: outcome.code, baseUrl, attempts: attempt, mayHaveTakenEffect, itemIndex });
		}
		const askedWait = decision.askedWaitMs === undefined ? undefined : describeDuration(decision.askedWaitMs);
		throw httpFailure(node, {
			status: outcome.status,
			reportedStatus,
			body,
			token: request.token,
			attempts: attempt,
			askedWait,
			mayHaveTakenEffect,
			itemIndex,
		});
	}
}
