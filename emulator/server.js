// @ts-check
'use strict';

const http = require('http');
const { readRawBody, parseJsonBody, sendJson, sendText, redact } = require('./http-util');
const { parseFault, kindOf, createFaultTable, faultAnswer } = require('./faults');
const { createState, resetState, stateToJson } = require('./state');
const { normalizeDataConfig, createDataset } = require('./data');
const { buildEvent, deliver } = require('./webhooks');
const { TRAFFIC_KEYS, normalizeTrafficConfig, createRateLimiter } = require('./traffic');
const { handleAdmin } = require('./routes/admin');
const { interactionRoutes } = require('./routes/interactions');
const { whatsappRoutes } = require('./routes/whatsapp');
const { reportRoutes } = require('./routes/reports');
const { accountRoutes } = require('./routes/account');
const { customerRoutes } = require('./routes/customers');
const { agentRoutes } = require('./routes/agents');
const { taskRoutes } = require('./routes/tasks');
const { offcontactRoutes } = require('./routes/offcontact');
const { botRoutes } = require('./routes/bot');
const { buildBotEvent, armAnswer } = require('./bot-events');

const ROUTES = [
	...interactionRoutes,
	...whatsappRoutes,
	...reportRoutes,
	...accountRoutes,
	...customerRoutes,
	...agentRoutes,
	...taskRoutes,
	...offcontactRoutes,
	...botRoutes,
];
const MAX_LOGGED_REQUESTS = 10_000;

/**
 * @typedef {object} LoggedRequest
 * @property {string} method
 * @property {string} path
 * @property {Record<string, string>} query
 * @property {unknown} body parsed JSON; the raw text when it was not JSON; null when empty
 * @property {import('./faults').FaultKind} [fault] set when a fault handled the request
 * @property {boolean} [rateLimited] set when the rate limit answered 429
 * @property {string} at ISO time the request arrived
 */

/**
 * @typedef {object} EmulatorOptions
 * @property {string | string[]} [token] accepted Chat API token(s), default "emulator-token"
 * @property {string | string[]} [clientSdkToken] accepted ClientSDK token(s), default
 *   "emulator-clientsdk-token"
 * @property {number} [seed] default 42
 * @property {number} [records] rows in the history and ongoing data sets, default 1000
 * @property {string} [now] the emulator's "current date", default 2025-06-01T00:00:00Z
 * @property {number} [spanDays] history spreads over this many days before `now`, default 30
 * @property {string | null} [webhookTarget] where agent events are posted
 * @property {number} [latencyMs] every API answer waits this long, default 0
 * @property {number} [rateLimitPerSecond] token-bucket rate limit answered with 429, default 0 (off)
 * @property {number} [rateLimitBurst] the bucket's size, default the per-second rate
 */

/**
 * The token a request carried: in the query (GET) or in the JSON body (POST, PUT).
 * @param {Record<string, string>} query
 * @param {import('./http-util').ParsedBody} parsed
 */
function requestToken(query, parsed) {
	if (typeof query.token === 'string') return query.token;
	const body = parsed.ok ? parsed.value : undefined;
	const token = typeof body === 'object' && body !== null ? /** @type {{ token?: unknown }} */ (body).token : undefined;
	return typeof token === 'string' ? token : '';
}

/**
 * Announces the whole answer, sends half of it and breaks the connection.
 * @param {import('http').ServerResponse} res
 * @param {import('./routes/route').Answer} answer
 */
function dropMidAnswer(res, answer) {
	const text = JSON.stringify(answer.body);
	res.writeHead(answer.status, {
		'Content-Type': 'application/json; charset=utf-8',
		'Content-Length': Buffer.byteLength(text),
		...answer.headers,
	});
	res.write(text.slice(0, Math.max(1, Math.floor(text.length / 2))), () => res.socket?.destroy());
}

/**
 * @param {string | string[]} option
 * @param {string} name
 */
function tokenList(option, name) {
	const tokens = (Array.isArray(option) ? option : [option]).filter((token) => typeof token === 'string' && token !== '');
	if (tokens.length === 0) throw new Error(`At least one non-empty ${name} is required`);
	return tokens;
}

