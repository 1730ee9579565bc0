// @ts-check
'use strict';

// Talks to a running emulator through its /__admin endpoints, from any process.

const ADMIN_TIMEOUT_MS = 15_000;

/**
 * @typedef {object} LoggedRequest
 * @property {string} method
 * @property {string} path
 * @property {Record<string, string>} query
 * @property {unknown} body
 * @property {string} [fault]
 */

/**
 * @param {string} baseUrl the emulator's URL, e.g. http://127.0.0.1:4010
 */
function emulatorClient(baseUrl) {
	/**
	 * @param {string} method
	 * @param {string} path
	 * @param {unknown} [body]
	 * @returns {Promise<any>}
	 */
	async function admin(method, path, body) {
		const answer = await fetch(`${baseUrl}/__admin/${path}`, {
			method,
			headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
			body: body === undefined ? undefined : JSON.stringify(body),
			signal: AbortSignal.timeout(ADMIN_TIMEOUT_MS),
		});
		const text = await answer.text();
		if (!answer.ok) throw new Error(`Emulator ${method} /__admin/${path} answered ${answer.status}: ${text}`);
		return JSON.parse(text);
	}

	return {
		url: baseUrl,
		/** @returns {Promise<LoggedRequest[]>} */
		requests: async () => (await admin('GET', 'requests')).requests,
		clearRequests: () => admin('DELETE', 'requests'),
		/** @param {Record<string, unknown>} fault */
		setFault: (fault) => admin('POST', 'faults', fault),
		clearFaults: () => admin('DELETE', 'faults'),
		/** @param {string | null} url where agent events are posted */
		setWebhook: (url) => admin('POST', 'webhook', { url }),
		/**
		 * Fires an agent event (accept, type, stopTyping, message, transfer, finish, ...).
		 * @param {string} action
		 * @param {Record<string, unknown>} params e.g. { interactionHash } or { externalId }
		 * @returns {Promise<{ delivered: { status: number, body: unknown, error?: string }[] }>}
		 */
		agent: (action, params) => admin('POST', `agent/${action}`, params),
		/**
		 * Zenvia's side of an external bot: posts newInteraction, newMessage or finishedInteraction.
		 * @param {string} action
		 * @param {Record<string, unknown>} params e.g. { target, departmentId } or { target, interactionHash, content }
		 * @returns {Promise<{ payload: Record<string, unknown>, delivered: { status: number, body: unknown, error?: string }[] }>}
		 */
		bot: (action, params) => admin('POST', `bot/${action}`, params),
		/** @param {Record<string, unknown>} changes e.g. { records: 30000 } */
		configure: (changes) => admin('POST', 'config', changes),
		state: () => admin('GET', 'state'),
	};
}

module.exports = { emulatorClient };
