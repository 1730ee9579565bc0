// @ts-check
'use strict';

// The report of check:live: statuses, key names, types and counts, never a value. Key names the
// contract does not know are shown only when they look like field names (shape.js, safeKey).

const { ENDPOINTS } = require('../../emulator/contract');
const { typeOf, safeKey } = require('../../emulator/shape');

/** @typedef {import('./run').StepResult} StepResult */

const TOKEN_NAMES = { chatApi: 'Chat API token', clientSdk: 'ClientSDK token' };
const HOST_NAMES = { chat: 'Chat API host (ZENVIA_CHAT_BASE_URL)', whatsapp: 'WhatsApp API v1 host (ZENVIA_WHATSAPP_BASE_URL, ZENVIA_ENVIRONMENT)' };
const TOKEN_VARIABLES = { chatApi: 'ZENVIA_CHAT_TOKEN', clientSdk: 'ZENVIA_CLIENTSDK_TOKEN' };

/**
 * The outer shape of an answer in a few words: `list of 4`, `object {status, success, data: list of 5}`.
 * @param {import('./context').Exchange} exchange
 */
function outline(exchange) {
	const answer = exchange.answer;
	if (!answer) return 'no answer';
	if (!('json' in answer)) return answer.empty ? 'an empty body' : 'text that is not JSON';
	const body = answer.json;
	if (Array.isArray(body)) return `list of ${body.length}`;
	if (typeof body !== 'object' || body === null) return typeOf(body);
	const keys = Object.entries(body).map(([key, value]) => (Array.isArray(value) ? `${safeKey(key)}: list of ${value.length}` : safeKey(key)));
	return `object {${keys.slice(0, 8).join(', ')}${keys.length > 8 ? `, ${keys.length - 8} more` : ''}}`;
}

/**
 * Every key path of a value with the types seen there, list items merged: the full shape, for
 * `--shapes`.
 * @param {unknown} value
 * @param {string} label
 * @param {string} indent
 * @returns {string[]}
 */
function shapeLines(value, label, indent) {
	/** @type {Map<string, { types: Set<string>, values: unknown[] }>} */
	const paths = new Map();
	const visit = (/** @type {unknown} */ current, /** @type {string} */ at) => {
		const entry = paths.get(at) ?? { types: new Set(), values: [] };
		paths.set(at, entry);
		entry.types.add(Array.isArray(current) ? `list of ${current.length}` : typeOf(current));
		if (Array.isArray(current)) current.forEach((item) => visit(item, `${at}[]`));
		else if (typeof current === 'object' && current !== null) {
			for (const [key, inner] of Object.entries(current)) visit(inner, `${at}.${safeKey(key)}`);
		}
	};
	visit(value, label);
	return [...paths.entries()].map(([at, { types }]) => {
		const lists = [...types].filter((type) => type.startsWith('list of ')).map((type) => Number(type.slice(8)));
		const others = [...types].filter((type) => !type.startsWith('list of '));
		const range = lists.length === 0 ? [] : [lists.length === 1 ? `list of ${lists[0]}` : `lists of ${Math.min(...lists)} to ${Math.max(...lists)}`];
		return `${indent}${at}: ${[...others, ...range].join(' | ')}`;
	});
}

/** @param {import('../../emulator/shape').Difference} difference */
function describeDifference({ path, expected, got, count }) {
	const where = path || '(the answer)';
	const times = count > 1 ? ` (${count} places)` : '';
	if (expected === 'no such key') return `${where}: a key the contract does not have, ${got}${times}`;
	return `${where}: expected ${expected}, got ${got}${times}`;
}

/** @param {StepResult} result */
function nodeWords(result) {
	const node = result.node;
	if (!node) return '';
	if (node.ok) return `node read ${node.items} item${node.items === 1 ? '' : 's'}`;
	return `node failed (${[node.kind, node.httpCode && `HTTP ${node.httpCode}`, node.code].filter(Boolean).join(', ')})`;
}

/**
 * The lines before the endpoints: what was checked where, and what could not be.
 * @param {StepResult[]} results
 * @param {{ environment: string, customBaseUrls: boolean, version: string }} about
 */
