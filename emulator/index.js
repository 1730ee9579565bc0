// @ts-check
'use strict';

// A local stand-in for Zenvia Chat: the Chat API, the WhatsApp API v1 and the Reports API on one
// port, plus agent-side webhook events. For tests and demos only; not part of the package.

const { createEmulator } = require('./server');
const { createRateLimiter, normalizeTrafficConfig } = require('./traffic');

/**
 * @typedef {object} StartOptions
 * @property {number} [port] 0 picks a free port (default)
 * @property {string} [host] default 127.0.0.1
 */

/**
 * @typedef {object} Emulator
 * @property {string} url base URL without trailing slash, for all three APIs
 * @property {number} port
 * @property {import('./state').EmulatorState} state
 * @property {() => import('./server').LoggedRequest[]} requests
 * @property {() => void} clearRequests
 * @property {(fault: import('./faults').Fault) => void} setFault
 * @property {() => void} clearFaults
 * @property {(url: string | null) => void} setWebhookTarget
 * @property {(action: string, params?: import('./webhooks').AgentParams) => Promise<{ delivered: import('./webhooks').Delivery[] }>} agent
 * @property {(action: string, params?: import('./bot-events').BotParams) => Promise<{ payload: unknown, delivered: import('./webhooks').Delivery[] }>} bot
 * @property {(changes: { records?: number, seed?: number, now?: string, spanDays?: number, latencyMs?: number, rateLimitPerSecond?: number, rateLimitBurst?: number }) => void} configure
 * @property {() => void} reset forget interactions, bot conversations, customers, tasks, created agents, requests and faults
 * @property {() => Promise<void>} close
 */

/**
 * @param {import('./server').EmulatorOptions & StartOptions} [options]
 * @returns {Promise<Emulator>}
 */
async function startEmulator(options = {}) {
	const { server, state, controls } = createEmulator(options);
	const host = options.host ?? '127.0.0.1';
	await new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(options.port ?? 0, host, () => {
			server.off('error', reject);
			resolve(undefined);
		});
	});
	const address = server.address();
	if (address === null || typeof address === 'string') throw new Error('Emulator is not listening on a TCP port');
	const urlHost = host.includes(':') ? `[${host}]` : host;
	return {
		url: `http://${urlHost}:${address.port}`,
		port: address.port,
		state,
		requests: () => /** @type {import('./server').LoggedRequest[]} */ (controls.requests()),
		clearRequests: controls.clearRequests,
		setFault: (fault) => {
			controls.setFault(fault);
		},
		clearFaults: controls.clearFaults,
		setWebhookTarget: controls.setWebhookTarget,
		agent: controls.agent,
		bot: controls.bot,
		configure: (changes) => {
			controls.configure(changes);
		},
		reset: () => {
			controls.resetState();
			controls.clearRequests();
			controls.clearFaults();
			controls.configure({ latencyMs: 0, rateLimitPerSecond: 0 });
		},
		close: () =>
			new Promise((resolve) => {
				// Keep-alive sockets would otherwise hold close() open until they time out.
				server.closeAllConnections();
				server.close(() => resolve());
			}),
	};
}

module.exports = { startEmulator, createEmulator, createRateLimiter, normalizeTrafficConfig };
