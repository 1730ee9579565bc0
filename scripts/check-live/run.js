// @ts-check
'use strict';

// Runs every step of steps.js with the node's own code and compares each raw answer with
// emulator/contract.js. The result holds shapes, counts and statuses only; report.js prints it.

const path = require('path');
const { ENDPOINTS, compare, listIn } = require('../../emulator/contract');
const { executeContext } = require('./context');
const { STEPS, PAGE_SIZE } = require('./steps');

/** Each step's time limit, retries included: long enough for Zenvia, short when a host is down. */
const STEP_TIME_LIMIT_MS = 30_000;
const REFUSED = [401, 403];

/** @typedef {import('./context').Exchange} Exchange */
/** @typedef {import('../../emulator/shape').Difference} Difference */

/**
 * @typedef {object} StepResult
 * @property {string} endpoint
 * @property {'checked' | 'refused' | 'unreachable' | 'skipped'} outcome
 * @property {string} [skipped] why the step was not run
 * @property {Exchange[]} exchanges page 1 (and page 2 of a paged list)
 * @property {{ ok: true, items: number } | { ok: false, kind: string, httpCode?: string, code?: string }} [node]
 * @property {Difference[]} differences
 * @property {{ limit: number, page1: number, page2?: number, repeated?: number }} [paging]
 */

/**
 * The node's modules, from `dist/` (the built package, as n8n loads it) or, in the unit tests,
 * from the TypeScript sources.
 * @param {string} root
 */
function loadNode(root) {
	const load = (/** @type {string} */ file) => require(path.join(root, file));
	return {
		transport: load('nodes/ZenviaChat/transport'),
		credentialType: new (load('credentials/ZenviaChatApi.credentials').ZenviaChatApi)(),
		/** @param {[string, string]} operation */
		operation: ([resource, name]) => load(`nodes/ZenviaChat/actions/${resource}/${name}.operation`),
	};
}

/**
 * What a failure of the node's operation was, without its message (which may quote the answer).
 * @param {unknown} error
 */
function failureOf(error) {
	const { name, httpCode, cause } = /** @type {{ name?: string, httpCode?: unknown, cause?: { code?: unknown } }} */ (error ?? {});
	const code = typeof cause?.code === 'string' ? cause.code : undefined;
	return {
		ok: /** @type {const} */ (false),
		kind: typeof name === 'string' && /^[A-Za-z]+$/.test(name) ? name : 'Error',
		...(typeof httpCode === 'string' && /^\d{3}$/.test(httpCode) ? { httpCode } : {}),
		...(code && /^[A-Z_]+$/.test(code) ? { code } : {}),
	};
}

/**
 * How one raw answer differs from the contract: status, JSON, shape.
 * @param {string} endpoint
 * @param {Exchange} exchange
 * @param {string} prefix
 * @returns {Difference[]}
 */
function answerDifferences(endpoint, exchange, prefix) {
	/** @type {Difference[]} */
	const found = [];
	if (exchange.status === 0) return [{ path: `${prefix}(connection)`, expected: 'an answer', got: `network error ${exchange.network ?? ''}`.trim(), count: 1 }];
	if (exchange.status !== 200) found.push({ path: `${prefix}(HTTP status)`, expected: '200', got: String(exchange.status), count: 1 });
	const answer = exchange.answer;
	if (!answer || !('json' in answer)) {
		found.push({ path: `${prefix}(the answer)`, expected: 'JSON', got: answer && answer.empty ? 'an empty body' : 'text that is not JSON', count: 1 });
		return found;
	}
	// A failure status carries an error body, not the contract's shape: the status says it all.
	if (exchange.status !== 200) return found;
	return [...found, ...compare(endpoint, answer.json).map((item) => ({ ...item, path: `${prefix}${item.path}` }))];
}

/** @param {unknown} row */
const idOf = (row) => (typeof row === 'object' && row !== null ? /** @type {{ id?: unknown }} */ (row).id : undefined);

/** @param {string} endpoint @param {Exchange | undefined} exchange */
const rowsIn = (endpoint, exchange) =>
	listIn(ENDPOINTS[endpoint], exchange?.answer && 'json' in exchange.answer ? exchange.answer.json : undefined) ?? [];

/**
 * The second page of a paged list through the node's transport, with the query the operation sent
 * for the first, and the checks Zenvia's note on paging implies (reports-api.md, `page`, `limit`).
 * @param {{ transport: any, context: any, run: any, endpoint: string, first: Exchange, exchanges: Exchange[] }} page
 */
