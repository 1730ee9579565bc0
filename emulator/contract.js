// @ts-check
'use strict';

// The one picture of Zenvia's read-only answers: what the emulator answers (its routes build these
// answers through answer() below, which refuses to serve anything else) and what `npm run
// check:live` compares a real account's answers with. Written from /work/shared/api and the node's
// answer types (nodes/ZenviaChat/actions/*/types.ts); where the documents are silent, the
// emulator's choice (emulator/README.md). Change a shape here and both sides follow.

const { differences } = require('./shape');

/** @typedef {import('./shape').Schema} Schema */

/**
 * How the list of an answer is carried: `bare` a JSON array; `report` the Reports API's
 * `{status, success, data: [...]}`; `object` an object the route builds, its list under `listKey`.
 * @typedef {'bare' | 'report' | 'object'} Envelope
 */

/**
 * @typedef {object} Endpoint
 * @property {string} title as the report names it
 * @property {'chat' | 'whatsapp'} api which base URL
 * @property {'chatApi' | 'clientSdk'} token which token the document names
 * @property {string} path below the base URL; `{protocol}` stands for a path parameter
 * @property {Envelope} envelope
 * @property {string} [listKey] where an `object` answer keeps its list
 * @property {Schema} item one list entry
 * @property {Record<string, Schema>} [rest] an `object` answer's keys besides its list
 * @property {boolean} [paged] takes `page` and `limit`
 */

const nullable = (/** @type {Schema} */ schema) => ({ $nullable: schema });

const REPORT_AGENT = { id: 'number', name: 'string', 'phone_extension?': 'string' };
const REPORT_CUSTOMER = { id: 'number', fields: { $map: 'string|string[]' } };
const REPORT_DEPARTMENT = { id: 'number', name: 'string' };

/** The keys history and ongoing rows share (reports-api.md, "Service History", "Ongoing"). */
const INTERACTION_ROW = {
	id: 'number',
	active: 'boolean',
	created_at: 'datetime',
	current_state: 'string',
	current_state_time: 'datetime',
	customer: REPORT_CUSTOMER,
	department: REPORT_DEPARTMENT,
	media: 'string',
	sla_overdue: 'boolean',
};

const COUNTS = ['answered', 'backlog', 'discarded', 'ended', 'expired', 'made', 'missed', 'not_answered', 'pending', 'postponed', 'received', 'remainder'];
const TIMES = ['sla', 'slapr', 'tma', 'tmaxe', 'tme', 'tmp', 'tmpa', 'tmpr', 'tmr'];

/** @type {Record<string, Endpoint>} */
const ENDPOINTS = {
	chatDepartments: {
		title: 'Chat API departments',
		api: 'chat',
		token: 'chatApi',
		path: '/api/external/departments',
		envelope: 'bare',
		item: {
			id: 'number',
			name: 'string',
			ringing_max_time: 'number',
			queued_max_time: 'number',
			queue: 'boolean',
			bot_id: 'number|null',
			queue_position_time: 'number|null',
			date_creation: 'datetime',
			change_date: 'datetime|null',
			state: 'number',
			agents: [{ id: 'number', name: 'string', photo: 'string|null' }],
			channels: [{ id: 'number', name: 'string', state: 'number' }],
		},
	},
	digitalChannels: {
		title: 'Reports: digital channels',
		api: 'chat',
		token: 'chatApi',
		path: '/api/ms/external/reports',
		envelope: 'report',
		item: { title: 'string', 'rang?': 'number', ...Object.fromEntries([...COUNTS, ...TIMES].map((key) => [key, 'number'])) },
	},
	history: {
		title: 'Reports: history',
		api: 'chat',
		token: 'chatApi',
		path: '/api/ms/external/history',
		envelope: 'report',
		paged: true,
		item: { ...INTERACTION_ROW, agent: nullable(REPORT_AGENT), first_answer_time: 'datetime|null', mood: 'string|null' },
	},
	ongoing: {
		title: 'Reports: ongoing',
		api: 'chat',
		token: 'chatApi',
		path: '/api/ms/external/ongoing',
		envelope: 'report',
		paged: true,
		item: { ...INTERACTION_ROW, agent: nullable({ ...REPORT_AGENT, 'status?': 'string' }) },
	},
	conversationMessages: {
		title: 'Reports: conversation messages',
		api: 'chat',
		token: 'chatApi',
		path: '/api/ms/external/history/{protocol}/messages',
		envelope: 'report',
		item: {
			id: 'number',
			content: 'string',
			type: 'string',
			'url?': 'string',
			direction: 'string',
			created_at: 'datetime',
			'agent?': { id: 'number', name: 'string' },
		},
	},
	whatsappDepartments: {
		title: 'WhatsApp API v1 departments',
		api: 'whatsapp',
		token: 'clientSdk',
		path: '/api/v1/departments',
		envelope: 'bare',
		item: { id: 'number', name: 'string', active: 'boolean' },
	},
	formFields: {
		title: 'Customer form fields',
		api: 'chat',
		token: 'clientSdk',
		path: '/api/external/form_fields',
		envelope: 'object',
		listKey: 'form_fields',
		rest: { status: 'number' },
		item: {
			id: 'number',
			name: 'string',
			label: 'string',
			is_required: 'boolean',
			is_unique: 'boolean',
			type: 'string',
			is_multiple: 'boolean',
			belongs_to_customer: 'boolean',
			belongs_to_collection: 'boolean',
			label_updatable: 'boolean',
			value_updatable: 'boolean',
			showable: 'boolean',
		},
	},
	agents: {
		title: 'Agents list',
		api: 'chat',
		token: 'clientSdk',
		path: '/api/external/agents',
		envelope: 'bare',
		item: {
			id: 'number',
			name: 'string',
			photo: 'string|null',
			phone_extension: 'string|null',
			signature: 'string|null',
			email: 'string',
			deleted_at: 'datetime|null',
			ativo: 'boolean',
			active: 'boolean',
			new_status: 'string',
			// Not in the document; the emulator answers them because create and update take them.
			'profile?': 'string',
			'text_limit?': 'number|null',
			department: nullable({ id: 'number', name: 'string' }),
		},
	},
	agentsOnline: {
		title: 'Agents online',
		api: 'chat',
		token: 'clientSdk',
		path: '/core/api/v1/agents/online',
		envelope: 'object',
		listKey: 'agents',
		rest: { averageService: 'number', count: 'number', status: 'number' },
		item: { id: 'number', name: 'string', photo: 'string|null' },
	},
};

