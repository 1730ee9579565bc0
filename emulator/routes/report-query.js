// @ts-check
'use strict';

// Query parameters of the Reports API, parsed once and applied to the generated records.

const { parseLocalDate, parseTimezone } = require('../time');
const { AGENTS, DEPARTMENTS } = require('../catalog');

const MAX_LIMIT = 10_000;
const DEFAULT_LIMIT = 100;
const DEFAULT_WINDOW_MS = 30 * 86_400_000;

/**
 * @typedef {object} ReportQuery
 * @property {number} offset timezone, minutes east of UTC
 * @property {number} fromMs
 * @property {number} toMs
 * @property {Set<number> | null} agents agent ids
 * @property {Set<number> | null} departments
 * @property {Set<string> | null} states upper case
 * @property {Set<string> | null} types upper case
 * @property {Set<number> | null} tags
 * @property {string | null} search lower case
 * @property {number | null} searchId the search as a protocol id, when it is all digits
 * @property {boolean | null} active
 * @property {number} page
 * @property {number} limit
 */

/**
 * @param {string | undefined} value
 * @param {string} name
 * @returns {{ error: string } | { ids: Set<number> | null }}
 */
function idList(value, name) {
	if (value === undefined || value.trim() === '') return { ids: null };
	const parts = value.split(',').map((part) => part.trim()).filter((part) => part !== '');
	if (!parts.every((part) => /^\d+$/.test(part))) return { error: `${name} must be comma-separated numeric ids` };
	return { ids: new Set(parts.map(Number)) };
}

/** @param {string | undefined} value */
function valueList(value) {
	if (value === undefined || value.trim() === '') return null;
	// Accept the document's quoted examples ('ENDED') as well as bare values.
	return new Set(value.split(',').map((part) => part.trim().replace(/^['"]|['"]$/g, '').toUpperCase()).filter((part) => part));
}

/**
 * @param {string | undefined} value
 * @param {string} name
 * @param {number} fallback
 * @param {number} max
 * @returns {{ error: string } | { value: number }}
 */
function positiveInt(value, name, fallback, max) {
	if (value === undefined || value === '') return { value: fallback };
	if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > max) {
		return { error: max === Infinity ? `${name} must be an integer >= 1` : `${name} must be an integer between 1 and ${max}` };
	}
	return { value: Number(value) };
}

/**
 * @param {Record<string, string>} query
 * @param {number} nowMs the emulator's "current date"
 * @returns {{ error: string } | { value: ReportQuery }}
 */
function parseReportQuery(query, nowMs) {
	let offset = 0;
	if (query.timezone !== undefined && query.timezone !== '') {
		const parsed = parseTimezone(query.timezone);
		if (parsed === undefined) return { error: 'timezone must have 5 characters, like -0300' };
		offset = parsed;
	}
	const toMs = query.to ? parseLocalDate(query.to, offset) : nowMs;
	if (toMs === undefined) return { error: "Invalid 'to' date, expected YYYY-MM-DD HH:MM:SS" };
	const fromMs = query.from ? parseLocalDate(query.from, offset) : toMs - DEFAULT_WINDOW_MS;
	if (fromMs === undefined) return { error: "Invalid 'from' date, expected YYYY-MM-DD HH:MM:SS" };
	if (fromMs > toMs) return { error: "'from' must not be after 'to'" };

	const agents = idList(query.agents, 'agents');
	if ('error' in agents) return agents;
	const departments = idList(query.departments, 'departments');
	if ('error' in departments) return departments;
	const tags = idList(query.tags, 'tags');
	if ('error' in tags) return tags;

	let active = null;
	if (query.active !== undefined && query.active !== '') {
		if (query.active !== 'true' && query.active !== 'false') return { error: 'active must be true or false' };
		active = query.active === 'true';
	}
	const page = positiveInt(query.page, 'page', 1, Infinity);
	if ('error' in page) return page;
	const limit = positiveInt(query.limit, 'limit', DEFAULT_LIMIT, MAX_LIMIT);
	if ('error' in limit) return limit;

	return {
		value: {
			offset,
			fromMs,
			toMs,
			agents: agents.ids,
			departments: departments.ids,
			states: valueList(query.states),
			types: valueList(query.types),
			tags: tags.ids,
			search: query.search ? query.search.toLowerCase() : null,
			searchId: query.search && /^\d+$/.test(query.search) ? Number(query.search) : null,
			active,
			page: page.value,
			limit: limit.value,
		},
	};
}

/**
 * @param {import('../data').Core} core
 * @param {ReportQuery} q
 */
function matchesFilters(core, q) {
	if (q.agents && (core.agentIndex < 0 || !q.agents.has(AGENTS[core.agentIndex].id))) return false;
	if (q.departments && !q.departments.has(DEPARTMENTS[core.departmentIndex].id)) return false;
	if (q.states && !q.states.has(core.state)) return false;
	if (q.types && !q.types.has(core.type)) return false;
	if (q.tags && !core.tagIds.some((id) => q.tags?.has(id))) return false;
	if (q.active !== null && core.active !== q.active) return false;
	if (q.search !== null) {
		const byId = q.searchId === core.id;
		const byName = core.customerName.toLowerCase().includes(q.search);
		const byAgent = core.agentIndex >= 0 && AGENTS[core.agentIndex].email.includes(q.search);
		if (!byId && !byName && !byAgent) return false;
	}
	return true;
}

/**
 * @template T
 * @param {T[]} rows
 * @param {ReportQuery} q
 */
function pageOf(rows, q) {
	const start = (q.page - 1) * q.limit;
	return rows.slice(start, start + q.limit);
}

module.exports = { parseReportQuery, matchesFilters, pageOf, MAX_LIMIT };
