// @ts-check
'use strict';

const { randomUUID } = require('crypto');

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

/** @typedef {{ interactions: Map<string, Interaction> }} EmulatorState */

/** @returns {EmulatorState} */
function createState() {
	return { interactions: new Map() };
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
	return { interactions: [...state.interactions.values()] };
}

module.exports = { createState, addInteraction, openWhatsAppInteraction, addMessage, stateToJson };
