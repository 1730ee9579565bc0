// @ts-check
'use strict';

// WhatsApp API v1 (whatsapp-api-v1.md). The document shows no error bodies; these answer in the
// Chat API's { message, status } shape, since both belong to the same platform.

const { isPlainObject } = require('../http-util');
const { DEPARTMENTS } = require('../catalog');
const { addInteraction, addMessage, openWhatsAppInteraction } = require('../state');
const { isAcceptedToken, messageError, INVALID_TOKEN_MESSAGE } = require('./route');
const v = require('./validate');
const contract = require('../contract');

/** @typedef {import('./route').RequestContext} RequestContext */
/** @typedef {import('./route').Answer} Answer */

/**
 * @param {RequestContext} ctx
 * @returns {{ error: Answer } | { body: Record<string, unknown>, externalId: string }}
 */
function authenticateCustomer(ctx) {
	if (!ctx.body.ok) return { error: messageError(400, 'The request body is not valid JSON.') };
	const body = isPlainObject(ctx.body.value) ? ctx.body.value : {};
	if (!isAcceptedToken(ctx.backend, body.token, 'clientSdk')) return { error: messageError(401, INVALID_TOKEN_MESSAGE) };
	const customer = body.customer;
	const externalId = isPlainObject(customer) ? customer.external_id : undefined;
	const usable = (typeof externalId === 'string' && externalId !== '') || (typeof externalId === 'number' && Number.isFinite(externalId));
	if (!usable) return { error: messageError(422, 'The customer.external_id field is required.') };
	return { body, externalId: String(externalId) };
}

/** @param {RequestContext} ctx @returns {Answer} */
function getDepartments(ctx) {
	if (!isAcceptedToken(ctx.backend, ctx.query.token, 'clientSdk')) return messageError(401, INVALID_TOKEN_MESSAGE);
	return contract.answer('whatsappDepartments', DEPARTMENTS.map((department) => ({ ...department })));
}

/** @param {RequestContext} ctx @returns {Answer} */
function sendWhatsAppMessage(ctx) {
	const auth = authenticateCustomer(ctx);
	if ('error' in auth) return auth.error;
	const { body, externalId } = auth;
	const contentType = v.isAbsent(body.content_type) ? 'text' : body.content_type;
	const problems = [
		typeof body.content === 'string' && body.content !== '' ? undefined : 'The content field is required.',
		typeof contentType === 'string' && contentType !== '' ? undefined : 'The content_type must be a string.',
		contentType === 'text' ? v.checkOptionalString(body, 'url') : v.checkHttpUrl(body.url, 'url'),
		v.checkDepartmentId(body.department_id),
		v.checkCustomer(body.customer, ['name', 'email', 'phone', 'cpf']),
		v.checkOptionalObject(body.extra),
		v.checkOptionalString(body, 'external_history'),
	];
	const problem = problems.find((item) => item !== undefined);
	if (problem) return messageError(422, problem);

	const state = ctx.backend.state;
	const interaction =
		openWhatsAppInteraction(state, externalId) ??
		addInteraction(state, {
			channel: 'whatsapp',
			departmentId: /** @type {number} */ (body.department_id),
			mediaType: 'WHATSAPP',
			customer: v.pickCustomer(body.customer),
			extra: isPlainObject(body.extra) ? body.extra : {},
			externalHistory: typeof body.external_history === 'string' ? body.external_history : null,
			externalId,
		});
	const message = addMessage(interaction, {
		content: /** @type {string} */ (body.content),
		type: /** @type {string} */ (contentType),
		url: typeof body.url === 'string' ? body.url : null,
		direction: 'CLIENT',
	});
	interaction.typing = false;
	return { status: 200, body: { message: 'Message sent successfully', data: { message_hash: message.hash } } };
}

/**
 * @param {boolean} typing
 * @param {string} message
 */
function typingRoute(typing, message) {
	/** @param {RequestContext} ctx @returns {Answer} */
	return (ctx) => {
		const auth = authenticateCustomer(ctx);
		if ('error' in auth) return auth.error;
		const interaction = openWhatsAppInteraction(ctx.backend.state, auth.externalId);
		if (!interaction) return messageError(404, 'No open interaction for this customer.external_id');
		interaction.typing = typing;
		return { status: 200, body: { message, status: 200 } };
	};
}

/** @type {import('./route').Route[]} */
const whatsappRoutes = [
	{ method: 'GET', pattern: /^\/api\/v1\/departments$/, handle: getDepartments },
	{ method: 'POST', pattern: /^\/api\/v1\/whatsapp$/, handle: sendWhatsAppMessage },
	{ method: 'PUT', pattern: /^\/api\/v1\/whatsapp\/typing$/, handle: typingRoute(true, 'Typing sent successfully') },
	{ method: 'PUT', pattern: /^\/api\/v1\/interactions\/cleared$/, handle: typingRoute(false, 'Cleared sent successfully') },
];

module.exports = { whatsappRoutes };
