// @ts-check
'use strict';

/**
 * The two kinds of token a Zenvia account issues: Menu > Settings > Integrations > API (chatApi)
 * and > ClientSDK (clientSdk). Each endpoint takes the one its document names and refuses the other.
 * @typedef {'chatApi' | 'clientSdk'} TokenKind
 */

/**
 * What every product route sees: the shared state, the accepted tokens and the data set.
 * @typedef {object} Backend
 * @property {import('../state').EmulatorState} state
 * @property {(kind?: TokenKind) => string[]} tokens the accepted tokens of one kind; all without one
 * @property {() => import('../data').Dataset} dataset
 */

/**
 * @typedef {object} RequestContext
 * @property {string[]} params path captures
 * @property {Record<string, string>} query
 * @property {import('../http-util').ParsedBody} body
 * @property {Backend} backend
 */

/** @typedef {{ status: number, body: unknown, headers?: Record<string, string>, holdMs?: number }} Answer holdMs: the answer leaves that much later (the request has taken effect) */

/**
 * @typedef {object} Route
 * @property {'GET' | 'POST' | 'PUT' | 'DELETE'} method
 * @property {RegExp} pattern matched against the whole path; groups become params
 * @property {(ctx: RequestContext) => Answer} handle
 */

/**
 * @param {Backend} backend
 * @param {unknown} token
 * @param {TokenKind} kind the token the endpoint's document names
 */
function isAcceptedToken(backend, token, kind) {
	return typeof token === 'string' && token !== '' && backend.tokens(kind).includes(token);
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

/**
 * Writes carry the token in the JSON body: token first (401), then the body's own problems.
 * @param {RequestContext} ctx
 * @param {TokenKind} kind
 * @returns {{ error: Answer } | { body: Record<string, unknown> }}
 */
function authenticateBody(ctx, kind) {
	if (!ctx.body.ok) return { error: messageError(400, 'The request body is not valid JSON.') };
	const value = ctx.body.value;
	const body = typeof value === 'object' && value !== null && !Array.isArray(value) ? /** @type {Record<string, unknown>} */ (value) : {};
	if (!isAcceptedToken(ctx.backend, body.token, kind)) return { error: messageError(401, INVALID_TOKEN_MESSAGE) };
	return { body };
}

/**
 * Reads carry the token in the `token` query parameter.
 * @param {RequestContext} ctx
 * @param {TokenKind} kind
 * @returns {Answer | undefined} the refusal, or undefined when the token fits
 */
function refuseQueryToken(ctx, kind) {
	return isAcceptedToken(ctx.backend, ctx.query.token, kind) ? undefined : messageError(401, INVALID_TOKEN_MESSAGE);
}

/** The body every documented "generate a new token" situation ends in. */
const INVALID_TOKEN_MESSAGE = 'Invalid token';

module.exports = { isAcceptedToken, authenticateBody, refuseQueryToken, messageError, INVALID_TOKEN_MESSAGE };
