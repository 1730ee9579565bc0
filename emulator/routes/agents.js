// @ts-check
'use strict';

// Agents (more-zenvia-apis.md, "Agents"): ClientSDK token. A password is written, never answered.

const { agentView } = require('../account');
const { authenticateBody, refuseQueryToken, messageError } = require('./route');
const v = require('./validate');
const contract = require('../contract');

/** @typedef {import('./route').RequestContext} RequestContext */
/** @typedef {import('./route').Answer} Answer */
/** @typedef {import('../account').AgentRecord} AgentRecord */

const PROFILES = ['ADMIN', 'AGENT'];
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** Seconds: the emulator's fixed average answer time of the last 100 interactions. */
const AVERAGE_SERVICE_SECONDS = 95;

/** @param {RequestContext} ctx @returns {Answer} */
function getOnlineAgents(ctx) {
	const refused = refuseQueryToken(ctx, 'clientSdk');
	if (refused) return refused;
	const department = ctx.query.department_id;
	if (department !== undefined && !/^\d+$/.test(department)) return messageError(422, 'The department_id must be an integer.');
	const online = [...ctx.backend.state.account.agents.values()].filter(
		(agent) => agent.new_status === 'ONLINE' && (department === undefined || agent.departmentId === Number(department)),
	);
	// Zenvia picks at most 3 at random; the emulator shows the first 3 so tests can name them.
	const agents = online.slice(0, 3).map(({ id, name }) => ({ id, name, photo: null }));
	return contract.answer('agentsOnline', { agents, averageService: AVERAGE_SERVICE_SECONDS, count: online.length, status: 200 });
}

/** @param {RequestContext} ctx @returns {Answer} */
function listAgents(ctx) {
	const refused = refuseQueryToken(ctx, 'clientSdk');
	if (refused) return refused;
	return contract.answer('agents', [...ctx.backend.state.account.agents.values()].map(agentView));
}

/**
 * @param {RequestContext} ctx
 * @returns {AgentRecord | undefined}
 */
function findAgent(ctx) {
	const id = ctx.params[0];
	return /^\d+$/.test(id) ? ctx.backend.state.account.agents.get(Number(id)) : undefined;
}

/** @param {RequestContext} ctx @returns {Answer} */
function getAgent(ctx) {
	const refused = refuseQueryToken(ctx, 'clientSdk');
	if (refused) return refused;
	const agent = findAgent(ctx);
	return agent ? { status: 200, body: agentView(agent) } : messageError(404, 'Agent not found');
}

/**
 * Problems of the writable fields present in a create or update body.
 * @param {Record<string, unknown>} body
 * @param {Map<number, AgentRecord>} agents
 * @param {{ required: boolean, selfId?: number }} mode
 * @returns {string | undefined}
 */
function agentFieldProblem(body, agents, mode) {
	for (const field of ['name', 'email', 'password', 'profile']) {
		const value = body[field];
		if (v.isAbsent(value)) {
			if (mode.required) return `The ${field} field is required.`;
			continue;
		}
		if (typeof value !== 'string' || value.trim() === '') return `The ${field} must be a non-empty string.`;
	}
	if (typeof body.email === 'string') {
		if (!EMAIL.test(body.email)) return 'The email must be a valid email address.';
		const taken = [...agents.values()].some((agent) => agent.email.toLowerCase() === String(body.email).toLowerCase() && agent.id !== mode.selfId);
		if (taken) return 'The email has already been taken.';
	}
	if (typeof body.profile === 'string' && !PROFILES.includes(body.profile)) return `The profile must be one of ${PROFILES.join(', ')}.`;
	const limit = body.text_limit;
	if (!v.isAbsent(limit) && !(typeof limit === 'number' && Number.isInteger(limit) && limit >= 0)) {
		return 'The text_limit must be a whole number.';
	}
	return undefined;
}

/** @param {RequestContext} ctx @returns {Answer} */
function createAgent(ctx) {
	const auth = authenticateBody(ctx, 'clientSdk');
	if ('error' in auth) return auth.error;
	const { body } = auth;
	const account = ctx.backend.state.account;
	const problem = agentFieldProblem(body, account.agents, { required: true });
	if (problem) return messageError(422, problem);
	/** @type {AgentRecord} */
	const agent = {
		id: account.nextAgentId++,
		name: String(body.name),
		email: String(body.email),
		password: String(body.password),
		profile: /** @type {'ADMIN' | 'AGENT'} */ (body.profile),
		text_limit: typeof body.text_limit === 'number' ? body.text_limit : null,
		phone_extension: '',
		new_status: 'OFFLINE',
		departmentId: 0,
	};
	account.agents.set(agent.id, agent);
	return { status: 200, body: agentView(agent) };
}

/** @param {RequestContext} ctx @returns {Answer} */
function updateAgent(ctx) {
	const auth = authenticateBody(ctx, 'clientSdk');
	if ('error' in auth) return auth.error;
	const agent = findAgent(ctx);
	if (!agent) return messageError(404, 'Agent not found');
	const { body } = auth;
	const problem = agentFieldProblem(body, ctx.backend.state.account.agents, { required: false, selfId: agent.id });
	if (problem) return messageError(422, problem);
	if (typeof body.name === 'string') agent.name = body.name;
	if (typeof body.email === 'string') agent.email = body.email;
	if (typeof body.password === 'string') agent.password = body.password;
	if (typeof body.profile === 'string') agent.profile = /** @type {'ADMIN' | 'AGENT'} */ (body.profile);
	if (typeof body.text_limit === 'number') agent.text_limit = body.text_limit;
	return { status: 200, body: agentView(agent) };
}

const ID = '([^/]+)';

/** @type {import('./route').Route[]} */
const agentRoutes = [
	{ method: 'GET', pattern: /^\/core\/api\/v1\/agents\/online$/, handle: getOnlineAgents },
	{ method: 'GET', pattern: /^\/api\/external\/agents$/, handle: listAgents },
	{ method: 'POST', pattern: /^\/api\/external\/agents$/, handle: createAgent },
	{ method: 'GET', pattern: new RegExp(`^/api/external/agents/${ID}$`), handle: getAgent },
	{ method: 'PUT', pattern: new RegExp(`^/api/external/agents/${ID}$`), handle: updateAgent },
];

module.exports = { agentRoutes };
