import { NodeApiError } from 'n8n-workflow';
import type { INode, JsonObject } from 'n8n-workflow';

import { ZENVIA_TOKENS } from '../../../credentials/ZenviaChatApi.credentials';
import type { ZenviaErrorBody, ZenviaTokenKind } from './types';

/** Why Zenvia refuses a token, and where to get the right one. */
export function refusedTokenHint(kind: ZenviaTokenKind): string {
	const { label, screen } = ZENVIA_TOKENS[kind];
	return `The ${label} is wrong or was regenerated (a new token disables the previous one). Copy the current one from ${screen} in the Zenvia admin into the ${label} field of the Zenvia Chat API credential.`;
}

/** Finds the API's own words in any of the error shapes Zenvia answers with. */
export function apiErrorMessage(body: unknown): string | undefined {
	if (typeof body === 'string') {
		const text = body.trim();
		if (text.startsWith('<')) return 'an HTML page instead of JSON (a proxy or gateway error page)';
		return text ? text.slice(0, 300) : undefined;
	}
	if (typeof body !== 'object' || body === null) return undefined;
	const { message, error, error_type: errorType, errors } = body as ZenviaErrorBody;
	const nested =
		typeof error === 'object' && error !== null ? (error as ZenviaErrorBody).message : undefined;
	// The task import answers its refusals as a list: { status: 500, errors: ["Agents not found ..."] }.
	const listed = Array.isArray(errors) ? errors.filter((part) => typeof part === 'string').join('; ') : undefined;
	// A listed refusal says what went wrong; a message beside it may only be the endpoint's greeting.
	const text = [listed, message, error, nested].find((part) => typeof part === 'string' && part.trim());
	if (typeof text !== 'string') return undefined;
	return typeof errorType === 'string' && errorType ? `${text} (${errorType})` : text;
}

/** "95 s", "2.5 s", "1 h 5 min": for error messages. */
export function describeDuration(ms: number): string {
	const seconds = ms / 1000;
	if (seconds < 10) return `${Math.round(seconds * 10) / 10} s`;
	if (seconds < 600) return `${Math.round(seconds)} s`;
	const minutes = Math.round(seconds / 60);
	return minutes < 120 ? `${minutes} min` : `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

/**
 * Said whenever an attempt of a write may have taken effect (a 5xx, a lost or broken answer):
 * running the node again could then do the same thing twice, e.g. send a customer a message twice.
 */
export const MAY_HAVE_TAKEN_EFFECT =
	' Zenvia may have acted on the request although no usable answer came back: check in Zenvia Chat (the interaction\'s messages, the customer or the task) before running the node again, or the action may happen twice.';

function hintFor(status: number, token: ZenviaTokenKind, attempts: number, askedWait?: string): string {
	const retried = attempts > 1 ? ` It failed ${attempts} times in a row.` : '';
	if (askedWait) {
		return `Zenvia Chat asked to wait ${askedWait} (Retry-After) before trying again, longer than this node waits. Run it again after that, or process fewer items at a time.`;
	}
	if (status === 401 || status === 403) return refusedTokenHint(token);
	if (status === 404) return 'Zenvia Chat does not know this item: check the hash or id sent.';
	if (status === 400 || status === 422) return 'Zenvia Chat refused the fields sent: correct the field the message names.';
	if (status === 429) return `Zenvia Chat is limiting requests.${retried} Wait a little, or process fewer items at a time.`;
	if (status >= 500) return `Zenvia Chat failed to answer.${retried} Try again later.`;
	return 'Check the node\'s fields and the credential\'s base URL.';
}

/** An error for a request Zenvia answered with a failure status. */
export function httpFailure(
	node: INode,
	failure: {
		status: number;
		/** The failure status a 2xx body reported, e.g. 500 in `{status: 500, errors: [...]}`. */
		reportedStatus?: number;
		body: unknown;
		token: ZenviaTokenKind;
		attempts: number;
		askedWait?: string;
		mayHaveTakenEffect?: boolean;
		itemIndex?: number;
	},
): NodeApiError {
	const { status, reportedStatus, body, token, attempts, askedWait, mayHaveTakenEffect, itemIndex } = failure;
	const said = apiErrorMessage(body);
	const inBody = status < 300 ? ` reporting a failure${reportedStatus ? ` (status ${reportedStatus})` : ''}` : '';
	const code = reportedStatus ?? status;
	return new NodeApiError(node, { httpCode: String(code), body: body ?? null } as JsonObject, {
		httpCode: String(code),
		message: `Zenvia Chat answered HTTP ${status}${inBody}${said ? `: ${said}` : ''}`,
		description: hintFor(code, token, attempts, askedWait) + (mayHaveTakenEffect ? MAY_HAVE_TAKEN_EFFECT : ''),
		itemIndex,
	});
}

/** An error for a request that got no usable answer at all. */
export function networkFailure(
	node: INode,
	failure: { code?: string; baseUrl: string; attempts: number; mayHaveTakenEffect?: boolean; itemIndex?: number },
): NodeApiError {
	const { code, baseUrl, attempts, mayHaveTakenEffect, itemIndex } = failure;
	const reason = code ? `network error ${code}` : 'no answer';
	const next = mayHaveTakenEffect ? MAY_HAVE_TAKEN_EFFECT : ' Then run the node again.';
	// The code is kept out of the message: n8n would swap such a message for a generic one.
	return new NodeApiError(node, { networkError: code ?? null } as JsonObject, {
		message: `Could not get an answer from Zenvia Chat at ${baseUrl}`,
		description: `The request ended with ${reason} after ${attempts} attempt(s). Check the base URL in the credential and that the host is reachable.${next}`,
		itemIndex,
	});
}

/**
 * An error for a write answered 2xx with nothing in it, where the answer must carry what the
 * workflow needs next (an interaction hash): the next node would fail far from the cause.
 */
export function emptyAnswerFailure(node: INode, failure: { status: number; expected: string; itemIndex?: number }): NodeApiError {
	return new NodeApiError(node, { httpCode: String(failure.status) } as JsonObject, {
		httpCode: String(failure.status),
		message: `Zenvia Chat answered HTTP ${failure.status} with an empty body, without ${failure.expected}`,
		description: `Zenvia may have acted on the request but sent no ${failure.expected}, which the workflow needs next. Check in Zenvia Chat whether it took effect (e.g. the customer's interactions and messages) before running the node again.`,
		itemIndex: failure.itemIndex,
	});
}

