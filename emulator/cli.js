#!/usr/bin/env node
// @ts-check
'use strict';

// node emulator/cli.js [--port 4010] [--host 127.0.0.1] [--token T]... [--client-sdk-token T]... [--records 1000] [--seed 42]
//                      [--now ISO] [--span-days 30] [--webhook URL]
// The first stdout line is parsed by other tools: keep its "listening at" prefix unchanged.

const { startEmulator } = require('./index');

const USAGE =
	'Usage: node emulator/cli.js [--port 4010] [--host 127.0.0.1] [--token CHAT_API_TOKEN (repeatable)] [--client-sdk-token CLIENTSDK_TOKEN (repeatable)] [--records 1000] [--seed 42] [--now ISO] [--span-days 30] [--webhook URL]';

/**
 * @param {string[]} argv
 * @returns {Record<string, string[]>}
 */
function parseArgs(argv) {
	/** @type {Record<string, string[]>} */
	const out = {};
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i];
		if (arg === '--help' || arg === '-h') {
			console.log(USAGE);
			process.exit(0);
		}
		if (!arg.startsWith('--')) throw new Error(`Unexpected argument ${arg}`);
		const [name, inline] = arg.slice(2).split(/=(.*)/s, 2);
		const value = inline ?? argv[++i];
		if (value === undefined) throw new Error(`--${name} needs a value`);
		(out[name] ??= []).push(value);
	}
	return out;
}

/**
 * @param {string | undefined} value
 * @param {string} name
 */
function integer(value, name) {
	if (value === undefined) return undefined;
	if (!/^-?\d+$/.test(value)) throw new Error(`--${name} must be an integer`);
	return Number(value);
}

async function main() {
	const args = parseArgs(process.argv.slice(2));
	const last = (/** @type {string} */ name) => args[name]?.[args[name].length - 1];
	const tokens = args.token ?? (process.env.ZENVIA_EMULATOR_TOKEN ? process.env.ZENVIA_EMULATOR_TOKEN.split(',') : ['emulator-token']);
	const clientSdkTokens =
		args['client-sdk-token'] ??
		(process.env.ZENVIA_EMULATOR_CLIENTSDK_TOKEN ? process.env.ZENVIA_EMULATOR_CLIENTSDK_TOKEN.split(',') : ['emulator-clientsdk-token']);
	const emu = await startEmulator({
		port: integer(last('port') ?? process.env.ZENVIA_EMULATOR_PORT ?? '4010', 'port'),
		host: last('host') ?? '127.0.0.1',
		token: tokens,
		clientSdkToken: clientSdkTokens,
		records: integer(last('records'), 'records'),
		seed: integer(last('seed'), 'seed'),
		now: last('now'),
		spanDays: integer(last('span-days'), 'span-days'),
		webhookTarget: last('webhook') ?? null,
	});
	console.log(`Zenvia Chat emulator listening at ${emu.url}`);
	// Describe tokens by shape only: this output ends up in CI logs.
	for (const token of tokens) console.log(`Chat API token: set (${token.length} chars)`);
	for (const token of clientSdkTokens) console.log(`ClientSDK token: set (${token.length} chars)`);
	console.log(`webhook target: ${last('webhook') ?? 'none (POST /__admin/webhook to set one)'}`);

	let closing = false;
	const stop = () => {
		if (closing) return;
		closing = true;
		emu.close().then(() => process.exit(0));
	};
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
}

main().catch((error) => {
	console.error(error instanceof Error ? error.message : String(error));
	console.error(USAGE);
	process.exit(1);
});
