// @ts-check
'use strict';

// Facts shared by the global setup and the test files (which run in separate module registries).

const path = require('path');
const { n8nLine } = require('../../../scripts/e2e/n8n');
const { userFolderFor } = require('../../../scripts/e2e/user-folder');

const ROOT = path.resolve(__dirname, '..', '..', '..');
/** One folder per n8n line (ZENVIA_N8N_LINE), so a run on 1.x leaves a 2.x run's folder alone. */
const WORK_DIR = path.join(ROOT, '.n8n-e2e', `n8n-${n8nLine()}`);

module.exports = {
	/** Git-ignored; recreated on every run. Holds the figures each suite writes. */
	WORK_DIR,
	/** Outside the checkout, as a user's is (scripts/e2e/user-folder.js). */
	USER_FOLDER: userFolderFor(`e2e-n8n-${n8nLine()}`),
	CONTEXT_FILE: path.join(WORK_DIR, 'context.json'),
	WORKFLOWS_DIR: path.join(__dirname, '..', 'workflows'),
	CHAT_TOKEN: 'e2e-chat-api-token-0123456789',
	CLIENT_SDK_TOKEN: 'e2e-client-sdk-token-0123456789',
	WRONG_TOKEN: 'e2e-wrong-token-must-never-show-9876',
	/** For the leak sweep: tokens made of the characters that change form in URLs, JSON and logs. */
	SWEEP_CHAT_TOKEN: 'Zv/Sweep+Chat:tok=1&2%2F==',
	SWEEP_CLIENT_SDK_TOKEN: 'Sdk/Sweep+Tok:en=3&4%41:',
	/** The trigger's shared secret, with characters that change meaning in a URL. */
	WEBHOOK_SECRET: 'e2e/Hook+Secret:9=&%2F',
	/** Enough history for Return All to need three pages of at most 10,000 records. */
	RECORDS: 26_000,
	CREDENTIALS: {
		/** One credential per Zenvia account, holding both tokens: what the README tells users. */
		account: { id: 'e2eAccount', name: 'Zenvia emulator (account)' },
		/** Only one token each: an operation that needs the other one fails with a named error. */
		chatApi: { id: 'e2eChatApi', name: 'Zenvia emulator (Chat API token only)' },
		clientSdk: { id: 'e2eClientSdk', name: 'Zenvia emulator (ClientSDK token only)' },
		wrongToken: { id: 'e2eWrongToken', name: 'Zenvia emulator (wrong tokens)' },
		sweepChatApi: { id: 'e2eSweepChatApi', name: 'Zenvia emulator (Chat API, sweep token)' },
		sweepClientSdk: { id: 'e2eSweepClientSdk', name: 'Zenvia emulator (ClientSDK, sweep token)' },
		webhookSecret: { id: 'e2eWebhookSecret', name: 'Zenvia Chat webhook secret (e2e)' },
	},
};
