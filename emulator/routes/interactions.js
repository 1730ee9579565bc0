// @ts-check
'use strict';

// Chat API (interactions-api.md): token in the JSON body, errors as { message, status }.

const { isPlainObject } = require('../http-util');
const { addInteraction, addMessage } = require('../state');
const { isAcceptedToken, messageError, INVALID_TOKEN_MESSAGE } = require('./route');
const v = require('./validate');

const MEDIA_TYPES = ['TEXT', 'SMS', 'WHATSAPP', 'INSTAGRAM', 'TELEGRAM'];
const MESSAGE_TYPES = ['text', 'image', 'video', 'audio', 'file'];
const MOODS = ['POSITIVE', 'NEGATIVE'];
const HASH = '([^/]+)';

/** @typedef {import('./route').RequestContext} RequestContext */
/** @typedef {import('./route').Answer} Answer */
/** @typedef {import('../state').Interaction} Interaction */

/**
 * Token first (401), then the body's own problems (422), as an API gateway would.
 * @param {RequestContext} ctx
 * @returns {{ error: Answer } | { body: Record<string, unknown> }}
 */
function authenticate(ctx) {
	if (!ctx.body.ok) return { error: messageError(400, 'The request body is not valid JSON.') };
	const body = isPlainObject(ctx.body.value) ? ctx.body.value : {};
	if (!isAcceptedToken(ctx.backend, body.token, 'chatApi')) return { error: messageError(401, INVALID_TOKEN_MESSAGE) };
	return { body };
}

/**
 * @param {RequestContext} ctx
 * @param {{ allowFinished?: boolean }} [options] Update keeps working after the end: the mood (the
 *   service evaluation) and the note belong to a finished interaction.
 * @returns {{ error: Answer } | { body: Record<string, unknown>, interaction: Interaction }}
 */
function openInteraction(ctx, options = {}) {
	const auth = authenticate(ctx);
	if ('error' in auth) return auth;
	const interaction = ctx.backend.state.interactions.get(ctx.params[0]);
	if (!interaction) return { error: messageError(404, 'Interaction not found') };
	if (interaction.finished && !options.allowFinished) return { error: messageError(422, 'Interaction already finished') };
	return { body: auth.body, interaction };
}

/**
 * @param {(string | undefined)[]} problems
 * @returns {Answer | undefined}
 */
function firstProblem(problems) {
	const problem = problems.find((item) => item !== undefined);
	return problem === undefined ? undefined : messageError(422, problem);
}

/** @param {RequestContext} ctx @returns {Answer} */
function startInteraction(ctx) {
	const auth = authenticate(ctx);
	if ('error' in auth) return auth.error;
	const { body } = auth;
	const mediaType = body.media_type;
	const problem = firstProblem([
		v.checkDepartmentId(body.department_id),
		v.isAbsent(mediaType) || (typeof mediaType === 'string' && MEDIA_TYPES.includes(mediaType))
			? undefined
			: `The media_type must be one of ${MEDIA_TYPES.join(', ')}.`,
		v.checkCustomer(body.customer, ['name', 'email', 'phone', 'cpf']),
		v.checkOptionalObject(body.extra),
		v.checkOptionalString(body, 'external_history'),
	]);
	if (problem) return problem;
	const interaction = addInteraction(ctx.backend.state, {
		channel: 'chat',
		departmentId: /** @type {number} */ (body.department_id),
		mediaType: typeof mediaType === 'string' ? mediaType : 'TEXT',
		customer: v.pickCustomer(body.customer),
		extra: isPlainObject(body.extra) ? body.extra : {},
		externalHistory: typeof body.external_history === 'string' ? body.external_history : null,
		externalId: null,
	});
	return {
		status: 200,
		body: { message: 'Interaction created successfully', data: { interaction_hash: interaction.hash } },
	};
}

