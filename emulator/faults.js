// @ts-check
'use strict';

const { isPlainObject } = require('./http-util');

/**
 * A misbehaviour to inject before normal handling.
 * @typedef {object} Fault
 * @property {string} path exact path, or a prefix ending with "*"
 * @property {string} [method] any method when omitted
 * @property {number} [status] answer this status instead of handling the request
 * @property {unknown} [body] answer body (default: { message, status })
 * @property {BodyKind} [bodyKind] how the answer's body is written (see BODY_KINDS)
 * @property {number} [latencyMs] wait first; without status, then answer normally
 * @property {number} [retryAfter] seconds, sent as Retry-After
 * @property {boolean} [drop] destroy the socket before reading the request
 * @property {boolean} [dropAfterReceive] read and handle the request (state changes), then destroy the socket unanswered
 * @property {boolean} [dropMidAnswer] handle the request (state changes), send the status line, headers and half the body, then destroy the socket
 * @property {number} [times] apply to the next N matching requests only
 * @property {number} [skip] let the first N matching requests through untouched (e.g. fault the second item of a run)
 */

/** @typedef {'drop' | 'dropAfterReceive' | 'dropMidAnswer' | 'status' | 'latency'} FaultKind */

/**
 * json: `body` or `{message, status}`; not-json: a broken body labelled application/json;
 * html: a gateway error page; json-string: `"ok"`; json-null: `null`; empty: no body at all;
 * error-shape: the Reports API's `{error, status, success: false}`; echo-token: a `{message,
 * status}` whose message repeats the request's token raw, JSON-escaped, URL-encoded (upper and
 * lower case hex, `+` for spaces) and base64, as a careless server would.
 * @typedef {'json' | 'not-json' | 'html' | 'json-string' | 'json-null' | 'empty' | 'error-shape' | 'echo-token'} BodyKind
 */
const BODY_KINDS = ['json', 'not-json', 'html', 'json-string', 'json-null', 'empty', 'error-shape', 'echo-token'];

/**
 * @param {unknown} input
 * @returns {{ error: string } | { fault: Fault }}
 */
function parseFault(input) {
	if (!isPlainObject(input)) return { error: 'A fault must be a JSON object' };
	const fault = /** @type {Fault} */ ({ ...input });
	if (typeof fault.path !== 'string' || !fault.path.startsWith('/')) return { error: 'fault.path must start with "/"' };
	if (fault.method !== undefined && typeof fault.method !== 'string') return { error: 'fault.method must be a string' };
	if (fault.status !== undefined && !(Number.isInteger(fault.status) && fault.status >= 100 && fault.status <= 599)) {
		return { error: 'fault.status must be an HTTP status code' };
	}
	if (fault.bodyKind !== undefined && !BODY_KINDS.includes(fault.bodyKind)) return { error: `fault.bodyKind must be one of ${BODY_KINDS.join(', ')}` };
	for (const key of /** @type {const} */ (['latencyMs', 'retryAfter'])) {
		const value = fault[key];
		if (value !== undefined && !(typeof value === 'number' && value >= 0)) return { error: `fault.${key} must be a number >= 0` };
	}
	if (fault.times !== undefined && !(Number.isInteger(fault.times) && fault.times > 0)) return { error: 'fault.times must be a positive integer' };
	if (fault.skip !== undefined && !(Number.isInteger(fault.skip) && fault.skip >= 0)) return { error: 'fault.skip must be an integer >= 0' };
	const effects = [
		fault.status !== undefined,
		fault.drop === true,
		fault.dropAfterReceive === true,
		fault.dropMidAnswer === true,
		fault.latencyMs !== undefined,
	];
	if (!effects.some(Boolean)) return { error: 'A fault needs status, drop, dropAfterReceive, dropMidAnswer or latencyMs' };
	if (fault.method) fault.method = fault.method.toUpperCase();
	return { fault };
}

/** @param {Fault} fault @returns {FaultKind} */
function kindOf(fault) {
	if (fault.drop) return 'drop';
	if (fault.dropAfterReceive) return 'dropAfterReceive';
	if (fault.dropMidAnswer) return 'dropMidAnswer';
	if (fault.status !== undefined) return 'status';
	return 'latency';
}

