// @ts-check
'use strict';

const { isPlainObject } = require('../http-util');
const { DEPARTMENTS } = require('../catalog');

// Each check returns an error sentence, or undefined when the value is acceptable.
// null counts as "not sent" for optional fields, as the documents say null falls back to defaults.

/** @param {unknown} value */
function isAbsent(value) {
	return value === undefined || value === null;
}

/**
 * @param {unknown} value
 * @returns {string | undefined}
 */
function checkDepartmentId(value) {
	if (isAbsent(value)) return 'The department_id field is required.';
	if (typeof value !== 'number' || !Number.isInteger(value)) return 'The department_id must be an integer.';
	// Unknown ids are accepted (accounts differ); the catalog's inactive one is refused.
	const known = DEPARTMENTS.find((department) => department.id === value);
	if (known && !known.active) return 'The selected department_id is not an active department.';
	return undefined;
}

/**
 * @param {Record<string, unknown>} body
 * @param {string} field
 * @returns {string | undefined}
 */
function checkOptionalString(body, field) {
	const value = body[field];
	if (isAbsent(value) || typeof value === 'string') return undefined;
	return `The ${field} must be a string.`;
}

/**
 * @param {unknown} customer
 * @param {readonly string[]} fields
 * @returns {string | undefined}
 */
function checkCustomer(customer, fields) {
	if (isAbsent(customer)) return undefined;
	if (!isPlainObject(customer)) return 'The customer must be an object.';
	for (const field of fields) {
		const value = customer[field];
		if (!isAbsent(value) && typeof value !== 'string') return `The customer.${field} must be a string.`;
	}
	return undefined;
}

/**
 * @param {unknown} value
 * @returns {string | undefined}
 */
function checkOptionalObject(value, field = 'extra') {
	if (isAbsent(value) || isPlainObject(value)) return undefined;
	return `The ${field} must be an object.`;
}

/**
 * @param {unknown} value
 * @param {string} field
 * @returns {string | undefined}
 */
function checkHttpUrl(value, field) {
	if (isAbsent(value) || value === '') return `The ${field} field is required when sending a file.`;
	if (typeof value !== 'string' || !/^https?:\/\/[^\s]+$/i.test(value)) return `The ${field} must be a valid http(s) URL.`;
	return undefined;
}

/**
 * Only the defined, non-null customer fields, so stored state mirrors what was really sent.
 * @param {unknown} customer
 * @returns {import('../state').Customer}
 */
function pickCustomer(customer) {
	if (!isPlainObject(customer)) return {};
	/** @type {Record<string, string>} */
	const out = {};
	for (const field of ['name', 'email', 'phone', 'cpf', 'external_id']) {
		const value = customer[field];
		if (!isAbsent(value)) out[field] = String(value);
	}
	return out;
}

module.exports = {
	isAbsent,
	checkDepartmentId,
	checkOptionalString,
	checkCustomer,
	checkOptionalObject,
	checkHttpUrl,
	pickCustomer,
};
