// @ts-check
'use strict';

/**
 * What every product route sees: the shared state, the accepted tokens and the data set.
 * @typedef {object} Backend
 * @property {import('../state').EmulatorState} state
 * @property {() => string[]} tokens
 * @property {() => import('../data').Dataset} dataset
 */

/**
 * @typedef {object} RequestContext
 * @property {string[]} params path captures
 * @property {Record<string, string>} query
 * @property {import('../http-util').ParsedBody} body
 * @property {Backend} backend
 */

/** @typedef {{ status: number, body: unknown, headers?: Record<string, string> }} Answer */

/**
 * @typedef {object} Route
 * @property {'GET' | 'POST' | 'PUT' | 'DELETE'} method
 * @property {RegExp} pattern matched against the whole path; groups become params
 * @property {(ctx: RequestContext) => Answer} handle
 */

/**
 * @param {Backend} backend
 * @param {unknown} token
 */
function isAcceptedToken(backend, token) {
	return typeof token === 'string' && token !== '' && backend.tokens().includes(token);
}

/**
 * Shared by the Chat and WhatsApp APIs, which both answer `{ message, status }`.
 * @param {number} status
 * @param {string} message
 * @returns {Answer}
 */
function messageError(status, message) {
	return { status, body: { message, status } };
}

/** The body every documented "generate a new token" situation ends in. */
const INVALID_TOKEN_MESSAGE = 'Invalid token';

module.exports = { isAcceptedToken, messageError, INVALID_TOKEN_MESSAGE };