function headLines(results, about) {
	const lines = [
		'Zenvia Chat contract check (npm run check:live): shapes only, no values; safe to paste as it is.',
		`package ${about.version}, Node.js ${process.version}, environment ${about.environment}, ${about.customBaseUrls ? 'custom base URLs' : "Zenvia's hosts"}`,
	];
	for (const token of /** @type {const} */ (['chatApi', 'clientSdk'])) {
		const own = results.filter((result) => ENDPOINTS[result.endpoint].token === token);
		const refusedBy = own.find((result) => result.outcome === 'refused');
		if (own.every((result) => result.skipped === 'token not given')) {
			lines.push(`${TOKEN_NAMES[token]}: not given (${TOKEN_VARIABLES[token]}); its ${own.length} endpoints were not checked.`);
		} else if (refusedBy) {
			const status = refusedBy.exchanges[0]?.status || (refusedBy.node?.ok === false ? refusedBy.node.httpCode : undefined);
			lines.push(`${TOKEN_NAMES[token]}: REFUSED by ${ENDPOINTS[refusedBy.endpoint].title} (HTTP ${status}); nothing else was tried with it.`);
		}
	}
	for (const api of /** @type {const} */ (['chat', 'whatsapp'])) {
		const down = results.find((result) => result.outcome === 'unreachable' && ENDPOINTS[result.endpoint].api === api);
		const code = down?.exchanges[0]?.network ?? 'no code';
		if (down) lines.push(`${HOST_NAMES[api]}: UNREACHABLE from ${ENDPOINTS[down.endpoint].title} (network error ${code}); nothing else was tried there.`);
	}
	return lines;
}

/**
 * One checked endpoint: its answer in a line, its pages, its differences, and with `shapes` the
 * first answer's whole shape.
 * @param {StepResult} result
 * @param {boolean} shapes
 */
function endpointLines(result, shapes) {
	const count = result.differences.length;
	const first = result.exchanges[0];
	const answered = first ? `HTTP ${first.status || '(none)'}, ${outline(first)}` : 'nothing sent';
	const verdict = count === 0 ? 'fits the contract' : `${count} difference${count === 1 ? '' : 's'}`;
	const lines = [`${ENDPOINTS[result.endpoint].title.padEnd(32, '.')} ${answered}; ${nodeWords(result)}; ${verdict}`];
	if (result.paging) {
		const { limit, page1, page2, repeated } = result.paging;
		const second = page2 === undefined ? 'was not read' : `had ${page2}, ${repeated ? `${repeated} repeated` : 'none repeated'}`;
		lines.push(`    pages of ${limit}: page 1 had ${page1} rows, page 2 ${second}`);
	}
	for (const difference of result.differences) lines.push(`    ${describeDifference(difference)}`);
	const answer = first?.answer;
	// The first page's shape is enough: the second is compared with the contract all the same.
	if (shapes && answer && 'json' in answer) lines.push(...shapeLines(answer.json, 'answer', '      '));
	return lines;
}

/**
 * @param {StepResult[]} results
 * @param {{ environment: string, customBaseUrls: boolean, version: string, shapes?: boolean }} about
 * @returns {{ lines: string[], clean: boolean }}
 */
function formatReport(results, about) {
	const checked = results.filter((result) => result.outcome === 'checked');
	const lines = [...headLines(results, about), '', ...checked.flatMap((result) => endpointLines(result, about.shapes === true))];
	// Steps left out for a reason the lines above do not already give.
	const said = ['token not given', 'token refused', 'host unreachable'];
	for (const result of results.filter((item) => item.outcome === 'skipped' && !said.includes(item.skipped ?? ''))) {
		lines.push(`${ENDPOINTS[result.endpoint].title.padEnd(32, '.')} not checked: ${result.skipped}`);
	}
	const differences = checked.reduce((sum, result) => sum + result.differences.length, 0);
	const withDifferences = checked.filter((result) => result.differences.length > 0).length;
	const refused = results.some((result) => result.outcome === 'refused');
	const unreachable = results.some((result) => result.outcome === 'unreachable');
	const verdict =
		checked.length === 0
			? 'no endpoint was checked'
			: differences === 0
				? `all ${checked.length} endpoints checked fit the contract`
				: `${differences} difference${differences === 1 ? '' : 's'} in ${withDifferences} of ${checked.length} endpoints checked`;
	const trouble = [refused && 'a token was refused', unreachable && 'a host could not be reached'].filter(Boolean);
	if (lines[lines.length - 1] !== '') lines.push('');
	lines.push(`Result: ${verdict}${trouble.length ? `; ${trouble.join(' and ')} (above)` : ''}.`);
	return { lines, clean: checked.length > 0 && differences === 0 && !refused && !unreachable };
}

module.exports = { formatReport, shapeLines, outline };
