// @ts-check
'use strict';

// The Digital Channels report: counts and average times over the same records the history serves,
// so a test can cross-check one against the other.

const { AGENTS, DEPARTMENTS, TAGS } = require('../catalog');
const { localDay } = require('../time');

const COUNT_FIELDS = /** @type {const} */ ([
	'answered', 'backlog', 'discarded', 'ended', 'expired', 'made', 'missed', 'not_answered',
	'pending', 'postponed', 'received', 'remainder', 'rang',
]);

// Local aliases: global lookups are slow inside jest's vm sandbox (see random.js).
const { round, max } = Math;

const SLA_FIRST_RESPONSE_SECONDS = 120;

/** @typedef {import('../data').Core} Core */

/**
 * @param {Core} core
 * @returns {Record<typeof COUNT_FIELDS[number], number>}
 */
function countsOf(core) {
	const state = core.state;
	const pending = core.wasPending ? 1 : 0;
	const postponed = core.wasPostponed ? 1 : 0;
	return {
		answered: state === 'ENDED' ? 1 : 0,
		backlog: core.fromBacklog ? 1 : 0,
		discarded: state === 'DISCARDED' ? 1 : 0,
		ended: state === 'ENDED' ? 1 : 0,
		expired: state === 'EXPIRED' ? 1 : 0,
		made: core.active ? 1 : 0,
		missed: state === 'MISSED' ? 1 : 0,
		not_answered: state === 'UNAVAILABLE' ? 1 : 0,
		pending,
		postponed,
		received: core.active ? 0 : 1,
		remainder: pending + postponed,
		rang: core.agentIndex >= 0 && !core.active ? 1 : 0,
	};
}

/** @param {number[]} values */
function average(values) {
	return values.length === 0 ? 0 : round(values.reduce((sum, value) => sum + value, 0) / values.length);
}

/**
 * Average times (seconds) over a set of records.
 * @param {Core[]} cores
 */
function timesOf(cores) {
	const answered = cores.filter((core) => core.state === 'ENDED');
	const tma = average(answered.map((core) => core.talkingTime));
	const tme = average(cores.map((core) => core.queuedTime));
	const tmpa = average(cores.filter((core) => core.pendingTime > 0).map((core) => core.pendingTime));
	const withinSla = answered.filter((core) => core.firstContactTime <= SLA_FIRST_RESPONSE_SECONDS).length;
	return {
		sla: tma + tme + tmpa,
		slapr: answered.length === 0 ? 0 : round((withinSla / answered.length) * 100),
		tma,
		tmaxe: cores.reduce((highest, core) => max(highest, core.queuedTime), 0),
		tme,
		tmp: average(cores.filter((core) => core.postponedTime > 0).map((core) => core.postponedTime)),
		tmpa,
		tmpr: average(answered.map((core) => core.firstContactTime)),
		tmr: average(answered.map((core) => core.responseTime)),
	};
}

/**
 * A row with every documented field, keys in alphabetical order as in the document.
 * @param {string} title
 * @param {Record<string, number>} counts
 * @param {ReturnType<typeof timesOf>} times
 */
function reportRow(title, counts, times) {
	/** @type {Record<string, string | number>} */
	const row = { ...counts, ...times, title };
	return Object.fromEntries(Object.keys(row).sort().map((key) => [key, row[key]]));
}

/**
 * @param {Core} core
 * @param {string} dataType
 * @param {number} offset
 * @returns {string[]} group titles (a record with two tags counts in both)
 */
function groupsOf(core, dataType, offset) {
	switch (dataType) {
		case 'tag':
			return core.tagIds.length === 0 ? ['No tag'] : core.tagIds.map((id) => TAGS.find((tag) => tag.id === id)?.name ?? String(id));
		case 'department':
			return [DEPARTMENTS[core.departmentIndex].name];
		case 'channel':
			return [core.type];
		case 'agent':
			return [core.agentIndex < 0 ? 'No agent' : AGENTS[core.agentIndex].name];
		default:
			return [localDay(core.createdMs, offset)];
	}
}

/**
 * @param {Core[]} cores already filtered
 * @param {string} dataType period | tag | department | channel | agent
 * @param {number} offset
 */
function aggregateReport(cores, dataType, offset) {
	/** @type {Map<string, Core[]>} */
	const groups = new Map();
	for (const core of cores) {
		for (const title of groupsOf(core, dataType, offset)) {
			const members = groups.get(title);
			if (members) members.push(core);
			else groups.set(title, [core]);
		}
	}
	const titles = [...groups.keys()].sort();
	/** @type {Record<string, number>} */
	const totals = Object.fromEntries(COUNT_FIELDS.map((field) => [field, 0]));
	const rows = titles.map((title) => {
		const members = /** @type {Core[]} */ (groups.get(title));
		/** @type {Record<string, number>} */
		const counts = Object.fromEntries(COUNT_FIELDS.map((field) => [field, 0]));
		for (const core of members) {
			const own = countsOf(core);
			for (const field of COUNT_FIELDS) counts[field] += own[field];
		}
		for (const field of COUNT_FIELDS) totals[field] += counts[field];
		return reportRow(title, counts, timesOf(members));
	});
	rows.push(reportRow('Total', totals, timesOf(cores)));
	return rows;
}

const DATA_TYPES = ['period', 'tag', 'department', 'channel', 'agent'];

module.exports = { aggregateReport, DATA_TYPES, COUNT_FIELDS };
