import type { IHttpRequestMethods } from 'n8n-workflow';

import type { ZenviaAnswerShape } from './types';

/** A 2xx answer read against the shape its endpoint documents. */
export type ReadAnswer =
	| { kind: 'value'; value: unknown }
	| { kind: 'empty' }
	| { kind: 'unreadable'; what: string };

function describe(value: unknown): string {
	if (value === null) return 'JSON null';
	if (Array.isArray(value)) return 'a JSON list';
	if (typeof value === 'string') return 'a JSON string';
	return `a JSON ${typeof value}`;
}

/**
 * Every documented success answer is a JSON object (`{message, status, data?}`), and two lists
 * are also served bare (departments, conversation messages). An empty body or `null` carries
 * nothing: for a write it still means Zenvia accepted the request; for a read it is unreadable.
 */
export function readSuccessAnswer(
	text: string,
	method: IHttpRequestMethods,
	shape: ZenviaAnswerShape = 'object',
): ReadAnswer {
	const isRead = method === 'GET' || method === 'HEAD';
	if (!text.trim()) return isRead ? { kind: 'unreadable', what: 'an empty body' } : { kind: 'empty' };
	let value: unknown;
	try {
		value = JSON.parse(text);
	} catch {
		return { kind: 'unreadable', what: 'a body that is not JSON' };
	}
	if (value === null && !isRead) return { kind: 'empty' };
	const isObject = typeof value === 'object' && value !== null && !Array.isArray(value);
	if (isObject || (shape === 'objectOrList' && Array.isArray(value))) return { kind: 'value', value };
	return { kind: 'unreadable', what: describe(value) };
}

/** What a write that got an empty 2xx answer outputs, instead of an empty item. */
export function emptyAnswerItem(status: number) {
	return {
		success: true,
		emptyAnswer: true,
		status,
		message: `Zenvia Chat accepted the request (HTTP ${status}) and sent no details`,
	};
}
