import type { IHttpRequestMethods, IN8nHttpFullResponse } from 'n8n-workflow';

import { apiErrorMessage } from './errors';
import type { Redactor } from './redact';
import type { ZenviaAnswerShape, ZenviaRequest } from './types';

/** An answer read against what its endpoint documents. */
export type ReadAnswer =
	| { kind: 'success'; value: unknown }
	/** A 2xx that is not what the endpoint documents (an HTML page, a JSON string, null on a read). */
	| { kind: 'unreadable'; what: string; text: string }
	/** A 2xx with nothing in it, from a write whose answer carries what the workflow needs next. */
	| { kind: 'missing'; expected: string }
	/** A failure: an HTTP failure status, or a 2xx whose body reports one. */
	| { kind: 'failure'; refusedInBody: boolean; reportedStatus?: number; body: unknown; said?: string };

function describe(value: unknown): string {
	if (value === null) return 'JSON null';
	if (Array.isArray(value)) return 'a JSON list';
	if (typeof value === 'string') return 'a JSON string';
	return `a JSON ${typeof value}`;
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
	try {
		return { ok: true, value: JSON.parse(text) as unknown };
	} catch {
		return { ok: false };
	}
}

/**
 * The failure a 2xx body reports, if any. Zenvia documents several refusals only as bodies
 * (`{status: 500, errors: [...]}` from the task import, `{status: 404, message}` from the form
 * fields, `success: false` from the reports) and serves some of them with HTTP 200. A partial
 * success (customers) lists refused entries beside saved ones: its operation reads them itself.
 */
function refusalIn(value: object, partialSuccess: boolean): { reportedStatus?: number } | undefined {
	const { status, success, errors } = value as { status?: unknown; success?: unknown; errors?: unknown };
	const said = Number(status);
	const reportedStatus = Number.isInteger(said) && said >= 400 ? said : undefined;
	if (success === false) return { reportedStatus };
	if (partialSuccess) return undefined;
	if (reportedStatus !== undefined || (Array.isArray(errors) && errors.length > 0)) return { reportedStatus };
	return undefined;
}

/** A success answer with nothing in it, where nothing is expected back (Update, Finish, typing). */
export function emptyAnswerItem(status: number) {
	return {
		success: true,
		emptyAnswer: true,
		status,
		message: `Zenvia Chat accepted the request (HTTP ${status}) and sent no details`,
	};
}

/**
 * Reads one answer. Every documented success answer is a JSON object (`{message, status, data?}`),
 * and two lists are also served bare (departments, conversation messages). The text is redacted
 * before anything is read from it.
 */
export function readAnswer(
	response: IN8nHttpFullResponse,
	request: Pick<ZenviaRequest, 'method' | 'answer' | 'expects' | 'partialSuccess'>,
	redactor: Redactor,
): ReadAnswer {
	const status = response.statusCode;
	const raw = typeof response.body === 'string' ? response.body : JSON.stringify(response.body ?? '');
	const text = redactor.text(raw);
	// Without a backslash every parsed string is a slice of the text just redacted; with one,
	// parsing may join escapes into a secret, so the parsed value is redacted as well.
	const clean = <V>(value: V): V => (text.includes('\\') ? redactor.value(value) : value);
	const empty = !text.trim();
	const parsed = empty ? ({ ok: true, value: null } as const) : parseJson(text);

	if (status < 200 || status >= 300) {
		const body = empty ? null : clean(parsed.ok ? parsed.value : text);
		return { kind: 'failure', refusedInBody: false, body, said: apiErrorMessage(body) };
	}
	if (!parsed.ok) return { kind: 'unreadable', what: 'a body that is not JSON', text };
	const value = clean(parsed.value);
	if (value === null) {
		if (isRead(request.method)) return { kind: 'unreadable', what: empty ? 'an empty body' : 'JSON null', text };
		if (request.expects) return { kind: 'missing', expected: request.expects };
		return { kind: 'success', value: emptyAnswerItem(status) };
	}
	const shape: ZenviaAnswerShape = request.answer ?? 'object';
	if (Array.isArray(value)) {
		return shape === 'objectOrList' ? { kind: 'success', value } : { kind: 'unreadable', what: describe(value), text };
	}
	if (typeof value !== 'object') return { kind: 'unreadable', what: describe(value), text };
	const refused = refusalIn(value, request.partialSuccess === true);
	if (refused) return { kind: 'failure', refusedInBody: true, ...refused, body: value, said: apiErrorMessage(value) };
	return { kind: 'success', value };
}

const isRead = (method: IHttpRequestMethods) => method === 'GET' || method === 'HEAD';