/** @param {RequestContext} ctx @returns {Answer} */
function updateInteraction(ctx) {
	const found = openInteraction(ctx, { allowFinished: true });
	if ('error' in found) return found.error;
	const { body, interaction } = found;
	const tagIds = body.tag_ids;
	const problem = firstProblem([
		v.isAbsent(body.mood) || (typeof body.mood === 'string' && MOODS.includes(body.mood))
			? undefined
			: 'The mood must be POSITIVE or NEGATIVE.',
		v.isAbsent(tagIds) ||
		(Array.isArray(tagIds) && tagIds.every((id) => typeof id === 'string' || (typeof id === 'number' && Number.isInteger(id))))
			? undefined
			: 'The tag_ids must be an array of tag ids.',
		v.checkOptionalString(body, 'customer_key'),
		v.checkOptionalString(body, 'note'),
	]);
	if (problem) return problem;
	if (!v.isAbsent(body.mood)) interaction.mood = /** @type {'POSITIVE' | 'NEGATIVE'} */ (body.mood);
	if (Array.isArray(tagIds)) interaction.tagIds = /** @type {Array<string | number>} */ (tagIds);
	if (typeof body.customer_key === 'string') interaction.customerKey = body.customer_key;
	if (typeof body.note === 'string') interaction.note = body.note;
	return { status: 200, body: { message: 'Interaction updated successfully', status: 200 } };
}

/** @param {RequestContext} ctx @returns {Answer} */
function sendMessage(ctx) {
	const found = openInteraction(ctx);
	if ('error' in found) return found.error;
	const { body, interaction } = found;
	const type = v.isAbsent(body.type) ? 'text' : body.type;
	const problem = firstProblem([
		typeof body.content === 'string' && body.content !== '' ? undefined : 'The content field is required.',
		typeof type === 'string' && MESSAGE_TYPES.includes(type) ? undefined : `The type must be one of ${MESSAGE_TYPES.join(', ')}.`,
		type === 'text' ? v.checkOptionalString(body, 'url') : v.checkHttpUrl(body.url, 'url'),
	]);
	if (problem) return problem;
	addMessage(interaction, {
		content: /** @type {string} */ (body.content),
		type: /** @type {string} */ (type),
		url: typeof body.url === 'string' ? body.url : null,
		direction: 'CLIENT',
	});
	interaction.typing = false;
	return {
		status: 200,
		body: { data: { interaction_hash: interaction.hash }, message: 'Message created successfully', status: 200 },
	};
}

/**
 * @param {boolean} typing
 * @param {string} message
 */
function typingRoute(typing, message) {
	/** @param {RequestContext} ctx @returns {Answer} */
	return (ctx) => {
		const found = openInteraction(ctx);
		if ('error' in found) return found.error;
		found.interaction.typing = typing;
		return { status: 200, body: { message, status: 200 } };
	};
}

/** @param {RequestContext} ctx @returns {Answer} */
function finishInteraction(ctx) {
	const found = openInteraction(ctx);
	if ('error' in found) return found.error;
	found.interaction.finished = true;
	found.interaction.typing = false;
	return { status: 200, body: { message: 'Finish sent successfully', status: 200 } };
}

const BASE = '/core/api/v1/interactions';

/** @type {import('./route').Route[]} */
const interactionRoutes = [
	{ method: 'POST', pattern: new RegExp(`^${BASE}$`), handle: startInteraction },
	{ method: 'PUT', pattern: new RegExp(`^${BASE}/${HASH}$`), handle: updateInteraction },
	{ method: 'POST', pattern: new RegExp(`^${BASE}/${HASH}/messages$`), handle: sendMessage },
	{ method: 'PUT', pattern: new RegExp(`^${BASE}/${HASH}/typing$`), handle: typingRoute(true, 'Typing sent successfully') },
	{ method: 'PUT', pattern: new RegExp(`^${BASE}/${HASH}/cleared$`), handle: typingRoute(false, 'Cleared sent successfully') },
	{ method: 'PUT', pattern: new RegExp(`^${BASE}/${HASH}/finish$`), handle: finishInteraction },
];

module.exports = { interactionRoutes, MEDIA_TYPES, MESSAGE_TYPES };
