// @ts-check
'use strict';

// The events Zenvia POSTs to a department's external bot (more-zenvia-apis.md, "External bot"),
// told apart by `type`. Building one also applies it to the emulator's state, as Zenvia would.

const { randomUUID } = require('crypto');
const { MESSAGE_TYPES } = require('./routes/interactions');

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

module.exports = { buildBotEvent, BOT_ACTIONS };
