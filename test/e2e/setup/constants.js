// @ts-check
'use strict';

// Facts shared by the global setup and the test files (which run in separate module registries).

const path = require('path');
const { n8nLine } = require('../../../scripts/e2e/n8n');

const ROOT = path.resolve(__dirname, '..', '..', '..');
/** One folder per n8n line (ZENVIA_N8N_LINE), so a run on 1.x leaves a 2.x run's folder alone. */
const WORK_DIR = path.join(ROOT, '.n8n-e2e', `n8n-${n8nLine()}`);

module.exports = {
	/** Git-ignored; recreated on every run. */
	WORK_DIR,
	USER_FOLDER: path.join(WORK_DIR, 'user'),
	CONTEXT_FILE: path.join(WORK_DIR, 'context.json'),
	WORKFLOWS_DIR: path.join(__dirname, '..', 'workflows'),
	CHAT_TOKEN: 'e2e-chat-api-token-0123456789',
	CLIENT_SDK_TOKEN: 'e2e-client-sdk-token-0123456789',
	WRONG_TOKEN: 'e2e-wrong-token-must-never-show-9876',
	/** Enough history for Return All to need three pages of at most 10,000 records. */
	RECORDS: 26_000,
	CREDENTIALS: {
		chatApi: { id: 'e2eChatApi', name: 'Zenvia emulator (Chat API)' },
		clientSdk: { id: 'e2eClientSdk', name: 'Zenvia emulator (ClientSDK)' },
		wrongToken: { id: 'e2eWrongToken', name: 'Zenvia emulator (wrong token)' },
	},
};
