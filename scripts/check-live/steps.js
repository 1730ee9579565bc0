// @ts-check
'use strict';

// What check:live asks Zenvia, in order: each endpoint of emulator/contract.js through the node
// operation that reads it, with the parameters that make it one read. Only operations whose
// every request is a GET are listed here; the HTTP stand-in (context.js) refuses anything else.

/** Rows per page of history and ongoing: small, so the second page is reached on most accounts. */
const PAGE_SIZE = 5;

/** The report operations read raw rows (Simplify off): the raw shape is what is compared. */
const RAW_REPORT = { simplify: false, filters: {}, options: {}, from: '', to: '', timezone: '' };

/**
 * @typedef {object} Step
 * @property {string} endpoint a key of the contract's ENDPOINTS
 * @property {[string, string]} operation resource and operation, as nodes/ZenviaChat/actions names them
 * @property {Record<string, unknown> | ((protocol: unknown) => Record<string, unknown>)} parameters
 *   the node's parameters; a function for the one step that needs a protocol found earlier
 */

/** @type {Step[]} */
const STEPS = [
	{ endpoint: 'chatDepartments', operation: ['department', 'getAll'], parameters: { returnAll: true, includeInactive: true } },
	{ endpoint: 'history', operation: ['report', 'getHistory'], parameters: { ...RAW_REPORT, expanded: false, returnAll: false, limit: PAGE_SIZE } },
	{ endpoint: 'ongoing', operation: ['report', 'getOngoing'], parameters: { ...RAW_REPORT, returnAll: false, limit: PAGE_SIZE } },
	{
		endpoint: 'conversationMessages',
		operation: ['report', 'getConversationMessages'],
		parameters: (protocol) => ({ protocolId: { __rl: true, mode: 'id', value: String(protocol) } }),
	},
	{ endpoint: 'digitalChannels', operation: ['report', 'getDigitalChannels'], parameters: { ...RAW_REPORT, groupBy: 'period' } },
	{ endpoint: 'whatsappDepartments', operation: ['whatsapp', 'getDepartments'], parameters: { returnAll: true } },
	{ endpoint: 'formFields', operation: ['customer', 'getFormFields'], parameters: {} },
	{ endpoint: 'agents', operation: ['agent', 'getMany'], parameters: { returnAll: true } },
	{ endpoint: 'agentsOnline', operation: ['agent', 'getOnline'], parameters: { departmentId: { __rl: true, mode: 'id', value: '' } } },
];

module.exports = { STEPS, PAGE_SIZE };
