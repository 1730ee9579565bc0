// @ts-check
'use strict';

// Fixed account data: the same for every seed, so tests can name departments, agents and tags.

/** @typedef {{ id: number, name: string, active: boolean }} Department */
/** @typedef {{ id: number, name: string, email: string, phone_extension: string, status: 'ONLINE'|'OFFLINE' }} Agent */
/** @typedef {{ id: number, name: string }} Tag */

/** @type {readonly Department[]} */
const DEPARTMENTS = Object.freeze([
	{ id: 1, name: 'Support', active: true },
	{ id: 2, name: 'Sales', active: true },
	{ id: 3, name: 'Billing', active: true },
	{ id: 4, name: 'Legacy Helpdesk', active: false },
]);

/** @type {readonly Agent[]} */
const AGENTS = Object.freeze([
	{ id: 101, name: 'Ana Souza', email: 'ana.souza@example.com', phone_extension: '2101', status: 'ONLINE' },
	{ id: 102, name: 'Bruno Lima', email: 'bruno.lima@example.com', phone_extension: '2102', status: 'ONLINE' },
	{ id: 103, name: 'Carla Mendes', email: 'carla.mendes@example.com', phone_extension: '2103', status: 'OFFLINE' },
	{ id: 104, name: 'Diego Rocha', email: 'diego.rocha@example.com', phone_extension: '2104', status: 'ONLINE' },
	{ id: 105, name: 'Elisa Prado', email: 'elisa.prado@example.com', phone_extension: '2105', status: 'OFFLINE' },
	{ id: 106, name: 'Felipe Costa', email: 'felipe.costa@example.com', phone_extension: '2106', status: 'ONLINE' },
]);

/** @type {readonly Tag[]} */
const TAGS = Object.freeze([
	{ id: 1, name: 'Complaint' },
	{ id: 2, name: 'Purchase' },
	{ id: 3, name: 'Refund' },
	{ id: 4, name: 'Technical' },
	{ id: 5, name: 'VIP' },
]);

/** Channels as the Reports API names them (the `types` filter and the `media` field). */
const CHANNEL_TYPES = Object.freeze([
	'TEXT', 'WHATSAPP', 'WHATSAPP', 'WHATSAPP', 'EMAIL', 'SMS', 'TELEGRAM', 'FACEBOOK', 'PHONE', 'PHONE_CONF', 'MELI_QST', 'MELI_MSG',
]);

/** Final states of the Service History (the `states` filter). */
const HISTORY_STATES = Object.freeze(['ENDED', 'ENDED', 'ENDED', 'ENDED', 'DISCARDED', 'UNAVAILABLE', 'CANCELED', 'MISSED', 'EXPIRED']);

/** States of ongoing interactions: monitoring, waiting queue, pending and inactive reports. */
const ONGOING_STATES = Object.freeze(['TALKING', 'TALKING', 'NOT_ANSWER', 'PENDING', 'POSTPONED', 'EXPIRED']);

/** States in which no agent ever picked the interaction up, so it has no agent. */
const AGENTLESS_STATES = Object.freeze(['UNAVAILABLE', 'CANCELED', 'NOT_ANSWER']);

const FIRST_NAMES = Object.freeze([
	'Maria', 'João', 'Ana', 'Pedro', 'Lucas', 'Juliana', 'Marcos', 'Fernanda', 'Rafael', 'Beatriz', 'Gustavo', 'Camila', 'Tiago', 'Larissa',
]);
const LAST_NAMES = Object.freeze([
	'Silva', 'Santos', 'Oliveira', 'Pereira', 'Almeida', 'Ferreira', 'Ribeiro', 'Carvalho', 'Gomes', 'Martins', 'Araújo', 'Barbosa',
]);

const BROWSERS = Object.freeze(['Chrome 124', 'Firefox 126', 'Safari 17', 'Edge 124']);
const SYSTEMS = Object.freeze(['Windows 11', 'macOS 14', 'Android 14', 'iOS 17', 'Linux']);
const SOURCES = Object.freeze(['https://www.example.com/', 'https://www.example.com/pricing', 'https://shop.example.com/cart', '']);

const CLIENT_LINES = Object.freeze([
	'Hello, I need help with my order',
	'My invoice looks wrong',
	'Can I change my delivery address?',
	'The app does not open on my phone',
	'Thanks, that solved it',
	'Is there a discount for annual plans?',
]);
const AGENT_LINES = Object.freeze([
	'Hi! I can help you with that.',
	'Could you send me your order number, please?',
	'I have updated it for you.',
	'Is there anything else I can do for you?',
	'Let me check that with the billing team.',
]);

module.exports = {
	DEPARTMENTS,
	AGENTS,
	TAGS,
	CHANNEL_TYPES,
	HISTORY_STATES,
	ONGOING_STATES,
	AGENTLESS_STATES,
	FIRST_NAMES,
	LAST_NAMES,
	BROWSERS,
	SYSTEMS,
	SOURCES,
	CLIENT_LINES,
	AGENT_LINES,
};
