// @ts-check
'use strict';

// The editor's side of n8n: an owner account made at start (N8N_INSTANCE_OWNER_MANAGED_BY_ENV, as
// the demo does), a signed-in session, and the REST calls the editor's screens make with it.

const path = require('path');

const HTTP_TIMEOUT_MS = 15_000;

/**
 * @typedef {{ email: string, password: string }} Login
 * @typedef {{ url: string, headers: Record<string, string> }} Session
 */

/**
 * What `n8n start` needs to create the owner account `login` at start. The password is hashed
 * with the bcryptjs n8n itself checks logins with.
 * @param {import('./n8n').N8nRuntime} runtime
 * @param {Login} login
 * @returns {NodeJS.ProcessEnv}
 */
function ownerEnv(runtime, login) {
	const bcrypt = require(path.join(runtime.dir, 'n8n', 'node_modules', 'bcryptjs'));
	return {
		N8N_INSTANCE_OWNER_MANAGED_BY_ENV: 'true',
		N8N_INSTANCE_OWNER_EMAIL: login.email,
		N8N_INSTANCE_OWNER_PASSWORD_HASH: bcrypt.hashSync(login.password, 10),
		N8N_INSTANCE_OWNER_FIRST_NAME: 'Test',
		N8N_INSTANCE_OWNER_LAST_NAME: 'Owner',
		// Plain http on 127.0.0.1: a secure-only cookie would not be sent back.
		N8N_SECURE_COOKIE: 'false',
	};
}

/**
 * Signs in as the editor's login form does.
 * @param {string} url n8n's address, e.g. http://127.0.0.1:5678
 * @param {Login} login
 * @returns {Promise<Session>}
 */
async function signIn(url, login) {
	const headers = { 'Content-Type': 'application/json', 'browser-id': 'n8n-nodes-zenvia-chat-e2e' };
	const answer = await fetch(`${url}/rest/login`, {
		method: 'POST',
		headers,
		body: JSON.stringify({ emailOrLdapLoginId: login.email, password: login.password }),
		signal: AbortSignal.timeout(HTTP_TIMEOUT_MS),
	});
	const cookie = answer.headers.getSetCookie().find((value) => value.startsWith('n8n-auth='));
	if (answer.status !== 200 || !cookie) throw new Error(`POST /rest/login as ${login.email} answered ${answer.status}: ${await answer.text()}`);
	return { url, headers: { ...headers, cookie: cookie.split(';')[0] } };
}

/**
 * One REST call as the signed-in user. Resolves whatever the status; `data` is n8n's `data`.
 * @param {Session} session
 * @param {'GET' | 'POST' | 'PATCH' | 'DELETE'} method
 * @param {string} route e.g. /rest/community-packages
 * @param {unknown} [body]
 * @param {{ timeoutMs?: number }} [options] installing a package takes longer than a plain call
 * @returns {Promise<{ status: number, data: any, text: string }>}
 */
async function rest(session, method, route, body, options = {}) {
	const answer = await fetch(`${session.url}${route}`, {
		method,
		headers: session.headers,
		body: body === undefined ? undefined : JSON.stringify(body),
		signal: AbortSignal.timeout(options.timeoutMs ?? HTTP_TIMEOUT_MS),
	});
	const text = await answer.text();
	let data;
	try {
		data = JSON.parse(text).data;
	} catch {
		data = undefined;
	}
	return { status: answer.status, data, text };
}

/**
 * A REST call that must answer 200; rejects with n8n's answer otherwise.
 * @param {Session} session
 * @param {'GET' | 'POST' | 'PATCH' | 'DELETE'} method
 * @param {string} route
 * @param {unknown} [body]
 * @param {{ timeoutMs?: number }} [options]
 */
async function restOk(session, method, route, body, options) {
	const answer = await rest(session, method, route, body, options);
	if (answer.status !== 200) throw new Error(`${method} ${route} answered ${answer.status}: ${answer.text.slice(0, 2000)}`);
	return answer.data;
}

/**
 * "Execute workflow" in the editor, from one trigger: the REST call the editor tab makes (it names
 * itself with a push-ref), which arms that trigger's Test URL. n8n answers { waitingForWebhook: true }.
 * @param {Session} session
 * @param {string} workflowId
 * @param {string} triggerName
 */
async function executeFromEditor(session, workflowId, triggerName) {
	const workflowData = await restOk(session, 'GET', `/rest/workflows/${workflowId}`);
	const editorTab = { ...session, headers: { ...session.headers, 'push-ref': `e2e-editor-tab-${workflowId}` } };
	return await restOk(editorTab, 'POST', `/rest/workflows/${workflowId}/run`, { workflowData, startNodes: [], triggerToStartFrom: { name: triggerName } });
}

module.exports = { ownerEnv, signIn, rest, restOk, executeFromEditor };
