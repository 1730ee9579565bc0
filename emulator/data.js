// @ts-check
'use strict';

const catalog = require('./catalog');
const { streamFor, pick, intBetween } = require('./random');
const { formatInZone } = require('./time');

// Local aliases: global lookups are slow inside jest's vm sandbox (see random.js).
const { floor } = Math;
const toText = String;

/** Stable id ranges: history protocols and ongoing protocols never collide. */
const HISTORY_FIRST_ID = 100_001;
const ONGOING_FIRST_ID = 10_000_001;
const MAX_RECORDS = 1_000_000;
const ONGOING_WINDOW_MS = 8 * 3600_000;

/**
 * @typedef {object} DataConfig
 * @property {number} seed
 * @property {number} records rows in the history data set and in the ongoing data set
 * @property {string} now reference "current date" (ISO); data ends here, default windows end here
 * @property {number} spanDays history spreads evenly over this many days before `now`
 */

/**
 * The filterable, aggregatable part of a record; display fields are derived on output only,
 * which keeps 100,000 records cheap to hold.
 * @typedef {object} Core
 * @property {number} index
 * @property {number} id
 * @property {number} createdMs
 * @property {boolean} active true = started by an agent
 * @property {string} type
 * @property {number} departmentIndex
 * @property {string} state
 * @property {number} agentIndex -1 when no agent took it
 * @property {number} customerId
 * @property {string} customerName
 * @property {number[]} tagIds
 * @property {'POSITIVE'|'NEGATIVE'|null} mood
 * @property {number} queuedTime
 * @property {number} ringingTime
 * @property {number} talkingTime
 * @property {number} firstContactTime
 * @property {number} responseTime
 * @property {number} pendingTime
 * @property {number} postponedTime
 * @property {number} messages
 * @property {number} queued
 * @property {number} ringing
 * @property {number} transferring
 * @property {boolean} wasPending
 * @property {boolean} wasPostponed
 * @property {boolean} fromBacklog
 */

/**
 * @param {() => number} rnd
 * @param {number} index
 * @param {number} id
 * @param {number} createdMs
 * @param {readonly string[]} states
 * @returns {Core}
 */
function makeCore(rnd, index, id, createdMs, states) {
	const state = pick(rnd, states);
	const agentless = catalog.AGENTLESS_STATES.includes(state);
	const tagIds = [];
	for (const tag of catalog.TAGS) if (rnd() < 0.18) tagIds.push(tag.id);
	const moodRoll = rnd();
	const agentRoll = intBetween(rnd, 0, catalog.AGENTS.length - 1);
	// Answer times exist only where agent and client exchanged messages (ended or still open).
	const answered = state === 'ENDED' || state === 'TALKING' || state === 'PENDING' || state === 'POSTPONED';
	return {
		index,
		id,
		createdMs,
		active: rnd() < 0.2,
		type: pick(rnd, catalog.CHANNEL_TYPES),
		// The inactive department still shows up in old history, as in a real account.
		departmentIndex: rnd() < 0.03 ? 3 : intBetween(rnd, 0, 2),
		state,
		agentIndex: agentless ? -1 : agentRoll,
		customerId: intBetween(rnd, 50_000, 59_999),
		customerName: `${pick(rnd, catalog.FIRST_NAMES)} ${pick(rnd, catalog.LAST_NAMES)}`,
		tagIds,
		mood: !answered || moodRoll < 0.5 ? null : moodRoll < 0.85 ? 'POSITIVE' : 'NEGATIVE',
		queuedTime: intBetween(rnd, 0, 600),
		ringingTime: agentless ? 0 : intBetween(rnd, 1, 60),
		talkingTime: answered ? intBetween(rnd, 30, 3600) : 0,
		firstContactTime: answered ? intBetween(rnd, 5, 300) : 0,
		responseTime: answered ? intBetween(rnd, 5, 180) : 0,
		pendingTime: rnd() < 0.2 ? intBetween(rnd, 60, 7200) : 0,
		postponedTime: rnd() < 0.2 ? intBetween(rnd, 60, 7200) : 0,
		messages: agentless ? intBetween(rnd, 1, 3) : intBetween(rnd, 2, 14),
		queued: intBetween(rnd, 1, 2),
		ringing: agentless ? 0 : intBetween(rnd, 1, 3),
		transferring: rnd() < 0.1 ? 1 : 0,
		wasPending: rnd() < 0.08,
		wasPostponed: rnd() < 0.08,
		fromBacklog: rnd() < 0.1,
	};
}

