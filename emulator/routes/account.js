// @ts-check
'use strict';

// Chat API account data (more-zenvia-apis.md): the token in the query for reads, errors as
// { message, status }.

const { DEPARTMENTS, AGENTS } = require('../catalog');
const { isAcceptedToken, messageError, INVALID_TOKEN_MESSAGE } = require('./route');
const contract = require('../contract');

/** @typedef {import('./route').RequestContext} RequestContext */
/** @typedef {import('./route').Answer} Answer */

const CREATED = '2024-01-15T12:00:00.000Z';

/**
 * GET /api/external/departments: a plain array (not wrapped), inactive departments included with
 * state 0, as the document shows. Takes the Chat API token.
 * @param {RequestContext} ctx
 * @returns {Answer}
 */
function getChatDepartments(ctx) {
	if (!isAcceptedToken(ctx.backend, ctx.query.token, 'chatApi')) return messageError(401, INVALID_TOKEN_MESSAGE);
	const body = DEPARTMENTS.map((department, index) => ({
		id: department.id,
		name: department.name,
		ringing_max_time: 20,
		queued_max_time: 120,
		queue: true,
		bot_id: null,
		queue_position_time: null,
		date_creation: CREATED,
		change_date: null,
		state: department.active ? 1 : 0,
		agents: AGENTS.filter((_, agentIndex) => agentIndex % DEPARTMENTS.length === index).map(({ id, name }) => ({
			id,
			name,
			photo: null,
		})),
		channels: [{ id: 1, name: 'CHAT', state: 1 }],
	}));
	return contract.answer('chatDepartments', body);
}

/** @type {import('./route').Route[]} */
const accountRoutes = [{ method: 'GET', pattern: /^\/api\/external\/departments$/, handle: getChatDepartments }];

module.exports = { accountRoutes };
