// @ts-check
'use strict';

// One call that gives a ready n8n: installed (cached), this package installed in a fresh user
// folder, credentials and workflows imported. Used by the end-to-end tests and the demo.

const fs = require('fs');
const path = require('path');
const n8n = require('./n8n');
const userFolder = require('./user-folder');
const processes = require('./processes');
const { emulatorClient } = require('./emulator-client');
const redis = require('./redis');
const postgres = require('./postgres');
const registry = require('./registry');
const editor = require('./editor');

/**
 * A `zenviaChatApi` credential as `n8n import:credentials` takes it: one per Zenvia account, with
 * either token or both.
 * @param {{ id: string, name: string, chatApiToken?: string, clientSdkToken?: string, baseUrl?: string }} options
 *   baseUrl: where every API is served (the emulator); leave it out for Zenvia itself
 */
function zenviaCredential({ id, name, chatApiToken, clientSdkToken, baseUrl }) {
	return {
		id,
		name,
		type: 'zenviaChatApi',
		data: {
			chatApiToken: chatApiToken ?? '',
			clientSdkToken: clientSdkToken ?? '',
			environment: 'production',
			// The base URLs count only while Custom Base URLs is on.
			customBaseUrls: Boolean(baseUrl),
			chatApiBaseUrl: baseUrl ?? '',
			whatsappApiBaseUrl: baseUrl ?? '',
			botApiBaseUrl: baseUrl ?? '',
		},
	};
}

/**
 * A `zenviaChatWebhookApi` credential (the trigger's shared secret) as `n8n import:credentials` takes it.
 * @param {{ id: string, name: string, secret: string }} options
 */
function webhookSecretCredential({ id, name, secret }) {
	return { id, name, type: 'zenviaChatWebhookApi', data: { secret } };
}

/**
 * @typedef {object} PrepareOptions
 * @property {string} folder the n8n user folder to (re)create
 * @property {Array<ReturnType<typeof zenviaCredential> | ReturnType<typeof webhookSecretCredential>>} credentials
 * @property {string} workflowsDir every *.json in it is imported
 * @property {boolean} [keepData] keep the folder's n8n database, replacing only the package
 * @property {NodeJS.ProcessEnv} [env] for every n8n command of the folder, e.g. a PostgreSQL database
 * @property {(line: string) => void} [log]
 */

/**
 * Installs n8n if needed, then builds a fresh user folder (or refreshes a kept one) with the built
 * package (run `npm run build` first), the credentials and the workflows.
 * @param {PrepareOptions} options
 */
async function prepareN8n(options) {
	const log = options.log ?? ((line) => console.log(line));
	const runtime = await n8n.ensureN8n({ log });

	let started = Date.now();
	const packDir = userFolder.tempDir('zenvia-chat-pack-');
	try {
		const tarball = await userFolder.packPackage(packDir);
		await userFolder.createUserFolder(options.folder, tarball, { keepData: options.keepData });
		log(`Installed ${path.basename(tarball)} into ${options.folder} (${n8n.seconds(Date.now() - started)})`);
	} finally {
		fs.rmSync(packDir, { recursive: true, force: true });
	}

	started = Date.now();
	await n8n.importCredentials(runtime, options.folder, options.credentials, { env: options.env });
	await n8n.importWorkflows(runtime, options.folder, options.workflowsDir, { env: options.env });
	log(`Imported ${options.credentials.length} credentials and the workflows of ${options.workflowsDir} (${n8n.seconds(Date.now() - started)})`);
	return runtime;
}

module.exports = { ...n8n, ...userFolder, ...processes, ...redis, ...postgres, ...registry, ...editor, emulatorClient, zenviaCredential, webhookSecretCredential, prepareN8n };