/** @param {number} ms */
const delay = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Everything except listening: the HTTP server and the controls shared by the programmatic
 * handle and the admin API.
 * @param {EmulatorOptions} [options]
 */
function createEmulator(options = {}) {
	const tokensByKind = {
		chatApi: tokenList(options.token ?? 'emulator-token', 'token'),
		clientSdk: tokenList(options.clientSdkToken ?? 'emulator-clientsdk-token', 'clientSdkToken'),
	};
	const shared = tokensByKind.chatApi.find((token) => tokensByKind.clientSdk.includes(token));
	// Zenvia never issues one token for both screens; accepting one would hide a wrong-kind bug.
	if (shared !== undefined) throw new Error('A token cannot be both a Chat API token and a ClientSDK token');
	const tokens = [...tokensByKind.chatApi, ...tokensByKind.clientSdk];

	let dataConfig = normalizeDataConfig(options);
	let traffic = normalizeTrafficConfig(options);
	let rateLimiter = createRateLimiter(traffic);
	/** @type {import('./data').Dataset | undefined} */
	let dataset;
	const state = createState();
	const faults = createFaultTable();
	/** @type {LoggedRequest[]} */
	let log = [];
	let webhookTarget = options.webhookTarget ?? null;

	/** @type {import('./routes/route').Backend} */
	const backend = {
		state,
		tokens: (kind) => (kind ? tokensByKind[kind] : tokens),
		dataset: () => (dataset ??= createDataset(dataConfig)),
	};

	/** @param {Omit<LoggedRequest, 'at'>} entry */
	function record(entry) {
		log.push(/** @type {LoggedRequest} */ (redact({ ...entry, at: new Date().toISOString() }, tokens)));
		if (log.length > MAX_LOGGED_REQUESTS) log = log.slice(-MAX_LOGGED_REQUESTS);
	}

	const controls = {
		requests: () => log.map((entry) => structuredClone(entry)),
		clearRequests: () => {
			log = [];
		},
		/** @param {unknown} input */
		setFault: (input) => {
			const parsed = parseFault(input);
			if ('error' in parsed) throw new Error(parsed.error);
			faults.add(parsed.fault);
			return parsed.fault;
		},
		clearFaults: () => faults.clear(),
		faults: () => faults.list(),
		/** @param {string | null} url */
		setWebhookTarget: (url) => {
			webhookTarget = url;
		},
		webhookTarget: () => webhookTarget,
		/**
		 * @param {string} action
		 * @param {import('./webhooks').AgentParams} [params]
		 */
		agent: async (action, params = {}) => {
			const target = params.target ?? webhookTarget;
			if (!target) throw new Error('No webhook target: call setWebhookTarget(url) or POST /__admin/webhook first');
			const event = buildEvent(state, action, params);
			if ('error' in event) throw new Error(event.error);
			return { delivered: [await deliver(target, event.payload, params)] };
		},
		/**
		 * Zenvia's side of an external bot: posts a bot event to the bot's endpoint.
		 * @param {string} action
		 * @param {import('./bot-events').BotParams} [params]
		 */
		bot: async (action, params = {}) => {
			const target = params.target ?? webhookTarget;
			if (!target) throw new Error('No webhook target: call setWebhookTarget(url) or POST /__admin/webhook first');
			if (action === 'answerNextMessage') return armAnswer(state, target, params);
			const event = buildBotEvent(state, action, params);
			if ('error' in event) throw new Error(event.error);
			return { payload: event.payload, delivered: [await deliver(target, event.payload, params)] };
		},
		stateJson: () => stateToJson(state),
		resetState: () => resetState(state),
		/** @param {unknown} changes */
		configure: (changes) => {
			const given = /** @type {Record<string, unknown>} */ (changes ?? {});
			const trafficChanges = Object.fromEntries(Object.entries(given).filter(([key]) => TRAFFIC_KEYS.includes(key)));
			const dataChanges = Object.fromEntries(Object.entries(given).filter(([key]) => !TRAFFIC_KEYS.includes(key)));
			const nextTraffic = normalizeTrafficConfig({ ...traffic, ...trafficChanges });
			if (Object.keys(dataChanges).length > 0) {
				dataConfig = normalizeDataConfig({ ...dataConfig, ...dataChanges });
				dataset = undefined;
			}
			// Setting the traffic again also refills the bucket: each benchmark round starts alike.
			if (Object.keys(trafficChanges).length > 0) {
				traffic = nextTraffic;
				rateLimiter = createRateLimiter(traffic);
			}
			return { ...dataConfig, ...traffic };
		},
		config: () => ({ ...dataConfig, ...traffic, tokens: tokens.length }),
	};

	/**
	 * @param {import('http').IncomingMessage} req
	 * @param {import('http').ServerResponse} res
	 */
	async function handle(req, res) {
		const method = (req.method ?? 'GET').toUpperCase();
		const url = new URL(req.url ?? '/', 'http://emulator.local');
		const path = url.pathname;
		const query = Object.fromEntries(url.searchParams);

		if (path.startsWith('/__admin/')) {
			const answer = await handleAdmin(controls, method, path, parseJsonBody(await readRawBody(req)));
			sendJson(res, answer.status, answer.body);
			return;
		}

		const fault = faults.take(method, path);
		if (fault?.drop) {
			record({ method, path, query, body: null, fault: 'drop' });
			req.socket.destroy();
			return;
		}
		const parsed = parseJsonBody(await readRawBody(req));
		const body = parsed.ok ? parsed.value ?? null : parsed.raw;
		const limited = fault ? { allowed: true } : rateLimiter.take();
		record({ method, path, query, body, ...(fault ? { fault: kindOf(fault) } : {}), ...(limited.allowed ? {} : { rateLimited: true }) });
		if (traffic.latencyMs > 0) await delay(traffic.latencyMs);
		if (!limited.allowed) {
			// Nothing was done: the request may be sent again after Retry-After.
			sendJson(res, 429, { message: 'Too Many Attempts.', status: 429 }, { 'Retry-After': String(limited.retryAfterSeconds) });
			return;
		}
		if (fault?.latencyMs) await delay(fault.latencyMs);
		if (fault && fault.status !== undefined && !fault.dropAfterReceive && !fault.dropMidAnswer) {
			const answer = faultAnswer(fault, requestToken(query, parsed));
			sendText(res, answer.status, answer.text, answer.contentType, answer.headers);
			return;
		}
		const answer = route(method, path, query, parsed);
		// The request took effect but the answer is lost: the case that makes blind retries unsafe.
		if (fault?.dropAfterReceive) {
			req.socket.destroy();
			return;
		}
		// The request took effect and the answer began, then the connection broke mid-body.
		if (fault?.dropMidAnswer) {
			dropMidAnswer(res, answer);
			return;
		}
		if (answer.holdMs) await delay(answer.holdMs);
		sendJson(res, answer.status, answer.body, answer.headers);
	}

	/**
	 * @param {string} method
	 * @param {string} path
	 * @param {Record<string, string>} query
	 * @param {import('./http-util').ParsedBody} body
	 * @returns {import('./routes/route').Answer}
	 */
	function route(method, path, query, body) {
		const candidates = ROUTES.map((item) => ({ item, match: item.pattern.exec(path) })).filter((candidate) => candidate.match);
		const found = candidates.find((candidate) => candidate.item.method === method);
		if (!found || !found.match) {
			const status = candidates.length > 0 ? 405 : 404;
			return { status, body: { message: status === 405 ? `Method ${method} not allowed` : 'Not found', status } };
		}
		/** @type {string[]} */
		const params = [];
		for (const part of found.match.slice(1)) {
			try {
				params.push(decodeURIComponent(part));
			} catch {
				return { status: 404, body: { message: 'Not found', status: 404 } };
			}
		}
		return found.item.handle({ params, query, body, backend });
	}

	const server = http.createServer((req, res) => {
		handle(req, res).catch((error) => {
			if (res.headersSent || req.socket.destroyed) return;
			sendJson(res, 500, { message: `Emulator error: ${error instanceof Error ? error.message : String(error)}`, status: 500 });
		});
	});

	return { server, state, controls };
}

module.exports = { createEmulator };
