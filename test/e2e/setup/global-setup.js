// @ts-check
'use strict';

// Before the suite: the emulator on a free 127.0.0.1 port, n8n installed (cached), a fresh user
// folder with the built package, the credentials pointing at the emulator and every workflow of
// test/e2e/workflows imported. The test files read what they need from CONTEXT_FILE.

const fs = require('fs');
const { startEmulator } = require('../../../emulator');
const { prepareN8n, zenviaCredential, webhookSecretCredential, seconds } = require('../../../scripts/e2e');
const c = require('./constants');

module.exports = async function globalSetup() {
	const started = Date.now();
	const emulator = await startEmulator({
		port: 0,
		token: [c.CHAT_TOKEN, c.SWEEP_CHAT_TOKEN],
		clientSdkToken: [c.CLIENT_SDK_TOKEN, c.SWEEP_CLIENT_SDK_TOKEN],
		records: c.RECORDS,
		seed: 42,
	});
	// Read back by global-teardown.js, which runs in this same process.
	/** @type {any} */ (globalThis).__zenviaE2eEmulator = emulator;
	console.log(`\nZenvia Chat emulator listening at ${emulator.url}`);
	try {
		const runtime = await prepareN8n({
			folder: c.USER_FOLDER,
			workflowsDir: c.WORKFLOWS_DIR,
			credentials: [
				zenviaCredential({
					...c.CREDENTIALS.account,
					chatApiToken: c.CHAT_TOKEN,
					clientSdkToken: c.CLIENT_SDK_TOKEN,
					baseUrl: emulator.url,
				}),
				zenviaCredential({ ...c.CREDENTIALS.chatApi, chatApiToken: c.CHAT_TOKEN, baseUrl: emulator.url }),
				zenviaCredential({ ...c.CREDENTIALS.clientSdk, clientSdkToken: c.CLIENT_SDK_TOKEN, baseUrl: emulator.url }),
				zenviaCredential({
					...c.CREDENTIALS.wrongToken,
					chatApiToken: c.WRONG_TOKEN,
					clientSdkToken: c.WRONG_TOKEN,
					baseUrl: emulator.url,
				}),
				zenviaCredential({ ...c.CREDENTIALS.sweepChatApi, chatApiToken: c.SWEEP_CHAT_TOKEN, baseUrl: emulator.url }),
				zenviaCredential({ ...c.CREDENTIALS.sweepClientSdk, clientSdkToken: c.SWEEP_CLIENT_SDK_TOKEN, baseUrl: emulator.url }),
				webhookSecretCredential({ ...c.CREDENTIALS.webhookSecret, secret: c.WEBHOOK_SECRET }),
			],
		});
		fs.mkdirSync(c.WORK_DIR, { recursive: true });
		fs.writeFileSync(c.CONTEXT_FILE, JSON.stringify({ runtime, userFolder: c.USER_FOLDER, emulatorUrl: emulator.url }, null, 2));
	} catch (error) {
		await emulator.close();
		throw error;
	}
	console.log(`Set-up done in ${seconds(Date.now() - started)}\n`);
};
