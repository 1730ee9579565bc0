// @ts-check
'use strict';

// /__admin/*: lets a separate process (n8n end-to-end tests, the demo) drive what the
// programmatic handle offers. Never faulted, never logged, no token: it is a local test tool.

const { parseFault } = require('../faults');
const { isPlainObject } = require('../http-util');

/** @typedef {import('./route').Answer} Answer */

/**
 * The subset of the emulator handle the admin API needs.
 * @typedef {object} AdminControls
 * @property {() => unknown[]} requests
 * @property {() => void} clearRequests
 * @property {(fault: unknown) => unknown} setFault throws on an invalid fault
 * @property {() => void} clearFaults
 * @property {() => unknown[]} faults
 * @property {(url: string | null) => void} setWebhookTarget
 * @property {() => string | null} webhookTarget
 * @property {(action: string, params: import('../webhooks').AgentParams) => Promise<{ delivered: import('../webhooks').Delivery[] }>} agent
 * @property {(action: string, params: import('../bot-events').BotParams) => Promise<{ payload: unknown, delivered: import('../webhooks').Delivery[] }>} bot
 * @property {() => unknown} stateJson
 * @property {() => void} resetState
 * @property {(changes: unknown) => unknown} configure throws on invalid values
 * @property {() => unknown} config
 */

/**
 * @param {number} status
 * @param {string} error
 * @returns {Answer}
 */
function adminError(status, error) {
	return { status, body: { error } };
}

/**
 * @param {() => Answer | Promise<Answer>} run
 * @returns {Promise<Answer>}
 */
async function guarded(run) {
	try {
		return await run();
	} catch (error) {
		return adminError(400, error instanceof Error ? error.message : String(error));
	}
}

/**
 * @param {AdminControls} controls
 * @param {string} method
 * @param {string} path
 * @param {import('../http-util').ParsedBody} parsed
 * @returns {Promise<Answer>}
 */
function handleAdmin(controls, method, path, parsed) {
	if (!parsed.ok) return Promise.resolve(adminError(400, 'Body is not valid JSON'));
	const body = parsed.value;
	const route = `${method} ${path}`;
	return guarded(async () => {
		switch (route) {
			case 'GET /__admin/requests':
				return { status: 200, body: { requests: controls.requests() } };
			case 'DELETE /__admin/requests':
				controls.clearRequests();
				return { status: 200, body: { requests: [] } };
			case 'GET /__admin/faults':
				return { status: 200, body: { faults: controls.faults() } };
			case 'POST /__admin/faults':
				controls.setFault(body);
				return { status: 200, body: { faults: controls.faults() } };
			case 'DELETE /__admin/faults':
				controls.clearFaults();
				return { status: 200, body: { faults: [] } };
			case 'POST /__admin/scenario': {
				// One call between the cells of a test run: forget the faults and the request log,
				// then arm the cell's faults (all checked before any is armed).
				const faults = isPlainObject(body) ? body.faults : undefined;
				if (!Array.isArray(faults)) return adminError(400, 'Expected { "faults": [ ... ] }');
				const problem = faults.map(parseFault).find((parsed) => 'error' in parsed);
				if (problem && 'error' in problem) return adminError(400, problem.error);
				controls.clearFaults();
				controls.clearRequests();
				for (const fault of faults) controls.setFault(fault);
				return { status: 200, body: { faults: controls.faults() } };
			}
			case 'GET /__admin/webhook':
				return { status: 200, body: { url: controls.webhookTarget() } };
			case 'POST /__admin/webhook': {
				const url = isPlainObject(body) ? body.url : undefined;
				if (url !== null && typeof url !== 'string') return adminError(400, 'Expected { "url": "http://..." }');
				controls.setWebhookTarget(url);
				return { status: 200, body: { url: controls.webhookTarget() } };
			}
			case 'GET /__admin/state':
				return { status: 200, body: controls.stateJson() };
			case 'DELETE /__admin/state':
				controls.resetState();
				return { status: 200, body: controls.stateJson() };
			case 'GET /__admin/config':
				return { status: 200, body: controls.config() };
			case 'POST /__admin/config':
				controls.configure(body ?? {});
				return { status: 200, body: controls.config() };
			case 'GET /__admin/health':
				return { status: 200, body: { ok: true } };
			default:
				break;
		}
		const agentMatch = /^\/__admin\/agent\/([A-Za-z]+)$/.exec(path);
		if (method === 'POST' && agentMatch) {
			const params = /** @type {import('../webhooks').AgentParams} */ (isPlainObject(body) ? body : {});
			return { status: 200, body: await controls.agent(agentMatch[1], params) };
		}
		const botMatch = /^\/__admin\/bot\/([A-Za-z]+)$/.exec(path);
		if (method === 'POST' && botMatch) {
			const params = /** @type {import('../bot-events').BotParams} */ (isPlainObject(body) ? body : {});
			return { status: 200, body: await controls.bot(botMatch[1], params) };
		}
		return adminError(404, `No admin route ${route}`);
	});
}

module.exports = { handleAdmin };
