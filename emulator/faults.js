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
 * @property {'json' | 'not-json' | 'html'} [bodyKind]
 * @property {number} [latencyMs] wait first; without status, then answer normally
 * @property {number} [retryAfter] seconds, sent as Retry-After
 * @property {boolean} [drop] destroy the socket before reading the request
 * @property {boolean} [dropAfterReceive] read and handle the request (state changes), then destroy the socket unanswered
 * @property {number} [times] apply to the next N matching requests only
 * @property {number} [skip] let the first N matching requests through untouched (e.g. fault the second item of a run)
 */

/** @typedef {'drop' | 'dropAfterReceive' | 'status' | 'latency'} FaultKind */

const BODY_KINDS = ['json', 'not-json', 'html'];

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
	const effects = [fault.status !== undefined, fault.drop === true, fault.dropAfterReceive === true, fault.latencyMs !== undefined];
	if (!effects.some(Boolean)) return { error: 'A fault needs status, drop, dropAfterReceive or latencyMs' };
	if (fault.method) fault.method = fault.method.toUpperCase();
	return { fault };
}

/** @param {Fault} fault @returns {FaultKind} */
function kindOf(fault) {
	if (fault.drop) return 'drop';
	if (fault.dropAfterReceive) return 'dropAfterReceive';
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
 * Status, headers and text of a faulted answer.
 * @param {Fault} fault
 * @returns {{ status: number, contentType: string, text: string, headers: Record<string, string> }}
 */
function faultAnswer(fault) {
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
	const body = fault.body !== undefined ? fault.body : { message: `Emulated fault ${status}`, status };
	return { status, contentType: 'application/json; charset=utf-8', text: JSON.stringify(body), headers };
}

module.exports = { parseFault, kindOf, createFaultTable, faultAnswer };