/**
 * @param {Partial<DataConfig>} [options]
 * @returns {DataConfig}
 */
function normalizeDataConfig(options = {}) {
	const records = options.records ?? 1000;
	if (!Number.isInteger(records) || records < 0 || records > MAX_RECORDS) {
		throw new Error(`records must be an integer between 0 and ${MAX_RECORDS}`);
	}
	const seed = options.seed ?? 42;
	if (!Number.isInteger(seed)) throw new Error('seed must be an integer');
	const now = options.now ?? '2025-06-01T00:00:00Z';
	if (Number.isNaN(Date.parse(now))) throw new Error('now must be an ISO date');
	const spanDays = options.spanDays ?? 30;
	if (!(spanDays > 0)) throw new Error('spanDays must be positive');
	return { records, seed, now, spanDays };
}

/** @param {DataConfig} config */
function createDataset(config) {
	const nowMs = Date.parse(config.now);
	const spanMs = config.spanDays * 86_400_000;
	/** @type {Core[] | undefined} */
	let history;
	/** @type {Core[] | undefined} */
	let ongoing;

	/** Evenly spaced slots with jitter inside each keep created_at increasing with the id. */
	function historyCores() {
		if (history) return history;
		const cores = new Array(config.records);
		const slot = spanMs / Math.max(config.records, 1);
		const start = nowMs - spanMs;
		for (let i = 0; i < config.records; i++) {
			const rnd = streamFor(config.seed, i);
			const createdMs = floor((start + (i + rnd() * 0.9) * slot) / 1000) * 1000;
			cores[i] = makeCore(rnd, i, HISTORY_FIRST_ID + i, createdMs, catalog.HISTORY_STATES);
		}
		history = cores;
		return cores;
	}

	function ongoingCores() {
		if (ongoing) return ongoing;
		const cores = new Array(config.records);
		const slot = ONGOING_WINDOW_MS / Math.max(config.records, 1);
		for (let i = 0; i < config.records; i++) {
			const rnd = streamFor(config.seed ^ 0x5bd1e995, i);
			const createdMs = floor((nowMs - ONGOING_WINDOW_MS + (i + rnd() * 0.9) * slot) / 1000) * 1000;
			cores[i] = makeCore(rnd, i, ONGOING_FIRST_ID + i, createdMs, catalog.ONGOING_STATES);
		}
		ongoing = cores;
		return cores;
	}

	/**
	 * First index whose created_at is >= ms (records are sorted by created_at).
	 * @param {Core[]} cores
	 * @param {number} ms
	 */
	function lowerBound(cores, ms) {
		let lo = 0;
		let hi = cores.length;
		while (lo < hi) {
			const mid = (lo + hi) >>> 1;
			if (cores[mid].createdMs < ms) lo = mid + 1;
			else hi = mid;
		}
		return lo;
	}

	/**
	 * @param {number} fromMs inclusive
	 * @param {number} toMs inclusive
	 * @returns {Core[]}
	 */
	function historyBetween(fromMs, toMs) {
		const cores = historyCores();
		return cores.slice(lowerBound(cores, fromMs), lowerBound(cores, toMs + 1));
	}

	/** @param {number} id */
	function historyById(id) {
		const cores = historyCores();
		const index = id - HISTORY_FIRST_ID;
		return Number.isInteger(index) && index >= 0 && index < cores.length ? cores[index] : undefined;
	}

	/**
	 * A protocol of the history or of the ongoing list: both carry their protocol as `id`, and the
	 * conversation's messages are read by it.
	 * @param {number} id
	 */
	function protocolById(id) {
		const cores = ongoingCores();
		const index = id - ONGOING_FIRST_ID;
		return historyById(id) ?? (Number.isInteger(index) && index >= 0 && index < cores.length ? cores[index] : undefined);
	}

	return {
		config,
		nowMs,
		spanMs,
		historyCores,
		ongoingCores,
		historyBetween,
		historyById,
		protocolById,
	};
}

