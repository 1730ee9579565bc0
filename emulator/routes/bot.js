// @ts-check
'use strict';

// External bot API (more-zenvia-apis.md, "External bot"): ClientSDK token, answers
// { message, status }, every refusal 422 as the document shows.

const { isPlainObject } = require('../http-util');
const { authenticateBody, messageError } = require('./route');
const { MESSAGE_TYPES } = require('./interactions');
const v = require('./validate');

/** @typedef {import('./route').RequestContext} RequestContext */
/** @typedef {import('./route').Answer} Answer */
/** @typedef {import('../state').BotInteraction} BotInteraction */

const RECEIVED = { status: 200, body: { message: 'Message received successfully', status: 200 } };

/**
 * The token, then a bot interaction in one of the states the call may follow.
 * @param {RequestContext} ctx
 * @param {BotInteraction['state'][]} allowed
 * @returns {{ error: Answer } | { body: Record<string, unknown>, bot: BotInteraction }}
 */
function openBotInteraction(ctx, allowed) {
	const auth = authenticateBody(ctx, 'clientSdk');
	if ('error' in auth) return auth;
	const bot = ctx.backend.state.bots.get(ctx.params[0]);
	if (!bot) return { error: messageError(422, 'Interaction not found for this bot') };
	if (!allowed.includes(bot.state)) {
		const why = bot.state === 'waiting' ? 'was not accepted by the bot yet' : `is already ${bot.state}`;
		return { error: messageError(422, `The interaction ${why}.`) };
	}
	return { body: auth.body, bot };
}

/** @param {RequestContext} ctx @returns {Answer} */
function accept(ctx) {
	const found = openBotInteraction(ctx, ['waiting']);
	if ('error' in found) return found.error;
	found.bot.state = 'accepted';
	return RECEIVED;
}

/** @param {Record<string, unknown>} body @returns {string | undefined} */
function messageProblem(body) {
	if (typeof body.content !== 'string' || body.content === '') return 'The content field is required.';
	const type = v.isAbsent(body.content_type) ? 'text' : body.content_type;
	if (typeof type !== 'string' || !MESSAGE_TYPES.includes(type)) return `The content_type must be one of ${MESSAGE_TYPES.join(', ')}.`;
	const { attachment } = body;
	if (v.isAbsent(attachment)) return type === 'text' ? undefined : 'The attachment field is required when sending a file.';
	if (!isPlainObject(attachment)) return 'The attachment must be an object.';
	const url = v.checkHttpUrl(attachment.url, 'attachment.url');
	if (url) return url;
	const { size } = attachment;
	if (!v.isAbsent(size) && !(typeof size === 'number' && Number.isInteger(size) && size >= 0)) return 'The attachment.size must be a whole number of bytes.';
	return undefined;
}

/** @param {RequestContext} ctx @returns {Answer} */
function sendMessage(ctx) {
	const found = openBotInteraction(ctx, ['accepted']);
	if ('error' in found) return found.error;
	const { body, bot } = found;
	const problem = messageProblem(body);
	if (problem) return messageError(422, problem);
	const attachment = isPlainObject(body.attachment)
		? { url: String(body.attachment.url), ...(typeof body.attachment.size === 'number' ? { size: body.attachment.size } : {}) }
		: null;
	bot.messages.push({
		from: 'BOT',
		content: /** @type {string} */ (body.content),
		contentType: typeof body.content_type === 'string' ? body.content_type : 'text',
		attachment,
	});
	// A customer armed to answer (POST /__admin/bot/answerNextMessage) does so once the message is in.
	const answer = bot.answerNext;
	if (answer) {
		bot.answerNext = null;
		answer.fire();
		// Zenvia may deliver the customer's answer before it has answered the bot's call.
		if (answer.holdMs > 0) return { ...RECEIVED, holdMs: answer.holdMs };
	}
	return RECEIVED;
}

/** @param {RequestContext} ctx @returns {Answer} */
function transfer(ctx) {
	const found = openBotInteraction(ctx, ['accepted']);
	if ('error' in found) return found.error;
	const { body, bot } = found;
	const department = body.department_id;
	if (!v.isAbsent(department)) {
		const problem = v.checkDepartmentId(department);
		if (problem) return messageError(422, problem);
	}
	bot.state = 'transferred';
	bot.transferredTo = v.isAbsent(department) ? null : /** @type {number} */ (department);
	return RECEIVED;
}

/** @param {RequestContext} ctx @returns {Answer} */
function finish(ctx) {
	const found = openBotInteraction(ctx, ['waiting', 'accepted']);
	if ('error' in found) return found.error;
	found.bot.state = 'finished';
	return RECEIVED;
}

const BASE = '/api/v1/bot/([^/]+)';

/** @type {import('./route').Route[]} */
const botRoutes = [
	{ method: 'PUT', pattern: new RegExp(`^${BASE}/accept$`), handle: accept },
	{ method: 'POST', pattern: new RegExp(`^${BASE}/message$`), handle: sendMessage },
	{ method: 'PUT', pattern: new RegExp(`^${BASE}/transfer$`), handle: transfer },
	{ method: 'PUT', pattern: new RegExp(`^${BASE}/finish$`), handle: finish },
];

module.exports = { botRoutes };