/**
 * An error for a 2xx answer that is not what the endpoint documents (an HTML page, a JSON string,
 * null, an empty body on a read).
 */
export function unreadableAnswer(
	node: INode,
	failure: { status: number; text: string; what: string; isWrite: boolean; itemIndex?: number },
): NodeApiError {
	const excerpt = failure.text.trim().slice(0, 120);
	const tookEffect = failure.isWrite
		? ' The request reached Zenvia and may have taken effect: check in Zenvia Chat before running it again.'
		: '';
	return new NodeApiError(node, { httpCode: String(failure.status) } as JsonObject, {
		httpCode: String(failure.status),
		message: `Zenvia Chat answered HTTP ${failure.status} with ${failure.what}, an unreadable answer`,
		description: `${excerpt ? `The answer began with: ${excerpt}` : 'The answer was empty'}. Check that the credential's base URL points at Zenvia Chat and not at another server or a proxy's error page.${tookEffect}`,
		itemIndex: failure.itemIndex,
	});
}

/** An error for an item that ran out of its time limit, saying how long it waited and why. */
export function timeLimitFailure(
	node: INode,
	failure: { waited: string; limit: string; attempts: number; last: string; mayHaveTakenEffect?: boolean; itemIndex?: number },
): NodeApiError {
	const lastOne = failure.attempts > 0 ? `; the last one ${failure.last}` : `; the request ${failure.last}`;
	return new NodeApiError(node, { timeLimit: failure.limit } as JsonObject, {
		message: `Gave up on Zenvia Chat after waiting ${failure.waited} (the item's time limit is ${failure.limit})`,
		description: `${failure.attempts} attempt(s)${lastOne}. Raise "Time Limit per Item (Seconds)" under Options, or try again later.${failure.mayHaveTakenEffect ? MAY_HAVE_TAKEN_EFFECT : ''}`,
		itemIndex: failure.itemIndex,
	});
}