/** @typedef {ReturnType<typeof createDataset>} Dataset */

/** @param {Core} core */
function customerOf(core) {
	const [first, last] = core.customerName.split(' ');
	const login = `${first}.${last}`.normalize('NFD').replace(/[^A-Za-z.]/g, '').toLowerCase();
	const digits = toText(core.customerId).padStart(5, '0');
	return {
		id: core.customerId,
		fields: {
			channel_email: [`${login}${digits.slice(-3)}@example.com`],
			channel_external: core.type === 'WHATSAPP' ? `ext-${core.customerId}` : '',
			channel_facebook: core.type === 'FACEBOOK' ? `fb-${core.customerId}` : '',
			channel_mercado_livre: core.type.startsWith('MELI') ? `meli-${core.customerId}` : '',
			channel_phone: `551199${digits}${toText(core.customerId % 97).padStart(2, '0')}`,
			channel_telegram: core.type === 'TELEGRAM' ? `tg-${core.customerId}` : '',
			document: `${digits}${toText(core.customerId * 7).slice(-6)}`,
			main_identifier: core.customerName,
			main_photo: '',
		},
	};
}

/** @param {Core} core */
function agentOf(core) {
	if (core.agentIndex < 0) return null;
	const agent = catalog.AGENTS[core.agentIndex];
	return { id: agent.id, name: agent.name, phone_extension: agent.phone_extension };
}

/** @param {Core} core */
function departmentOf(core) {
	const department = catalog.DEPARTMENTS[core.departmentIndex];
	return { id: department.id, name: department.name };
}

/** @param {Core} core */
function slaTime(core) {
	return core.queuedTime + core.ringingTime + core.talkingTime + core.pendingTime;
}

/**
 * A Service History row with exactly the documented fields.
 * @param {Core} core
 * @param {number} offset minutes east of UTC
 */
function historyRow(core, offset) {
	return {
		active: core.active,
		agent: agentOf(core),
		created_at: formatInZone(core.createdMs, offset),
		current_state: core.state,
		current_state_time: formatInZone(core.createdMs + slaTime(core) * 1000, offset),
		customer: customerOf(core),
		department: departmentOf(core),
		first_answer_time: core.firstContactTime
			? formatInZone(core.createdMs + (core.queuedTime + core.firstContactTime) * 1000, offset)
			: null,
		id: core.id,
		media: core.type,
		mood: core.mood,
		sla_overdue: core.firstContactTime > 120,
	};
}

/**
 * The expanded row adds the "Variable Meanings" fields of the Reports API document.
 * @param {Core} core
 * @param {number} offset
 */
