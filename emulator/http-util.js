// @ts-check
'use strict';

const MAX_BODY_BYTES = 5 * 1024 * 1024;

/**
 * @param {import('http').IncomingMessage} req
 * @returns {Promise<string>}
 */
function readRawBody(req) {
	return new Promise((resolve, reject) => {
		/** @type {Buffer[]} */
		const chunks = [];
		let size = 0;
		req.on('data', (/** @type {Buffer} */ chunk) => {
			size += chunk.length;
			if (size > MAX_BODY_BYTES) {
				reject(new Error('Request body too large'));
				req.destroy();
				return;
			}
			chunks.push(chunk);
		});
		req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
		req.on('error', reject);
	});
}

/**
 * Parsed body, or a marker for an unparseable one so handlers can answer 400 and the
 * request log still shows what arrived.
 * @typedef {{ ok: true, value: unknown } | { ok: false, raw: string }} ParsedBody
 */

/**
 * @param {string} raw
 * @returns {ParsedBody}
 */
function parseJsonBody(raw) {
	if (raw.trim() === '') return { ok: true, value: undefined };
	try {
		return { ok: true, value: JSON.parse(raw) };
	} catch {
		return { ok: false, raw };
	}
}

/**
 * @param {import('http').ServerResponse} res
 * @param {number} status
 * @param {unknown} body
 * @param {Record<string, string>} [headers]
 */
function sendJson(res, status, body, headers = {}) {
	const text = JSON.stringify(body);
	res.writeHead(status, {
		'Content-Type': 'application/json; charset=utf-8',
		'Content-Length': Buffer.byteLength(text),
		...headers,
	});
	res.end(text);
}

/**
 * @param {import('http').ServerResponse} res
 * @param {number} status
 * @param {string} text
 * @param {string} contentType
 * @param {Record<string, string>} [headers]
 */
function sendText(res, status, text, contentType, headers = {}) {
	res.writeHead(status, { 'Content-Type': contentType, 'Content-Length': Buffer.byteLength(text), ...headers });
	res.end(text);
}

/** @param {unknown} value @returns {value is Record<string, unknown>} */
function isPlainObject(value) {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Keys whose string values are secrets: tokens, and agents' passwords. */
const SECRET_KEYS = ['token', 'password'];

/**
 * Deep copy with every secret hidden: values under a "token" or "password" key, and any accepted token
 * appearing inside another string (a URL, a header), so the request log is safe to print.
 * @param {unknown} value
 * @param {readonly string[]} secrets
 * @returns {unknown}
 */
function redact(value, secrets) {
	if (typeof value === 'string') {
		let out = value;
		for (const secret of secrets) if (secret) out = out.split(secret).join('[redacted]');
		return out;
	}
	if (Array.isArray(value)) return value.map((item) => redact(item, secrets));
	if (isPlainObject(value)) {
		/** @type {Record<string, unknown>} */
		const out = {};
		for (const [key, item] of Object.entries(value)) {
			out[key] = SECRET_KEYS.includes(key) && typeof item === 'string' ? '[redacted]' : redact(item, secrets);
		}
		return out;
	}
	return value;
}

module.exports = { readRawBody, parseJsonBody, sendJson, sendText, isPlainObject, redact };
