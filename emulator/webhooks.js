// @ts-check
'use strict';

// Agent-side events, shaped exactly as the "Triggers" sections of interactions-api.md (Chat API:
// carry `extra`) and whatsapp-api-v1.md (carry `external_id`, never `extra`).

const http = require('http');
const https = require('https');
const { randomUUID } = require('crypto');
const { isPlainObject } = require('./http-util');
const { addMessage, openWhatsAppInteraction } = require('./state');

const DELIVERY_TIMEOUT_MS = 10_000;

/** Action name (emulator API) -> `state` value in the payload; `message` has no state. */
const STATES = /** @type {const} */ ({
	queue: 'queued',
	accept: 'accepted',
	unavailable: 'unavailable',
	type: 'typing',
	stopTyping: 'cleared',
	transfer: 'transferred',
	finish: 'finished',
});
const ACTIONS = [...Object.keys(STATES), 'message'];

/**
 * @typedef {object} AgentParams
 * @property {string} [interactionHash] a Chat API interaction (or any hash, to fire for an unknown one)
 * @property {string} [externalId] a WhatsApp API v1 customer
 * @property {number} [position] queue position (queue), default 1
 * @property {{ hash?: string, content?: string, type?: string, url?: string | null }} [message] agent message (message)
 * @property {string} [content] shorthand for message.content
 * @property {{ id: number, name: string }} [agent] who acts (message)
 * @property {number | string} [departmentId] new department (transfer), default 2
 * @property {Record<string, unknown>} [extra] extra for a hash the emulator does not know
 * @property {string} [target] deliver here instead of the configured webhook URL
 * @property {Record<string, string>} [query] appended to the target's query string
 * @property {Record<string, string>} [headers] extra request headers
 * @property {boolean} [raw] post `body` as given (a string is sent verbatim), skipping the event builder
 * @property {unknown} [body]
 */

/** @typedef {{ status: number, body: unknown, error?: string }} Delivery */

/**
 * Builds the payload and applies the event to the state, as the platform would.
 * @param {import('./state').EmulatorState} state
 * @param {string} action
 * @param {AgentParams} params
 * @returns {{ error: string } | { payload: unknown }}
 */
function buildEvent(state, action, params) {
	if (params.raw) return { payload: params.body };
	if (!ACTIONS.includes(action)) return { error: `Unknown action "${action}"; use one of ${ACTIONS.join(', ')}` };

	let interaction = params.interactionHash ? state.interactions.get(params.interactionHash) : undefined;
	if (params.externalId !== undefined) {
		interaction = openWhatsAppInteraction(state, String(params.externalId)) ?? latestWhatsApp(state, String(params.externalId)) ?? interaction;
	}
	if (!interaction && !params.interactionHash && params.externalId === undefined) {
		return { error: 'params.interactionHash or params.externalId is required' };
	}
	const hash = interaction?.hash ?? params.interactionHash ?? randomUUID();
	const externalId = interaction?.channel === 'whatsapp' ? interaction.externalId : params.externalId !== undefined ? String(params.externalId) : null;
	const whatsapp = externalId !== null;

	/** @type {Record<string, unknown>} */
	const payload = whatsapp ? { external_id: externalId, interaction_hash: hash } : { interaction_hash: hash };
	if (action === 'message') {
		const given = params.message ?? {};
		const content = given.content ?? params.content ?? 'Hello! How can I help you?';
		const type = given.type ?? 'text';
		const url = given.url ?? null;
		const stored = interaction ? addMessage(interaction, { content, type, url, direction: 'AGENT' }) : undefined;
		payload.message = whatsapp ? { content, type } : { hash: given.hash ?? stored?.hash ?? randomUUID(), content, type, url };
		payload.agent = params.agent ?? (whatsapp ? { id: 123, name: 'Agent' } : { id: 111, name: 'Atendente' });
	} else {
		payload.state = STATES[/** @type {keyof typeof STATES} */ (action)];
		if (action === 'queue') payload.position = params.position ?? 1;
		if (action === 'transfer') {
			// The document sends department_id as a string.
			payload.department_id = String(params.departmentId ?? 2);
			if (interaction && /^\d+$/.test(String(payload.department_id))) interaction.departmentId = Number(payload.department_id);
		}
		if (interaction) {
			interaction.agentState = /** @type {import('./state').Interaction['agentState']} */ (
				action === 'queue' || action === 'accept' || action === 'unavailable' || action === 'transfer' || action === 'finish'
					? payload.state
					: interaction.agentState
			);
			if (action === 'finish') interaction.finished = true;
		}
	}
	if (!whatsapp) payload.extra = interaction?.extra ?? (isPlainObject(params.extra) ? params.extra : {});
	return { payload };
}

/**
 * @param {import('./state').EmulatorState} state
 * @param {string} externalId
 */
function latestWhatsApp(state, externalId) {
	const all = [...state.interactions.values()].filter((item) => item.channel === 'whatsapp' && item.externalId === externalId);
	return all[all.length - 1];
}

/**
 * One POST, one attempt, bounded by a timeout: a trigger that is down must not hang a test.
 * @param {string} target
 * @param {unknown} payload
 * @param {AgentParams} params
 * @returns {Promise<Delivery>}
 */
function deliver(target, payload, params) {
	return new Promise((resolve) => {
		/** @type {URL} */
		let url;
		try {
			url = new URL(target);
		} catch {
			resolve({ status: 0, body: null, error: `Invalid webhook URL: ${target}` });
			return;
		}
		if (url.protocol !== 'http:' && url.protocol !== 'https:') {
			resolve({ status: 0, body: null, error: 'The webhook URL must be http(s)' });
			return;
		}
		for (const [key, value] of Object.entries(params.query ?? {})) url.searchParams.append(key, String(value));
		const text = params.raw && typeof payload === 'string' ? payload : JSON.stringify(payload ?? null);
		const client = url.protocol === 'https:' ? https : http;
		const req = client.request(
			url,
			{
				method: 'POST',
				agent: false,
				headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text), ...(params.headers ?? {}) },
				timeout: DELIVERY_TIMEOUT_MS,
			},
			(res) => {
				/** @type {Buffer[]} */
				const chunks = [];
				res.on('data', (/** @type {Buffer} */ chunk) => chunks.push(chunk));
				res.on('end', () => resolve({ status: res.statusCode ?? 0, body: parseMaybeJson(Buffer.concat(chunks).toString('utf8')) }));
				res.on('error', (error) => resolve({ status: res.statusCode ?? 0, body: null, error: error.message }));
			},
		);
		req.on('timeout', () => req.destroy(new Error(`No answer within ${DELIVERY_TIMEOUT_MS} ms`)));
		req.on('error', (error) => resolve({ status: 0, body: null, error: error.message }));
		req.end(text);
	});
}

/** @param {string} text */
function parseMaybeJson(text) {
	if (text === '') return null;
	try {
		return JSON.parse(text);
	} catch {
		return text;
	}
}

module.exports = { buildEvent, deliver, ACTIONS };