/**
 * @param {Fault} fault
 * @param {string} method
 * @param {string} path
 */
function matches(fault, method, path) {
	if (fault.method && fault.method !== method) return false;
	return fault.path.endsWith('*') ? path.startsWith(fault.path.slice(0, -1)) : path === fault.path;
}

/**
 * First-added fault wins; a fault with `times` is used up and removed after N matches.
 */
function createFaultTable() {
	/** @type {Array<{ fault: Fault, remaining: number, skipping: number }>} */
	let entries = [];
	return {
		/** @param {Fault} fault */
		add(fault) {
			entries.push({ fault, remaining: fault.times ?? Infinity, skipping: fault.skip ?? 0 });
		},
		clear() {
			entries = [];
		},
		list() {
			return entries.map((entry) => ({ ...entry.fault, remaining: entry.remaining === Infinity ? null : entry.remaining }));
		},
		/**
		 * @param {string} method
		 * @param {string} path
		 * @returns {Fault | undefined}
		 */
		take(method, path) {
			const entry = entries.find((candidate) => matches(candidate.fault, method, path));
			if (!entry) return undefined;
			if (entry.skipping > 0) {
				entry.skipping -= 1;
				return undefined;
			}
			entry.remaining -= 1;
			if (entry.remaining <= 0) entries = entries.filter((candidate) => candidate !== entry);
			return entry.fault;
		},
	};
}

/**
 * The forms a token takes when a server writes it back: raw, JSON-escaped slashes, URL-encoded
 * with upper and lower case hex and `+` for a space, and base64.
 * @param {string} token
 */
function echoedTokenForms(token) {
	const encoded = encodeURIComponent(token).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
	return [
		token,
		token.replace(/\//g, '\\/'),
		encoded,
		encoded.replace(/%[0-9A-F]{2}/g, (hex) => hex.toLowerCase()),
		new URLSearchParams({ t: token }).toString().slice(2),
		Buffer.from(token, 'utf8').toString('base64'),
	];
}

/**
 * Status, headers and text of a faulted answer.
 * @param {Fault} fault
 * @param {string} [token] the token the request carried, for echo-token
 * @returns {{ status: number, contentType: string, text: string, headers: Record<string, string> }}
 */
function faultAnswer(fault, token = '') {
	const status = fault.status ?? 500;
	/** @type {Record<string, string>} */
	const headers = fault.retryAfter !== undefined ? { 'Retry-After': String(fault.retryAfter) } : {};
	const kind = fault.bodyKind ?? 'json';
	if (kind === 'html') {
		const text = typeof fault.body === 'string' ? fault.body : `<html><head><title>${status}</title></head><body><h1>${status} Error</h1><p>Emulated gateway page</p></body></html>`;
		return { status, contentType: 'text/html; charset=utf-8', text, headers };
	}
	if (kind === 'not-json') {
		const text = typeof fault.body === 'string' ? fault.body : `upstream error ${status} {not json`;
		return { status, contentType: 'application/json; charset=utf-8', text, headers };
	}
	const json = 'application/json; charset=utf-8';
	if (kind === 'json-string') return { status, contentType: json, text: JSON.stringify(typeof fault.body === 'string' ? fault.body : 'ok'), headers };
	if (kind === 'json-null') return { status, contentType: json, text: 'null', headers };
	if (kind === 'empty') return { status, contentType: json, text: '', headers };
	if (kind === 'error-shape') {
		const error = typeof fault.body === 'string' ? fault.body : `Emulated fault ${status}`;
		return { status, contentType: json, text: JSON.stringify({ error, status, success: false }), headers };
	}
	if (kind === 'echo-token') {
		// Written by hand: JSON.stringify would undo the escaped slash this fault is about.
		const message = `Invalid token ${echoedTokenForms(token).join(' | ')}`.replace(/"/g, '\\"');
		return { status, contentType: json, text: `{"message":"${message}","status":${status}}`, headers };
	}
	const body = fault.body !== undefined ? fault.body : { message: `Emulated fault ${status}`, status };
	return { status, contentType: 'application/json; charset=utf-8', text: JSON.stringify(body), headers };
}

module.exports = { parseFault, kindOf, createFaultTable, faultAnswer, echoedTokenForms };
