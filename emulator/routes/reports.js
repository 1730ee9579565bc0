// @ts-check
'use strict';

// Reports API (reports-api.md): token in the query, errors as { error, status, success: false }.

const data = require('../data');
const contract = require('../contract');
const { isAcceptedToken, INVALID_TOKEN_MESSAGE } = require('./route');
const { parseReportQuery, matchesFilters, pageOf } = require('./report-query');
const { aggregateReport, DATA_TYPES } = require('./report-aggregate');

/** @typedef {import('./route').RequestContext} RequestContext */
/** @typedef {import('./route').Answer} Answer */
/** @typedef {import('./report-query').ReportQuery} ReportQuery */

/**
 * @param {number} status
 * @param {string} error
 * @returns {Answer}
 */
function reportError(status, error) {
	return { status, body: { error, status, success: false } };
}

/**
 * The expanded history's answer; the other endpoints' answers come from emulator/contract.js,
 * which check:live compares a real account with (it does not read the expanded history).
 * @param {unknown} rows
 * @returns {Answer}
 */
function expandedSuccess(rows) {
	return { status: 200, body: { status: 200, success: true, data: rows } };
}

/**
 * @param {RequestContext} ctx
 * @returns {{ error: Answer } | { q: ReportQuery, dataset: import('../data').Dataset }}
 */
function prepare(ctx) {
	if (!isAcceptedToken(ctx.backend, ctx.query.token, 'chatApi')) return { error: reportError(401, INVALID_TOKEN_MESSAGE) };
	const dataset = ctx.backend.dataset();
	const parsed = parseReportQuery(ctx.query, dataset.nowMs);
	if ('error' in parsed) return { error: reportError(422, parsed.error) };
	return { q: parsed.value, dataset };
}

/** @param {RequestContext} ctx @returns {Answer} */
function getDigitalChannels(ctx) {
	const prepared = prepare(ctx);
	if ('error' in prepared) return prepared.error;
	const { q, dataset } = prepared;
	const dataType = ctx.query.data_type || 'period';
	if (!DATA_TYPES.includes(dataType)) return reportError(422, `data_type must be one of ${DATA_TYPES.join(', ')}`);
	// search/active are history parameters; the report does not document them.
	const filters = { ...q, search: null, active: null };
	const cores = dataset.historyBetween(q.fromMs, q.toMs).filter((core) => matchesFilters(core, filters));
	return contract.answer('digitalChannels', aggregateReport(cores, dataType, q.offset));
}

/** @param {boolean} expanded */
function historyRoute(expanded) {
	const toRow = expanded ? data.expandedHistoryRow : data.historyRow;
	/** @param {RequestContext} ctx @returns {Answer} */
	return (ctx) => {
		const prepared = prepare(ctx);
		if ('error' in prepared) return prepared.error;
		const { q, dataset } = prepared;
		const cores = dataset.historyBetween(q.fromMs, q.toMs).filter((core) => matchesFilters(core, q));
		const rows = pageOf(cores, q).map((core) => toRow(core, q.offset));
		return expanded ? expandedSuccess(rows) : contract.answer('history', rows);
	};
}

/** @param {RequestContext} ctx @returns {Answer} */
function getConversationMessages(ctx) {
	const prepared = prepare(ctx);
	if ('error' in prepared) return prepared.error;
	// Finished and ongoing protocols alike (the ongoing list's ids are protocols too).
	const core = /^\d+$/.test(ctx.params[0]) ? prepared.dataset.protocolById(Number(ctx.params[0])) : undefined;
	if (!core) return reportError(404, 'Protocol not found');
	return contract.answer('conversationMessages', data.conversationOf(core, prepared.q.offset));
}

/** @param {RequestContext} ctx @returns {Answer} */
function getOngoing(ctx) {
	const prepared = prepare(ctx);
	if ('error' in prepared) return prepared.error;
	const { q, dataset } = prepared;
	// Ongoing takes no dates, search or active: everything still open is listed.
	const filters = { ...q, search: null, active: null };
	const cores = dataset.ongoingCores().filter((core) => matchesFilters(core, filters));
	return contract.answer('ongoing', pageOf(cores, q).map((core) => data.ongoingRow(core, q.offset)));
}

const BASE = '/api/ms/external';

/** @type {import('./route').Route[]} */
const reportRoutes = [
	{ method: 'GET', pattern: new RegExp(`^${BASE}/reports$`), handle: getDigitalChannels },
	{ method: 'GET', pattern: new RegExp(`^${BASE}/history$`), handle: historyRoute(false) },
	{ method: 'GET', pattern: new RegExp(`^${BASE}/history/expanded$`), handle: historyRoute(true) },
	{ method: 'GET', pattern: new RegExp(`^${BASE}/history/([^/]+)/messages$`), handle: getConversationMessages },
	{ method: 'GET', pattern: new RegExp(`^${BASE}/ongoing$`), handle: getOngoing },
];

module.exports = { reportRoutes };