/**
 * The whole answer's schema.
 * @param {Endpoint} endpoint
 * @returns {Schema}
 */
function schemaOf(endpoint) {
	if (endpoint.envelope === 'bare') return [endpoint.item];
	if (endpoint.envelope === 'report') return { status: 'number', success: 'boolean', data: [endpoint.item] };
	return { ...endpoint.rest, [/** @type {string} */ (endpoint.listKey)]: [endpoint.item] };
}

/**
 * The list inside an answer of this endpoint, when the answer carries one where the contract says.
 * @param {Endpoint} endpoint
 * @param {unknown} body
 * @returns {unknown[] | undefined}
 */
function listIn(endpoint, body) {
	if (endpoint.envelope === 'bare') return Array.isArray(body) ? body : undefined;
	const key = endpoint.envelope === 'report' ? 'data' : /** @type {string} */ (endpoint.listKey);
	const list = typeof body === 'object' && body !== null && !Array.isArray(body) ? /** @type {Record<string, unknown>} */ (body)[key] : undefined;
	return Array.isArray(list) ? list : undefined;
}

/**
 * How an answer differs from the contract (an empty list when it fits).
 * @param {string} name a key of ENDPOINTS
 * @param {unknown} body the parsed answer
 */
function compare(name, body) {
	return differences(schemaOf(ENDPOINTS[name]), body);
}

/** The emulator checks this many list entries of each answer: pages run to 10,000 rows. */
const CHECKED_ENTRIES = 3;

/**
 * The emulator's success answer for one endpoint: the envelope the contract names around the
 * route's rows (`bare`, `report`) or the route's own object (`object`), refused when its first
 * entries do not fit the contract, so the emulator cannot drift from what check:live expects.
 * @param {string} name a key of ENDPOINTS
 * @param {unknown} payload the rows, or for an `object` endpoint the whole body
 * @returns {{ status: number, body: unknown }}
 */
function answer(name, payload) {
	const endpoint = ENDPOINTS[name];
	const body = endpoint.envelope === 'report' ? { status: 200, success: true, data: payload } : payload;
	const list = listIn(endpoint, body);
	const sample = list === undefined || list.length <= CHECKED_ENTRIES ? body : withList(endpoint, body, list.slice(0, CHECKED_ENTRIES));
	const found = compare(name, sample);
	if (found.length > 0) {
		const described = found.map((item) => `${item.path || '(the answer)'}: expected ${item.expected}, got ${item.got}`).join('; ');
		throw new Error(`the ${endpoint.title} answer does not fit emulator/contract.js (${described})`);
	}
	return { status: 200, body };
}

/**
 * @param {Endpoint} endpoint
 * @param {unknown} body
 * @param {unknown[]} list
 */
function withList(endpoint, body, list) {
	if (endpoint.envelope === 'bare') return list;
	const key = endpoint.envelope === 'report' ? 'data' : /** @type {string} */ (endpoint.listKey);
	return { .../** @type {object} */ (body), [key]: list };
}

module.exports = { ENDPOINTS, schemaOf, listIn, compare, answer };
