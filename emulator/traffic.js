// @ts-check
'use strict';

// How the emulated API behaves under load: a fixed answer latency and a token-bucket rate limit
// answered with 429 and Retry-After, the way rate-limited APIs refuse a burst. Zenvia's documents
// give no figures; these are test settings, off by default.

/**
 * @typedef {object} TrafficConfig
 * @property {number} latencyMs every API answer waits this long (0: none)
 * @property {number} rateLimitPerSecond tokens added per second (0: no limit)
 * @property {number} rateLimitBurst bucket size: requests allowed at once after a quiet spell
 */

const TRAFFIC_KEYS = ['latencyMs', 'rateLimitPerSecond', 'rateLimitBurst'];

/**
 * @param {Partial<TrafficConfig>} options
 * @returns {TrafficConfig}
 */
function normalizeTrafficConfig(options = {}) {
	const latencyMs = options.latencyMs ?? 0;
	if (!(Number.isFinite(latencyMs) && latencyMs >= 0 && latencyMs <= 60_000)) throw new Error('latencyMs must be a number between 0 and 60000');
	const rateLimitPerSecond = options.rateLimitPerSecond ?? 0;
	if (!(Number.isFinite(rateLimitPerSecond) && rateLimitPerSecond >= 0)) throw new Error('rateLimitPerSecond must be a number >= 0');
	const rateLimitBurst = options.rateLimitBurst ?? Math.max(1, Math.ceil(rateLimitPerSecond));
	if (!(Number.isInteger(rateLimitBurst) && rateLimitBurst >= 1)) throw new Error('rateLimitBurst must be a positive integer');
	return { latencyMs, rateLimitPerSecond, rateLimitBurst };
}

/**
 * A token bucket that starts full. `take()` answers whether a request may proceed and, when not,
 * how many whole seconds until a token is back (the Retry-After value, at least 1).
 * @param {TrafficConfig} config
 * @param {() => number} [now]
 */
function createRateLimiter(config, now = () => Date.now()) {
	let tokens = config.rateLimitBurst;
	let updatedAt = now();
	return {
		/** @returns {{ allowed: true } | { allowed: false, retryAfterSeconds: number }} */
		take() {
			if (config.rateLimitPerSecond <= 0) return { allowed: true };
			const at = now();
			tokens = Math.min(config.rateLimitBurst, tokens + ((at - updatedAt) / 1000) * config.rateLimitPerSecond);
			updatedAt = at;
			if (tokens >= 1) {
				tokens -= 1;
				return { allowed: true };
			}
			return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - tokens) / config.rateLimitPerSecond)) };
		},
	};
}

module.exports = { TRAFFIC_KEYS, normalizeTrafficConfig, createRateLimiter };