function expandedHistoryRow(core, offset) {
	const rnd = streamFor(core.id, 7);
	const state = core.state;
	const endMs = core.createdMs + slaTime(core) * 1000;
	// Object.assign, not a spread: V8 builds a spread followed by ~40 literal keys very slowly,
	// and 10,000-row pages of this are the point of the emulator.
	return Object.assign(historyRow(core, offset), {
		expired: state === 'EXPIRED',
		expired_time: state === 'EXPIRED' ? core.pendingTime || 3600 : 0,
		missed: state === 'MISSED',
		missed_time: state === 'MISSED' ? core.queuedTime : 0,
		canceled: state === 'CANCELED',
		canceled_time: state === 'CANCELED' ? core.queuedTime : 0,
		answered: state === 'ENDED',
		ended: state === 'ENDED',
		discarded: state === 'DISCARDED',
		discarded_time: state === 'DISCARDED' ? core.ringingTime + 5 : 0,
		queued: core.queued,
		queued_time: core.queuedTime,
		ringing: core.ringing,
		ringing_time: core.ringingTime,
		postponed: core.wasPostponed,
		postponed_time: core.postponedTime,
		pending: core.wasPending,
		pending_time: core.pendingTime,
		transferring: core.transferring,
		messages: core.messages,
		talking_time: core.talkingTime,
		first_contact_time: core.firstContactTime,
		response_count: floor(core.messages / 2),
		response_time: core.responseTime,
		sla_time: slaTime(core),
		browser: core.type === 'TEXT' ? pick(rnd, catalog.BROWSERS) : '',
		ip: core.type === 'TEXT' ? `203.0.113.${intBetween(rnd, 1, 254)}` : '',
		os: core.type === 'TEXT' ? pick(rnd, catalog.SYSTEMS) : '',
		source: core.type === 'TEXT' ? pick(rnd, catalog.SOURCES) : '',
		group_name: '',
		origin: core.active ? 'AGENT' : 'CLIENT',
		startTime: formatInZone(core.createdMs + core.queuedTime * 1000, offset),
		endTime: formatInZone(endMs, offset),
		state,
		type: core.type,
		tagCount: core.tagIds.length,
		tags: core.tagIds.map((id) => catalog.TAGS.find((tag) => tag.id === id)?.name ?? toText(id)),
		notes: rnd() < 0.3 ? 'Customer asked for a follow-up call' : '',
	});
}

/**
 * @param {Core} core
 * @param {number} offset
 */
function ongoingRow(core, offset) {
	const agent = agentOf(core);
	return {
		active: core.active,
		agent: agent && { ...agent, status: catalog.AGENTS[core.agentIndex].status },
		created_at: formatInZone(core.createdMs, offset),
		current_state: core.state,
		current_state_time: formatInZone(core.createdMs + core.queuedTime * 1000, offset),
		customer: customerOf(core),
		department: departmentOf(core),
		id: core.id,
		media: core.type,
		sla_overdue: core.firstContactTime > 120,
	};
}

/**
 * The messages of one protocol; ids are protocol * 1000 + n, so they are unique across protocols.
 * @param {Core} core
 * @param {number} offset
 */
function conversationOf(core, offset) {
	const rnd = streamFor(core.id, 11);
	const agent = core.agentIndex >= 0 ? catalog.AGENTS[core.agentIndex] : undefined;
	let at = core.createdMs;
	return Array.from({ length: core.messages }, (_, n) => {
		const fromAgent = agent !== undefined && n % 2 === (core.active ? 0 : 1);
		at += intBetween(rnd, 5, 120) * 1000;
		const isImage = !fromAgent && n > 0 && n % 5 === 0;
		return {
			id: core.id * 1000 + n + 1,
			content: isImage ? 'photo.jpg' : pick(rnd, fromAgent ? catalog.AGENT_LINES : catalog.CLIENT_LINES),
			type: isImage ? 'image' : 'text',
			...(isImage ? { url: `https://files.example.com/${core.id}/${n + 1}.jpg` } : {}),
			direction: fromAgent ? 'AGENT' : 'CLIENT',
			created_at: formatInZone(at, offset),
			...(fromAgent && agent ? { agent: { id: agent.id, name: agent.name } } : {}),
		};
	});
}

module.exports = {
	HISTORY_FIRST_ID,
	ONGOING_FIRST_ID,
	normalizeDataConfig,
	createDataset,
	historyRow,
	expandedHistoryRow,
	ongoingRow,
	conversationOf,
	slaTime,
};