async function secondPage({ transport, context, run, endpoint, first, exchanges }) {
	const rows1 = rowsIn(endpoint, first);
	/** @type {Difference[]} */
	const found = [];
	if (rows1.length > PAGE_SIZE) found.push({ path: '(page 1)', expected: `at most ${PAGE_SIZE} rows`, got: `${rows1.length} rows`, count: 1 });
	const { api, token, path: url } = ENDPOINTS[endpoint];
	const sentBefore = exchanges.length;
	try {
		await transport.zenviaRequest(context, { api, token, method: 'GET', path: url, qs: { ...first.query, page: 2, limit: PAGE_SIZE } }, run);
	} catch {
		// The second page's status and body say what went wrong.
	}
	const second = exchanges.length > sentBefore ? exchanges[exchanges.length - 1] : undefined;
	if (!second) return { paging: { limit: PAGE_SIZE, page1: rows1.length }, differences: found };
	found.push(...answerDifferences(endpoint, second, 'page 2: '));
	const rows2 = rowsIn(endpoint, second);
	const ids1 = new Set(rows1.map(idOf));
	const repeated = rows2.filter((row) => ids1.has(idOf(row))).length;
	if (rows1.length === PAGE_SIZE && repeated > 0) {
		found.push({ path: '(page 2)', expected: 'rows not on page 1', got: `${repeated} of page 1's rows again`, count: 1 });
	}
	if (rows1.length < PAGE_SIZE && rows2.length > 0) {
		found.push({ path: '(page 2)', expected: 'no rows after a short page 1', got: `${rows2.length} rows`, count: 1 });
	}
	return { second, paging: { limit: PAGE_SIZE, page1: rows1.length, page2: rows2.length, repeated }, differences: found };
}

/**
 * @param {ReturnType<typeof loadNode>} node
 * @param {Record<string, unknown>} credentials
 * @param {import('./steps').Step} step
 * @param {Record<string, unknown>} parameters
 * @returns {Promise<StepResult>}
 */
async function runStep(node, credentials, step, parameters) {
	const { endpoint } = step;
	/** @type {Exchange[]} */
	const exchanges = [];
	const context = executeContext({ credentialType: node.credentialType, parameters, exchanges });
	const deadline = new node.transport.Deadline(STEP_TIME_LIMIT_MS);
	const run = {
		itemIndex: 0,
		execution: { operationName: `check:live ${ENDPOINTS[endpoint].title}`, credentials: async () => credentials, connections: new Map() },
		deadline,
		ready: async () => deadline.start(),
	};
	/** @type {StepResult['node']} */
	let outcome;
	try {
		const output = await node.operation(step.operation).execute.call(context, run);
		outcome = { ok: true, items: Array.isArray(output) ? output.length : 1 };
	} catch (error) {
		outcome = failureOf(error);
	}
	// Retries of one request (a 429, a 5xx) leave several exchanges: the last one is the answer.
	const first = exchanges[exchanges.length - 1];
	const refused = REFUSED.includes(first?.status ?? 0) || (!outcome.ok && REFUSED.map(String).includes(outcome.httpCode ?? ''));
	const differences = first ? answerDifferences(endpoint, first, '') : [];
	const unreachable = first !== undefined && first.status === 0;
	/** @type {StepResult} */
	const result = { endpoint, outcome: refused ? 'refused' : unreachable ? 'unreachable' : 'checked', exchanges: first ? [first] : [], node: outcome, differences };
	if (!refused && outcome.ok && first && ENDPOINTS[endpoint].paged) {
		const paged = await secondPage({ transport: node.transport, context, run, endpoint, first, exchanges });
		if (paged.second) result.exchanges.push(paged.second);
		result.paging = paged.paging;
		result.differences.push(...paged.differences);
	}
	return result;
}

/**
 * The first protocol (`id`) of the history page, else of the ongoing page: the conversation whose
 * messages are read. Never printed.
 * @param {StepResult[]} results
 */
function protocolFrom(results) {
	for (const endpoint of ['history', 'ongoing']) {
		const rows = rowsIn(endpoint, results.find((result) => result.endpoint === endpoint)?.exchanges[0]);
		const id = rows.map(idOf).find((value) => typeof value === 'number' || (typeof value === 'string' && /^\d+$/.test(value)));
		if (id !== undefined) return id;
	}
	return undefined;
}

/**
 * Every step whose token was given, in order; after a refusal, nothing more with that token.
 * @param {{ root: string, credentials: Record<string, unknown> }} options
 * @returns {Promise<StepResult[]>}
 */
async function runChecks({ root, credentials }) {
	const node = loadNode(root);
	/** @type {StepResult[]} */
	const results = [];
	/** Token kinds refused, and hosts (chat, whatsapp) that could not be reached: not tried again. */
	const refused = new Set();
	const unreachable = new Set();
	for (const step of STEPS) {
		const { token, api } = ENDPOINTS[step.endpoint];
		const field = token === 'chatApi' ? 'chatApiToken' : 'clientSdkToken';
		const skip = (/** @type {string} */ why) => results.push({ endpoint: step.endpoint, outcome: 'skipped', skipped: why, exchanges: [], differences: [] });
		if (!credentials[field]) {
			skip('token not given');
			continue;
		}
		if (refused.has(token)) {
			skip('token refused');
			continue;
		}
		if (unreachable.has(api)) {
			skip('host unreachable');
			continue;
		}
		let parameters = step.parameters;
		if (typeof parameters === 'function') {
			const protocol = protocolFrom(results);
			if (protocol === undefined) {
				skip('no protocol on the history or ongoing page');
				continue;
			}
			parameters = parameters(protocol);
		}
		const result = await runStep(node, credentials, step, parameters);
		if (result.outcome === 'refused') refused.add(token);
		if (result.outcome === 'unreachable') unreachable.add(api);
		results.push(result);
	}
	return results;
}

module.exports = { runChecks, loadNode, PAGE_SIZE };
