// @ts-check
'use strict';

// Every way the emulator can misbehave, and what the node must make of it for the second of three
// items (Continue On Fail). The fault hits the item's first attempt only (`skip: 1, times: 1`), so
// a retried item then gets a normal answer.
//
// Retries (nodes/ZenviaChat/transport/retry.ts): a GET or a PUT (idempotent) is sent again after
// 429, 502, 503, 504, a reset or a lost answer; a POST only after a 429 (Zenvia did not act) or a
// connection that never opened: a POST answered 5xx, reset or left unanswered may have reached
// Zenvia, and a second one could send a customer the same message twice. A failed write whose
// attempt may have taken effect (a 5xx, a reset, a lost answer) says so in its description; a read
// or a refusal (4xx, 429, a refusal in a 200 body) never does.
//
// A 200 whose body reports a failure (`status >= 400`, `success: false`, a non-empty `errors`
// list) is a failure named after the status it reports. A 200 with nothing in it (empty, JSON
// null) fails a read; a write that answers nothing back passes, except the three whose answer
// carries the hash the workflow needs next (Start, WhatsApp Send Message, Leave Message for Team).

/**
 * @typedef {object} Expected
 * @property {'ok' | 'error'} outcome what item 2 becomes
 * @property {number} attempts requests item 2 made
 * @property {string} [httpCode] the error item's httpCode
 * @property {RegExp} [error] the error item's message
 * @property {RegExp | false} [warning] the error item's description must match it (`false`: must
 *   not say the request may have taken effect); not checked when undefined
 */

/**
 * @typedef {object} FaultKind
 * @property {string} key
 * @property {string} label
 * @property {Record<string, unknown>} fault without path, skip and times
 * @property {(method: 'GET' | 'POST' | 'PUT', operation: string) => Expected} expect
 */

const idempotent = (/** @type {string} */ method) => method !== 'POST';
const isWrite = (/** @type {string} */ method) => method !== 'GET';
/** What a write's error adds when an attempt may have taken effect (errors.ts, MAY_HAVE_TAKEN_EFFECT). */
const MAY_HAVE_ACTED = /Zenvia may have acted on the request/;
/** Any wording of "it may have taken effect", to check that a description does not say it. */
const ANY_TOOK_EFFECT = /may have (acted|taken effect)/;
/** The writes whose 2xx answer must carry a hash (an empty one fails them). */
const CARRY_A_HASH = new Set(['interaction.start', 'whatsapp.sendMessage', 'interaction.leaveMessageForTeam']);

/**
 * @param {string} httpCode @param {RegExp} [error] @param {RegExp | false} [warning]
 * @returns {Expected}
 */
const failed = (httpCode, error, warning) => ({
	outcome: 'error',
	attempts: 1,
	httpCode,
	...(error ? { error } : {}),
	...(warning === undefined ? {} : { warning }),
});
/** A failure Zenvia may have acted on when the request was a write. @param {string} method */
const mayHaveActed = (method) => (isWrite(method) ? MAY_HAVE_ACTED : false);
/** A 2xx the node cannot read: a write may have taken effect. @param {string} method */
const unreadableWarning = (method) => (isWrite(method) ? /may have taken effect/ : false);
/** @type {Expected} */
const retriedOk = { outcome: 'ok', attempts: 2 };
/** A POST that reached Zenvia and got no answer: not sent again, and it says Zenvia may have acted. */
/** @type {Expected} */
const lostPost = { outcome: 'error', attempts: 1, error: /Could not get an answer from Zenvia Chat/, warning: MAY_HAVE_ACTED };
/** A 200 whose body reports a failure: no retry, no "may have acted", the reported status as httpCode. */
const refusedIn200 = (/** @type {number | undefined} */ reported, /** @type {string} */ said) =>
	failed(String(reported ?? 200), new RegExp(`^Zenvia Chat answered HTTP 200 reporting a failure${reported ? ` \\(status ${reported}\\)` : ''}: ${said}`), false);
/** A 200 with nothing in it. @param {string} method @param {string} operation @returns {Expected} */
const emptyOk = (method, operation) => {
	if (method === 'GET') return failed('200', /HTTP 200 with (an empty body|JSON null), an unreadable answer/, false);
	if (CARRY_A_HASH.has(operation)) return failed('200', /^Zenvia Chat answered HTTP 200 with an empty body, without an? (interaction|message) hash/, MAY_HAVE_ACTED);
	// Nothing expected back: taken as accepted, and the output says no details came.
	return { outcome: 'ok', attempts: 1 };
};

