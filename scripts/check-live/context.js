// @ts-check
'use strict';

// The little of n8n an operation of the node touches, so check:live runs the node's own operations
// and transport (zenviaRequest: token placement, answer reading, retries, errors) without an n8n.
// n8n's HTTP helper is the one part stood in for: it also records each raw answer, whose shape is
// what check:live compares with the contract.

const http = require('http');
const https = require('https');

/**
 * One request and its raw answer, as the contract check reads it. The query is kept without its
 * token; the body is parsed JSON, or `text` when it was not JSON. Nothing here is ever printed.
 * @typedef {object} Exchange
 * @property {string} path
 * @property {Record<string, unknown>} query what the node asked for (page, limit, timezone...)
 * @property {number} status 0 when no answer came (a network error)
 * @property {string} [network] the network error's code (ECONNREFUSED, ETIMEDOUT...), when no answer came
 * @property {{ json: unknown } | { text: true, empty: boolean }} [answer]
 */

const NODE = {
	id: 'check-live',
	name: 'Zenvia Chat',
	type: 'n8n-nodes-zenvia-chat.zenviaChat',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
	credentials: { zenviaChatApi: { id: 'check-live', name: 'check:live' } },
};

/**
 * Sends one GET; resolves with n8n's full-response shape (the body as text, as `encoding: 'text'`
 * asks). Anything but a GET is refused before it leaves: the check only reads.
 * @param {{ method?: string, baseURL?: string, url: string, qs?: Record<string, unknown>, timeout?: number }} options
 * @returns {Promise<{ statusCode: number, headers: Record<string, unknown>, body: string }>}
 */
function get(options) {
	const method = (options.method ?? 'GET').toUpperCase();
	if (method !== 'GET') return Promise.reject(new Error(`check:live sends reads only, not ${method}`));
	const url = new URL(`${options.baseURL ?? ''}${options.url}`);
	for (const [key, value] of Object.entries(options.qs ?? {})) {
		if (value !== undefined && value !== null) url.searchParams.set(key, String(value));
	}
	const client = url.protocol === 'https:' ? https : http;
	return new Promise((resolve, reject) => {
		const request = client.request(url, { method, agent: false, headers: { accept: 'application/json' } }, (response) => {
			/** @type {Buffer[]} */
			const chunks = [];
			response.on('data', (chunk) => chunks.push(chunk));
			response.on('error', reject);
			response.on('end', () =>
				resolve({ statusCode: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks).toString('utf8') }),
			);
		});
		request.setTimeout(options.timeout ?? 60_000, () => request.destroy(Object.assign(new Error('timed out'), { code: 'ETIMEDOUT' })));
		request.on('error', reject);
		request.end();
	});
}

/**
 * @param {string} text
 * @returns {Exchange['answer']}
 */
function parsed(text) {
	try {
		return text.trim() === '' ? { text: true, empty: true } : { json: JSON.parse(text) };
	} catch {
		return { text: true, empty: false };
	}
}

/**
 * An IExecuteFunctions of one item with these parameters, whose requests go through the
 * credential's own `authenticate` and land in `exchanges`.
 * @param {{ credentialType: { authenticate: Function }, parameters: Record<string, unknown>, exchanges: Exchange[] }} setup
 */
function executeContext({ credentialType, parameters, exchanges }) {
	return {
		getNode: () => NODE,
		getTimezone: () => 'UTC',
		/** @param {string} name @param {number} _itemIndex @param {unknown} [fallback] */
		getNodeParameter: (name, _itemIndex, fallback) => (name in parameters ? parameters[name] : fallback),
		helpers: {
			/**
			 * @param {string} _type
			 * @param {any} options
			 * @param {{ credentialsDecrypted: { data: Record<string, unknown> } }} authentication
			 */
			async httpRequestWithAuthentication(_type, options, authentication) {
				/** @type {Exchange} */
				const exchange = { path: options.url, query: { ...options.qs }, status: 0 };
				exchanges.push(exchange);
				const signed = await credentialType.authenticate(authentication.credentialsDecrypted.data, options);
				const response = await get(signed).catch((/** @type {{ code?: unknown }} */ error) => {
					exchange.network = typeof error?.code === 'string' && /^E[A-Z_]+$/.test(error.code) ? error.code : 'no code';
					throw error;
				});
				exchange.status = response.statusCode;
				exchange.answer = parsed(response.body);
				return response;
			},
		},
	};
}

module.exports = { executeContext, get };
