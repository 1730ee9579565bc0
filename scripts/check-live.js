#!/usr/bin/env node
// @ts-check
'use strict';

// npm run check:live: reads a real Zenvia account with the built node's own operations and says
// where its answers differ from emulator/contract.js (the emulator's picture of Zenvia). Read-only;
// prints shapes only. docs/LIVE-CHECK.md says how to run it and what to send back.

const path = require('path');
const { runChecks } = require('./check-live/run');
const { formatReport } = require('./check-live/report');

const REPO = path.join(__dirname, '..');

/**
 * The credential the check uses, from the same variables as `npm run demo` plus the environment
 * and base-URL overrides the credential has.
 * @param {NodeJS.ProcessEnv} env
 */
function settingsFrom(env) {
	const text = (/** @type {string | undefined} */ value) => (value ?? '').trim();
	const environment = text(env.ZENVIA_ENVIRONMENT) || 'production';
	if (environment !== 'production' && environment !== 'homologation') {
		return { error: 'ZENVIA_ENVIRONMENT must be production or homologation' };
	}
	const chatApiBaseUrl = text(env.ZENVIA_CHAT_BASE_URL);
	const whatsappApiBaseUrl = text(env.ZENVIA_WHATSAPP_BASE_URL);
	const credentials = {
		chatApiToken: text(env.ZENVIA_CHAT_TOKEN),
		clientSdkToken: text(env.ZENVIA_CLIENTSDK_TOKEN),
		environment,
		customBaseUrls: Boolean(chatApiBaseUrl || whatsappApiBaseUrl),
		chatApiBaseUrl,
		whatsappApiBaseUrl,
	};
	if (!credentials.chatApiToken && !credentials.clientSdkToken) {
		return { error: 'Set ZENVIA_CHAT_TOKEN and/or ZENVIA_CLIENTSDK_TOKEN (see docs/LIVE-CHECK.md)' };
	}
	return { credentials };
}

/**
 * Runs the check and returns the report's lines, every form of either token removed as a last
 * guard (the report is built from shapes and should hold none).
 * @param {{ env: NodeJS.ProcessEnv, root: string, shapes?: boolean }} options
 * @returns {Promise<{ lines: string[], clean: boolean, error?: string }>}
 */
async function checkLive({ env, root, shapes = false }) {
	const settings = settingsFrom(env);
	if (!settings.credentials) return { lines: [`check:live: ${settings.error}`], clean: false, error: settings.error };
	const { credentials } = settings;
	const results = await runChecks({ root, credentials });
	const { version } = require(path.join(REPO, 'package.json'));
	const report = formatReport(results, { environment: credentials.environment, customBaseUrls: credentials.customBaseUrls, version, shapes });
	const { Redactor } = require(path.join(root, 'nodes/ZenviaChat/transport/redact'));
	const redactor = new Redactor([credentials.chatApiToken, credentials.clientSdkToken].filter(Boolean));
	return { ...report, lines: report.lines.map((line) => redactor.text(line)) };
}

async function main() {
	const root = path.join(REPO, 'dist');
	const { lines, clean, error } = await checkLive({ env: process.env, root, shapes: process.argv.includes('--shapes') });
	for (const line of lines) console.log(line);
	process.exitCode = error ? 2 : clean ? 0 : 1;
}

if (require.main === module) {
	main().catch((error) => {
		// Never the error's message, which could quote an answer: its kind and where in the code.
		const where = error instanceof Error ? (error.stack ?? '').split('\n').filter((line) => /^\s+at /.test(line)).slice(0, 5) : [];
		console.error([`check:live stopped: ${error instanceof Error ? error.name : 'unknown error'}`, ...where].join('\n'));
		process.exitCode = 2;
	});
}

module.exports = { checkLive, settingsFrom };
