// @ts-check
'use strict';

// Facts shared by the global setup and the test files (which run in separate module registries).

const path = require('path');

const ROOT = path.resolve(__dirname, '..', '..', '..');

module.exports = {
	/** Git-ignored; recreated on every run. */
	WORK_DIR: path.join(ROOT, '.n8n-e2e'),
	USER_FOLDER: path.join(ROOT, '.n8n-e2e', 'user'),
	CONTEXT_FILE: path.join(ROOT, '.n8n-e2e', 'context.json'),
	WORKFLOWS_DIR: path.join(__dirname, '..', 'workflows'),
	CHAT_TOKEN: 'e2e-chat-api-token-0123456789',
	CLIENT_SDK_TOKEN: 'e2e-client-sdk-token-0123456789',
	WRONG_TOKEN: 'e2e-wrong-token-must-never-show-9876',
	/** Enough history for Return All to need three pages of at most 10,000 records. */
	RECORDS: 26_000,
	CREDENTIALS: {
		/** One credential per Zenvia account, holding both tokens: what the README tells users. */
		account: { id: 'e2eAccount', name: 'Zenvia emulator (account)' },
		/** Only one token each: an operation that needs the other one fails with a named error. */
		chatApi: { id: 'e2eChatApi', name: 'Zenvia emulator (Chat API token only)' },
		clientSdk: { id: 'e2eClientSdk', name: 'Zenvia emulator (ClientSDK token only)' },
		wrongToken: { id: 'e2eWrongToken', name: 'Zenvia emulator (wrong tokens)' },
	},
};
