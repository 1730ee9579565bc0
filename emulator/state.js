// @ts-check
'use strict';

const { randomUUID } = require('crypto');
const { createAccount } = require('./account');

/**
 * @typedef {object} StoredMessage
 * @property {string} hash
 * @property {string} content
 * @property {string} type "text", "image"... (WhatsApp: the given content_type)
 * @property {string | null} url
 * @property {'CLIENT' | 'AGENT'} direction CLIENT = sent through the API, AGENT = fired as a webhook
 * @property {string} createdAt ISO
 */

/**
 * @typedef {object} Customer
 * @property {string} [name]
 * @property {string} [email]
 * @property {string} [phone]
 * @property {string} [cpf]
 * @property {string} [external_id]
 */

/**
 * One conversation started through the Chat API (channel "chat") or the WhatsApp API v1
 * (channel "whatsapp", found again by the customer's external_id).
 * @typedef {object} Interaction
 * @property {string} hash
 * @property {'chat' | 'whatsapp'} channel
 * @property {number} departmentId
 * @property {string} mediaType
 * @property {Customer} customer
 * @property {Record<string, unknown>} extra returned on Chat API webhooks
 * @property {string | null} externalHistory
 * @property {string | null} externalId
 * @property {StoredMessage[]} messages
 * @property {Array<string | number>} tagIds
 * @property {'POSITIVE' | 'NEGATIVE' | null} mood
 * @property {string | null} customerKey
 * @property {string | null} note
 * @property {boolean} finished
 * @property {boolean} typing true between a "typing" and a "cleared" notification
 * @property {'new' | 'queued' | 'accepted' | 'unavailable' | 'transferred' | 'finished'} agentState last webhook state fired
 * @property {string} createdAt
 */

/**
 * A conversation a department's external bot serves (more-zenvia-apis.md, "External bot"):
 * `waiting` until the bot accepts, then `accepted` until it transfers or finishes.
 * @typedef {object} BotInteraction
 * @property {string} hash
 * @property {number} departmentId
 * @property {'waiting' | 'accepted' | 'transferred' | 'finished'} state
 * @property {number | null} transferredTo department_id of the transfer; null = back to its own department
 * @property {Array<{ from: 'CUSTOMER' | 'BOT', content: string, contentType: string, attachment: { url: string, size?: number } | null }>} messages
 * @property {{ content: string, delayMs: number, holdMs: number, fire: () => void } | null} [answerNext] armed by POST /__admin/bot/answerNextMessage
 * @property {Array<{ content: unknown, sentAt: number, delivered: import('./webhooks').Delivery }>} [answers] the armed answers, as delivered
 */

/**
 * @typedef {object} EmulatorState
 * @property {Map<string, Interaction>} interactions
 * @property {Map<string, BotInteraction>} bots
 * @property {import('./account').Account} account customers, agents, tasks and offcontact messages
 */

/** @returns {EmulatorState} */
function createState() {
	return { interactions: new Map(), bots: new Map(), account: createAccount() };
}

/**
 * Forgets everything the APIs created; the account's agents go back to the catalog's.
 * @param {EmulatorState} state
 */
function resetState(state) {
	state.interactions.clear();
	state.bots.clear();
	state.account = createAccount();
}

/**
 * @param {EmulatorState} state
 * @param {Omit<Interaction, 'hash' | 'messages' | 'tagIds' | 'mood' | 'customerKey' | 'note' | 'finished' | 'typing' | 'agentState' | 'createdAt'>} fields
 * @returns {Interaction}
 */
function addInteraction(state, fields) {
	/** @type {Interaction} */
	const interaction = {
		hash: randomUUID(),
		...fields,
		messages: [],
		tagIds: [],
		mood: null,
		customerKey: null,
		note: null,
		finished: false,
		typing: false,
		agentState: 'new',
		createdAt: new Date().toISOString(),
	};
	state.interactions.set(interaction.hash, interaction);
	return interaction;
}

/**
 * The WhatsApp API v1 addresses a conversation by the customer's external_id: the newest
 * unfinished one continues, a finished one makes the next message start a new conversation.
 * @param {EmulatorState} state
 * @param {string} externalId
 * @returns {Interaction | undefined}
 */
function openWhatsAppInteraction(state, externalId) {
	/** @type {Interaction | undefined} */
	let found;
	for (const interaction of state.interactions.values()) {
		if (interaction.channel === 'whatsapp' && interaction.externalId === externalId && !interaction.finished) {
			found = interaction;
		}
	}
	return found;
}

/**
 * @param {Interaction} interaction
 * @param {Omit<StoredMessage, 'hash' | 'createdAt'>} message
 * @returns {StoredMessage}
 */
function addMessage(interaction, message) {
	const stored = { hash: randomUUID(), ...message, createdAt: new Date().toISOString() };
	interaction.messages.push(stored);
	return stored;
}

/** @param {EmulatorState} state */
function stateToJson(state) {
	const { customers, agents, tasks, offcontacts } = state.account;
	return {
		interactions: [...state.interactions.values()],
		bots: [...state.bots.values()],
		customers: [...customers.values()],
		// Passwords stay inside the emulator, as they would inside Zenvia.
		agents: [...agents.values()].map(({ password: _password, ...agent }) => agent),
		tasks,
		offcontacts,
	};
}

module.exports = { createState, resetState, addInteraction, openWhatsAppInteraction, addMessage, stateToJson };