/** @type {FaultKind[]} */
const FAULT_KINDS = [
	{
		key: 'reset',
		label: 'connection reset before the request is read',
		fault: { drop: true },
		// The connection had opened: a POST may have reached Zenvia.
		expect: (method) => (idempotent(method) ? retriedOk : lostPost),
	},
	{
		key: 'lostAnswer',
		label: 'request handled, answer lost (socket closed)',
		fault: { dropAfterReceive: true },
		// A retried Finish finds the interaction finished: that is the outcome asked for.
		expect: (method) => (idempotent(method) ? retriedOk : lostPost),
	},
	{
		key: 'midAnswer',
		label: 'request handled, connection dropped in the middle of the answer',
		fault: { dropMidAnswer: true },
		expect: (method) => (idempotent(method) ? retriedOk : { outcome: 'error', attempts: 1, warning: ANY_TOOK_EFFECT }),
	},
	{ key: 'slow', label: 'answer after 1.5 s', fault: { latencyMs: 1500 }, expect: () => ({ outcome: 'ok', attempts: 1 }) },
	{ key: 's500', label: '500 JSON', fault: { status: 500 }, expect: (method) => failed('500', /HTTP 500/, mayHaveActed(method)) },
	{
		key: 's502html',
		label: '502 HTML gateway page',
		fault: { status: 502, bodyKind: 'html' },
		expect: (method) => (idempotent(method) ? retriedOk : failed('502', /HTML page/, MAY_HAVE_ACTED)),
	},
	// A POST answered 503 is not sent again: nothing says a 503 comes before the work is done.
	{ key: 's503', label: '503', fault: { status: 503 }, expect: (method) => (idempotent(method) ? retriedOk : failed('503', /HTTP 503/, MAY_HAVE_ACTED)) },
	{ key: 's504', label: '504', fault: { status: 504 }, expect: (method) => (idempotent(method) ? retriedOk : failed('504', /HTTP 504/, MAY_HAVE_ACTED)) },
	{ key: 's429', label: '429 with Retry-After 1', fault: { status: 429, retryAfter: 1 }, expect: () => retriedOk },
	{ key: 's429long', label: '429 with Retry-After 3600 (beyond the cap)', fault: { status: 429, retryAfter: 3600 }, expect: () => failed('429', /HTTP 429/, false) },
	{ key: 's401', label: '401 invalid token', fault: { status: 401, body: { message: 'Invalid token', status: 401 } }, expect: () => failed('401', /Invalid token/, false) },
	{ key: 's422', label: '422 validation', fault: { status: 422, body: { message: 'Invalid field', status: 422 } }, expect: () => failed('422', /Invalid field/, false) },
	{
		key: 'errorShape',
		label: '404 {error,status,success}',
		fault: { status: 404, body: { error: 'Protocol not found', status: 404, success: false } },
		expect: () => failed('404', /Protocol not found/, false),
	},
	{
		key: 'okFailure',
		label: '200 {error,status:500,success:false}',
		fault: { status: 200, body: { error: 'Something failed', status: 500, success: false } },
		expect: () => refusedIn200(500, 'Something failed'),
	},
	{
		key: 'okErrors500',
		label: '200 {status:500,errors:[...]} (the task import\'s refusal)',
		fault: { status: 200, body: { status: 500, errors: ['Agents not found: 99', 'Department not found: 7'] } },
		expect: () => refusedIn200(500, 'Agents not found: 99; Department not found: 7'),
	},
	{
		key: 'ok404Message',
		label: '200 {status:404,message} (the form fields\' refusal)',
		fault: { status: 200, body: { status: 404, message: 'Form not found' } },
		expect: () => refusedIn200(404, 'Form not found'),
	},
	{
		key: 'okErrorsList',
		label: '200 {errors:[...]} without a failure status',
		fault: { status: 200, body: { errors: ['Field phone is invalid'] } },
		expect: () => refusedIn200(undefined, 'Field phone is invalid'),
	},
	// An answer that is not what the endpoint documents: the request reached Zenvia, and a write says it may have acted.
	{ key: 'okNotJson', label: '200 broken JSON', fault: { status: 200, bodyKind: 'not-json' }, expect: (method) => failed('200', /not JSON/, unreadableWarning(method)) },
	{ key: 'okHtml', label: '200 HTML page', fault: { status: 200, bodyKind: 'html' }, expect: (method) => failed('200', /an unreadable answer/, unreadableWarning(method)) },
	{ key: 'okString', label: '200 JSON string', fault: { status: 200, bodyKind: 'json-string' }, expect: (method) => failed('200', /a JSON string/, unreadableWarning(method)) },
	{
		key: 'okNull',
		label: '200 JSON null',
		fault: { status: 200, bodyKind: 'json-null' },
		// Like an empty body: a read has no data, a write that needs nothing back is taken as accepted.
		expect: emptyOk,
	},
	{
		key: 'okEmpty',
		label: '200 empty body',
		fault: { status: 200, bodyKind: 'empty' },
		expect: emptyOk,
	},
	{
		key: 'echoToken',
		label: '401 echoing the token raw, escaped, URL-encoded and base64',
		fault: { status: 401, bodyKind: 'echo-token' },
		expect: () => failed('401', /Invalid token/, false),
	},
];

module.exports = { FAULT_KINDS, ANY_TOOK_EFFECT };
