// @ts-check
'use strict';

// CRM customers and their form (more-zenvia-apis.md, "Customers" and "Form fields"): ClientSDK token.

const { randomUUID } = require('crypto');
const { isPlainObject } = require('../http-util');
const { FORM_FIELDS, ACCOUNT_ID } = require('../account');
const { authenticateBody, refuseQueryToken, messageError } = require('./route');
const v = require('./validate');
const contract = require('../contract');

/** @typedef {import('./route').RequestContext} RequestContext */
/** @typedef {import('./route').Answer} Answer */
/** @typedef {import('../account').CustomerRecord} CustomerRecord */

/** @param {RequestContext} ctx @returns {Answer} */
function getFormFields(ctx) {
	const refused = refuseQueryToken(ctx, 'clientSdk');
	if (refused) return refused;
	return contract.answer('formFields', { status: 200, form_fields: FORM_FIELDS.map((field) => ({ ...field })) });
}

const VALUE_CHECKS = /** @type {Record<string, (value: string) => boolean>} */ ({
	email: (value) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value),
	phone: (value) => /^\+?\d{8,15}$/.test(value.replace(/[\s().-]/g, '')),
	date: (value) => /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value)),
	string: () => true,
});

/**
 * Zenvia's reasons for refusing one customer, in its "field: name problem" wording.
 * @param {unknown} entry
 * @param {import('../account').Account} account
 * @returns {string[]}
 */
function customerProblems(entry, account) {
	if (!isPlainObject(entry) || !isPlainObject(entry.fields)) return ['fields: is required'];
	const { fields } = entry;
	/** @type {string[]} */
	const problems = [];
	for (const name of Object.keys(fields)) {
		if (!FORM_FIELDS.some((field) => field.name === name)) problems.push(`field: ${name} does not exist`);
	}
	for (const field of FORM_FIELDS) {
		const given = fields[field.name];
		if (v.isAbsent(given) || given === '') {
			if (field.is_required) problems.push(`field: ${field.name} is required`);
			continue;
		}
		const values = Array.isArray(given) && field.is_multiple ? given : [given];
		const check = VALUE_CHECKS[field.type] ?? VALUE_CHECKS.string;
		const valid = values.every((value) => (typeof value === 'string' || typeof value === 'number') && check(String(value)));
		if (!valid) problems.push(`field: ${field.name} is invalid`);
	}
	const agentId = entry.agent_id;
	if (!v.isAbsent(agentId) && !(typeof agentId === 'number' && account.agents.has(agentId))) {
		problems.push(`agent_id: ${String(agentId)} not found`);
	}
	return problems;
}

/**
 * The customer a unique field's value already belongs to, if any: the "update" of create-or-update.
 * @param {Record<string, unknown>} fields
 * @param {Map<number, CustomerRecord>} customers
 */
function existingCustomer(fields, customers) {
	const uniques = FORM_FIELDS.filter((field) => field.is_unique && !v.isAbsent(fields[field.name]) && fields[field.name] !== '');
	for (const customer of customers.values()) {
		if (uniques.some((field) => JSON.stringify(customer.fields[field.name]) === JSON.stringify(fields[field.name]))) return customer;
	}
	return undefined;
}

/** @param {RequestContext} ctx @returns {Answer} */
function upsertCustomers(ctx) {
	const auth = authenticateBody(ctx, 'clientSdk');
	if ('error' in auth) return auth.error;
	const given = auth.body.customers;
	if (!Array.isArray(given) || given.length === 0) return messageError(422, 'The customers field is required.');

	const { account } = ctx.backend.state;
	/** @type {CustomerRecord[]} each as it was just after its own write */
	const accepted = [];
	/** @type {unknown[]} */
	const errors = [];
	for (const entry of given) {
		const problems = customerProblems(entry, account);
		const { fields, agent_id: agentId } = isPlainObject(entry) ? entry : { fields: undefined, agent_id: undefined };
		if (problems.length > 0) {
			errors.push({ fields: fields ?? null, agent_id: agentId ?? null, errors: problems });
			continue;
		}
		const now = new Date().toISOString();
		const values = /** @type {Record<string, unknown>} */ (fields);
		const found = existingCustomer(values, account.customers);
		if (found) {
			found.fields = { ...found.fields, ...values };
			found.change_date = now;
			if (!v.isAbsent(agentId)) found.agent_id = /** @type {number} */ (agentId);
			accepted.push(structuredClone(found));
			continue;
		}
		/** @type {CustomerRecord} */
		const created = {
			account_id: ACCOUNT_ID,
			fields: { ...values },
			id: account.nextCustomerId++,
			date_creation: now,
			change_date: null,
			customer_key: randomUUID(),
			active: true,
			agent_id: v.isAbsent(agentId) ? null : /** @type {number} */ (agentId),
		};
		account.customers.set(created.id, created);
		accepted.push(structuredClone(created));
	}
	return { status: 200, body: { status: 200, customers: accepted, errors } };
}

/** @type {import('./route').Route[]} */
const customerRoutes = [
	{ method: 'GET', pattern: /^\/api\/external\/form_fields$/, handle: getFormFields },
	{ method: 'POST', pattern: /^\/api\/external\/customers$/, handle: upsertCustomers },
];

module.exports = { customerRoutes };
