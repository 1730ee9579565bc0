// @ts-check
'use strict';

// The node's 15 per-item operations as the fault matrix and the bad-input table run them: parameters that
// read each item's values through expressions, the HTTP method (which decides what may be
// retried), and what must exist first (an interaction, a WhatsApp conversation).

const DEPARTMENT = { __rl: true, mode: 'id', value: '1' };
const REPORT_WINDOW = { from: '2025-05-01T00:00:00', to: '2025-05-31T23:59:59' };

/** Starts one interaction per item; the items then carry its hash. */
const startInteractions = {
	parameters: { resource: 'interaction', operation: 'start', departmentId: DEPARTMENT, customer: { name: '={{ $json.marker }}' } },
	credential: /** @type {const} */ ('chatApi'),
	output: (/** @type {string} */ prep) => `{ hash: ${prep}.interactionHash }`,
};
/** Opens one WhatsApp conversation per item's external id. */
const openConversations = {
	parameters: {
		resource: 'whatsapp',
		operation: 'sendMessage',
		customerExternalId: '={{ $json.externalId }}',
		departmentId: DEPARTMENT,
		content: 'Hello',
		messageType: 'text',
	},
	credential: /** @type {const} */ ('clientSdk'),
	output: () => '{}',
};

/**
 * @typedef {object} Operation
 * @property {string} key e.g. "interaction.start"
 * @property {'GET' | 'POST' | 'PUT'} method
 * @property {'chatApi' | 'clientSdk'} credential
 * @property {Record<string, unknown>} parameters
 * @property {typeof startInteractions | typeof openConversations} [prep]
 * @property {(item: Record<string, any>) => string} marker what identifies an item's request in the emulator's log
 */

/** @type {Operation[]} */
const OPERATIONS = [
	{
		key: 'interaction.start',
		method: 'POST',
		credential: 'chatApi',
		parameters: { resource: 'interaction', operation: 'start', departmentId: DEPARTMENT, customer: { name: '={{ $json.marker }}' } },
		marker: (item) => item.marker,
	},
	{
		key: 'interaction.update',
		method: 'PUT',
		credential: 'chatApi',
		prep: startInteractions,
		parameters: { resource: 'interaction', operation: 'update', interactionHash: '={{ $json.hash }}', updateFields: { note: '={{ $json.marker }}' } },
		marker: (item) => item.hash,
	},
	{
		key: 'interaction.sendMessage',
		method: 'POST',
		credential: 'chatApi',
		prep: startInteractions,
		parameters: { resource: 'interaction', operation: 'sendMessage', interactionHash: '={{ $json.hash }}', content: '={{ $json.marker }}' },
		marker: (item) => item.hash,
	},
	...['notifyTyping', 'notifyStoppedTyping', 'finish'].map((operation) => ({
		key: `interaction.${operation}`,
		method: /** @type {const} */ ('PUT'),
		credential: /** @type {const} */ ('chatApi'),
		prep: startInteractions,
		parameters: { resource: 'interaction', operation, interactionHash: '={{ $json.hash }}' },
		marker: (/** @type {Record<string, any>} */ item) => item.hash,
	})),
	{
		key: 'whatsapp.getDepartments',
		method: 'GET',
		credential: 'clientSdk',
		parameters: { resource: 'whatsapp', operation: 'getDepartments', returnAll: false, limit: 2 },
		marker: () => '',
	},
	{
		key: 'whatsapp.sendMessage',
		method: 'POST',
		credential: 'clientSdk',
		parameters: openConversations.parameters,
		marker: (item) => item.externalId,
	},
	...['notifyTyping', 'notifyStoppedTyping'].map((operation) => ({
		key: `whatsapp.${operation}`,
		method: /** @type {const} */ ('PUT'),
		credential: /** @type {const} */ ('clientSdk'),
		prep: openConversations,
		parameters: { resource: 'whatsapp', operation, customerExternalId: '={{ $json.externalId }}' },
		marker: (/** @type {Record<string, any>} */ item) => item.externalId,
	})),
	{
		key: 'report.getDigitalChannels',
		method: 'GET',
		credential: 'chatApi',
		parameters: { resource: 'report', operation: 'getDigitalChannels', groupBy: 'department', ...REPORT_WINDOW, timezone: 'UTC' },
		marker: () => '',
	},
	{
		key: 'report.getHistory',
		method: 'GET',
		credential: 'chatApi',
		parameters: { resource: 'report', operation: 'getHistory', limit: 2, ...REPORT_WINDOW, timezone: 'UTC' },
		marker: () => '',
	},
	{
		key: 'report.getConversationMessages',
		method: 'GET',
		credential: 'chatApi',
		parameters: { resource: 'report', operation: 'getConversationMessages', protocolId: '={{ $json.protocol }}' },
		marker: (item) => String(item.protocol),
	},
	{
		key: 'report.getOngoing',
		method: 'GET',
		credential: 'chatApi',
		parameters: { resource: 'report', operation: 'getOngoing', limit: 2 },
		marker: () => '',
	},
	{
		key: 'interaction.leaveMessageForTeam',
		method: 'POST',
		credential: 'chatApi',
		parameters: {
			resource: 'interaction',
			operation: 'leaveMessageForTeam',
			departmentId: DEPARTMENT,
			content: '={{ $json.marker }}',
			messageType: 'text',
			customerEmail: '={{ $json.marker }}@example.com',
		},
		marker: (item) => item.marker,
	},
];

/**
 * Three input items for a cell, each with values no other cell uses.
 * @param {string} cellKey
 */
function seedsFor(cellKey) {
	return [0, 1, 2].map((index) => ({
		marker: `${cellKey}-item${index + 1}`,
		externalId: `5511${String(Math.abs(hash(cellKey)) % 1_000_000).padStart(6, '0')}${index}`,
		protocol: 100001 + index,
	}));
}

/** @param {string} text */
function hash(text) {
	let value = 0;
	for (const char of text) value = (value * 31 + char.charCodeAt(0)) | 0;
	return value;
}

module.exports = { OPERATIONS, seedsFor };
