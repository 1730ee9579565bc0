// @ts-check
'use strict';

// The events Zenvia POSTs to a department's external bot (more-zenvia-apis.md, "External bot"),
// told apart by `type`. Building one also applies it to the emulator's state, as Zenvia would.

const { randomUUID } = require('crypto');
const { MESSAGE_TYPES } = require('./routes/interactions');
const { deliver } = require('./webhooks');

const BOT_ACTIONS = ['newInteraction', 'newMessage', 'finishedInteraction'];

/**
 * @typedef {object} BotParams
 * @property {string} [interactionHash] required but for newInteraction (a new hash is made)
 * @property {number} [departmentId] newInteraction, default 1
 * @property {string} [content] newMessage, default "Hello"
 * @property {string} [contentType] newMessage, default "text"
 * @property {string} [target] deliver here instead of the configured webhook URL
 * @property {Record<string, string>} [query] appended to the target's query string
 * @property {Record<string, string>} [headers]
 */

/**
 * @param {import('./state').EmulatorState} state
 * @param {string} action
 * @param {BotParams} params
 * @returns {{ error: string } | { payload: Record<string, unknown> }}
 */
function buildBotEvent(state, action, params) {
	if (!BOT_ACTIONS.includes(action)) return { error: `Unknown bot action "${action}"; use one of ${BOT_ACTIONS.join(', ')}` };
	if (action === 'newInteraction') {
		const hash = params.interactionHash ?? randomUUID();
		const departmentId = params.departmentId ?? 1;
		state.bots.set(hash, { hash, departmentId, state: 'waiting', transferredTo: null, messages: [] });
		return { payload: { type: 'new_interaction', interaction_hash: hash, department_id: departmentId } };
	}
	const bot = params.interactionHash ? state.bots.get(params.interactionHash) : undefined;
	if (!bot) return { error: 'params.interactionHash must name an interaction started with newInteraction' };
	if (action === 'newMessage') {
		const content = params.content ?? 'Hello';
		const contentType = params.contentType ?? 'text';
		if (!MESSAGE_TYPES.includes(contentType)) return { error: `contentType must be one of ${MESSAGE_TYPES.join(', ')}` };
		bot.messages.push({ from: 'CUSTOMER', content, contentType, attachment: null });
		return { payload: { type: 'new_message', interaction_hash: bot.hash, content, content_type: contentType } };
	}
	bot.state = 'finished';
	return { payload: { type: 'finished_interaction', interaction_hash: bot.hash } };
}

/**
 * The customer answers the bot's next message in the interaction: once the bot's message is
 * received, its `new_message` is posted after `delayMs` (0: at once, as a customer whose answer
 * was already typed; Zenvia gives no lower bound). Each answer's delivery is kept on the
 * interaction's `answers` (GET /__admin/state). `holdMs` holds the answer to the bot's call that
 * long: the customer's message then reaches the bot before the bot's own call returns.
 * @param {import('./state').EmulatorState} state
 * @param {string} target
 * @param {BotParams & { delayMs?: number, holdMs?: number }} params
 * @returns {{ armed: true }}
 */
function armAnswer(state, target, params) {
	const bot = params.interactionHash ? state.bots.get(params.interactionHash) : undefined;
	if (!bot) throw new Error('params.interactionHash must name an interaction started with newInteraction');
	const delayMs = params.delayMs ?? 0;
	if (!Number.isInteger(delayMs) || delayMs < 0) throw new Error('params.delayMs must be a whole number of milliseconds, 0 or more');
	const holdMs = params.holdMs ?? 0;
	if (!Number.isInteger(holdMs) || holdMs < 0 || holdMs > 30_000) throw new Error('params.holdMs must be a whole number of milliseconds from 0 to 30000');
	bot.answerNext = {
		content: params.content ?? 'Hello',
		delayMs,
		holdMs,
		fire: () => {
			setTimeout(() => {
				const event = buildBotEvent(state, 'newMessage', { ...params, interactionHash: bot.hash });
				if ('error' in event) return;
				const sentAt = Date.now();
				void deliver(target, event.payload, params).then((delivered) => {
					(bot.answers ??= []).push({ content: event.payload.content, sentAt, delivered });
				});
			}, delayMs);
		},
	};
	return { armed: true };
}

module.exports = { buildBotEvent, armAnswer, BOT_ACTIONS };
