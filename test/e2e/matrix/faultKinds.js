// @ts-check
'use strict';

// Every way the emulator can misbehave, and what the node must make of it for the second of three
// items (Continue On Fail). The fault hits the item's first attempt only (`skip: 1, times: 1`), so
// a retried item then gets a normal answer.
//
// Retries (nodes/ZenviaChat/transport/retry.ts): 429 and 503 are retried for every method (Zenvia
// did not act); 502, 504, a reset and a lost answer only for GET and PUT (idempotent), never for a
// POST that may have reached Zenvia (a second POST could send a customer the same message twice).

/**
 * @typedef {object} Expected
 * @property {'ok' | 'error'} outcome what item 2 becomes
 * @property {number} attempts requests item 2 made
 * @property {string} [httpCode] the error item's httpCode
 * @property {RegExp} [error] the error item's message
 */

/**
 * @typedef {object} FaultKind
 * @property {string} key
 * @property {string} label
 * @property {Record<string, unknown>} fault without path, skip and times
 * @property {(method: 'GET' | 'POST' | 'PUT', operation: string) => Expected} expect
 */

const idempotent = (/** @type {string} */ method) => method !== 'POST';
/** @param {string} httpCode @param {RegExp} [error] @returns {Expected} */
const failed = (httpCode, error) => ({ outcome: 'error', attempts: 1, httpCode, ...(error ? { error } : {}) });
/** @type {Expected} */
const retriedOk = { outcome: 'ok', attempts: 2 };
/** @type {Expected} */
const networkError = { outcome: 'error', attempts: 1, error: /Could not get an answer from Zenvia Chat/ };

/** @type {FaultKind[]} */
const FAULT_KINDS = [
	{
		key: 'reset',
		label: 'connection reset before the request is read',
		fault: { drop: true },
		expect: (method) => (idempotent(method) ? retriedOk : networkError),
	},
	{
		key: 'lostAnswer',
		label: 'request handled, answer lost (socket closed)',
		fault: { dropAfterReceive: true },
		// A retried Finish finds the interaction finished: that is the outcome asked for.
		expect: (method) => (idempotent(method) ? retriedOk : networkError),
	},
	{
		key: 'midAnswer',
		label: 'request handled, connection dropped in the middle of the answer',
		fault: { dropMidAnswer: true },
		expect: (method) => (idempotent(method) ? retriedOk : { outcome: 'error', attempts: 1 }),
	},
	{ key: 'slow', label: 'answer after 1.5 s', fault: { latencyMs: 1500 }, expect: () => ({ outcome: 'ok', attempts: 1 }) },
	{ key: 's500', label: '500 JSON', fault: { status: 500 }, expect: () => failed('500', /HTTP 500/) },
	{
		key: 's502html',
		label: '502 HTML gateway page',
		fault: { status: 502, bodyKind: 'html' },
		expect: (method) => (idempotent(method) ? retriedOk : failed('502', /HTML page/)),
	},
	{ key: 's503', label: '503', fault: { status: 503 }, expect: () => retriedOk },
	{ key: 's504', label: '504', fault: { status: 504 }, expect: (method) => (idempotent(method) ? retriedOk : failed('504')) },
	{ key: 's429', label: '429 with Retry-After 1', fault: { status: 429, retryAfter: 1 }, expect: () => retriedOk },
	{ key: 's429long', label: '429 with Retry-After 3600 (beyond the cap)', fault: { status: 429, retryAfter: 3600 }, expect: () => failed('429') },
	{ key: 's401', label: '401 invalid token', fault: { status: 401, body: { message: 'Invalid token', status: 401 } }, expect: () => failed('401', /Invalid token/) },
	{ key: 's422', label: '422 validation', fault: { status: 422, body: { message: 'Invalid field', status: 422 } }, expect: () => failed('422', /Invalid field/) },
	{
		key: 'errorShape',
		label: '404 {error,status,success}',
		fault: { status: 404, body: { error: 'Protocol not found', status: 404, success: false } },
		expect: () => failed('404', /Protocol not found/),
	},
	{
		key: 'okFailure',
		label: '200 {error,status:500,success:false}',
		fault: { status: 200, body: { error: 'Something failed', status: 500, success: false } },
		expect: () => failed('500', /Something failed/),
	},
	{ key: 'okNotJson', label: '200 broken JSON', fault: { status: 200, bodyKind: 'not-json' }, expect: () => failed('200') },
	{ key: 'okHtml', label: '200 HTML page', fault: { status: 200, bodyKind: 'html' }, expect: () => failed('200') },
	{ key: 'okString', label: '200 JSON string', fault: { status: 200, bodyKind: 'json-string' }, expect: () => failed('200') },
	{
		key: 'okNull',
		label: '200 JSON null',
		fault: { status: 200, bodyKind: 'json-null' },
		// Like an empty body: nothing to read, so a write is taken as accepted and says so.
		expect: (method) => (method === 'GET' ? failed('200') : { outcome: 'ok', attempts: 1 }),
	},
	{
		key: 'okEmpty',
		label: '200 empty body',
		fault: { status: 200, bodyKind: 'empty' },
		// A write Zenvia answered with nothing may have worked (the output says so); a read has no data.
		expect: (method) => (method === 'GET' ? failed('200') : { outcome: 'ok', attempts: 1 }),
	},
	{
		key: 'echoToken',
		label: '401 echoing the token raw, escaped, URL-encoded and base64',
		fault: { status: 401, bodyKind: 'echo-token' },
		expect: () => failed('401', /Invalid token/),
	},
];

module.exports = { FAULT_KINDS };
