// @ts-check
'use strict';

// Offcontact (more-zenvia-apis.md, "Offcontact"): a message left for a department's team; Chat API token.

const { randomUUID } = require('crypto');
const { isPlainObject } = require('../http-util');
const { authenticateBody, messageError } = require('./route');
const { MESSAGE_TYPES } = require('./interactions');
const v = require('./validate');

/** @typedef {import('./route').RequestContext} RequestContext */
/** @typedef {import('./route').Answer} Answer */

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** @param {Record<string, unknown>} body @returns {string | undefined} */
function offcontactProblem(body) {
	if (typeof body.content !== 'string' || body.content === '') return 'The content field is required.';
	const type = v.isAbsent(body.content_type) ? 'text' : body.content_type;
	if (typeof type !== 'string' || !MESSAGE_TYPES.includes(type)) return `The content_type must be one of ${MESSAGE_TYPES.join(', ')}.`;
	const url = type === 'text' ? v.checkOptionalString(body, 'url') : v.checkHttpUrl(body.url, 'url');
	if (url) return url;
	const department = v.checkDepartmentId(body.department_id);
	if (department) return department;
	const { customer } = body;
	if (!isPlainObject(customer)) return 'The customer field is required.';
	if (typeof customer.email !== 'string' || customer.email === '') return 'The customer.email field is required.';
	if (!EMAIL.test(customer.email)) return 'The customer.email must be a valid email address.';
	return v.checkCustomer(customer, ['phone', 'cpf', 'name']);
}

/** @param {RequestContext} ctx @returns {Answer} */
function leaveOffcontact(ctx) {
	const auth = authenticateBody(ctx, 'chatApi');
	if ('error' in auth) return auth.error;
	const problem = offcontactProblem(auth.body);
	if (problem) return messageError(422, problem);
	const interactionHash = randomUUID();
	const { token: _token, ...message } = auth.body;
	ctx.backend.state.account.offcontacts.push({ ...message, interaction_hash: interactionHash });
	return { status: 200, body: { message: 'Offcontact sent', interaction_hash: interactionHash, status: 200 } };
}

/** @type {import('./route').Route[]} */
const offcontactRoutes = [{ method: 'POST', pattern: /^\/core\/api\/v1\/offcontact$/, handle: leaveOffcontact }];

module.exports = { offcontactRoutes };
