// @ts-check
'use strict';

// Account-level records of more-zenvia-apis.md: CRM customers, agents, tasks and offcontact
// messages. Agents start as the catalog's; everything else starts empty.

const { AGENTS, DEPARTMENTS } = require('./catalog');

/**
 * The account's customer form (GET /api/external/form_fields). Its names are the keys of a
 * customer's `fields`; `is_required` and `is_unique` drive the bulk upsert's checks.
 */
const FORM_FIELDS = Object.freeze([
	formField(1, 'main_identifier', 'Nome', 'string', { is_required: true }),
	formField(2, 'channel_phone', 'Telefone', 'phone', { is_unique: true, is_multiple: true }),
	formField(3, 'channel_email', 'E-mail', 'email', { is_unique: true, is_multiple: true }),
	formField(4, 'document', 'CPF', 'string', { is_unique: true }),
	formField(5, 'company', 'Empresa', 'string', {}),
	formField(6, 'birthday', 'Aniversário', 'date', {}),
]);

/**
 * @param {number} id
 * @param {string} name
 * @param {string} label
 * @param {string} type
 * @param {{ is_required?: boolean, is_unique?: boolean, is_multiple?: boolean }} flags
 */
function formField(id, name, label, type, flags) {
	return Object.freeze({
		id,
		name,
		label,
		is_required: flags.is_required ?? false,
		is_unique: flags.is_unique ?? false,
		type,
		is_multiple: flags.is_multiple ?? false,
		belongs_to_customer: true,
		belongs_to_collection: false,
		label_updatable: name !== 'main_identifier',
		value_updatable: true,
		showable: true,
	});
}

/**
 * @typedef {object} AgentRecord
 * @property {number} id
 * @property {string} name
 * @property {string} email
 * @property {string} password kept only to tell that it was set; never answered
 * @property {'ADMIN' | 'AGENT'} profile
 * @property {number | null} text_limit
 * @property {string} phone_extension
 * @property {'ONLINE' | 'OFFLINE'} new_status
 * @property {number} departmentId
 */

/**
 * @typedef {object} CustomerRecord
 * @property {number} id
 * @property {number} account_id
 * @property {Record<string, unknown>} fields
 * @property {string} date_creation
 * @property {string | null} change_date
 * @property {string} customer_key
 * @property {boolean} active
 * @property {number | null} agent_id
 */

/**
 * @typedef {object} Account
 * @property {Map<number, CustomerRecord>} customers
 * @property {Map<number, AgentRecord>} agents
 * @property {unknown[]} tasks the imported `{ task, customer, agents }` entries
 * @property {unknown[]} offcontacts the messages left, with their interaction_hash
 * @property {number} nextCustomerId
 * @property {number} nextAgentId
 */

const ACCOUNT_ID = 9001;

/** @returns {Account} */
function createAccount() {
	/** @type {Map<number, AgentRecord>} */
	const agents = new Map();
	AGENTS.forEach((agent, index) => {
		agents.set(agent.id, {
			id: agent.id,
			name: agent.name,
			email: agent.email,
			password: 'catalog-agent-password',
			profile: index === 0 ? 'ADMIN' : 'AGENT',
			text_limit: null,
			phone_extension: agent.phone_extension,
			new_status: agent.status,
			// Two agents per active department: 101-102 Support, 103-104 Sales, 105-106 Billing.
			departmentId: DEPARTMENTS[Math.floor(index / 2)].id,
		});
	});
	return { customers: new Map(), agents, tasks: [], offcontacts: [], nextCustomerId: 500001, nextAgentId: 201 };
}

/**
 * An agent as GET /api/external/agents shows it: never the password.
 * @param {AgentRecord} agent
 */
function agentView(agent) {
	const department = DEPARTMENTS.find((item) => item.id === agent.departmentId);
	const active = true;
	return {
		id: agent.id,
		name: agent.name,
		photo: null,
		phone_extension: agent.phone_extension,
		signature: null,
		email: agent.email,
		deleted_at: null,
		ativo: active,
		active,
		new_status: agent.new_status,
		profile: agent.profile,
		text_limit: agent.text_limit,
		department: department ? { id: department.id, name: department.name } : null,
	};
}

module.exports = { FORM_FIELDS, ACCOUNT_ID, createAccount, agentView };
