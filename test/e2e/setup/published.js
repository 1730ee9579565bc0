// @ts-check
'use strict';

// Workflows published in an n8n folder of their own, with the credentials every e2e workflow names:
// the Zenvia Chat account (the emulator's two tokens) and the trigger's shared secret. The folder
// keeps its own database, so a file that stops and restarts n8n touches no other file's executions.

const fs = require('fs');
const path = require('path');
const { prepareN8n, publishWorkflow, tempDir, webhookSecretCredential, zenviaCredential } = require('../../../scripts/e2e');
const { CHAT_TOKEN, CLIENT_SDK_TOKEN, CREDENTIALS, WEBHOOK_SECRET } = require('./constants');
const { emulator } = require('./context');

/**
 * @param {{ userFolder: string, workflows: Array<{ id: string }>, credentials?: any[] }} options
 *   credentials: more than the account and the secret (an AI model's, ...)
 * @returns {Promise<import('../../../scripts/e2e/n8n').N8nRuntime>}
 */
async function preparePublished({ userFolder, workflows, credentials = [] }) {
	const folder = tempDir('zenvia-published-');
	try {
		workflows.forEach((workflow, index) => fs.writeFileSync(path.join(folder, `${index}.json`), JSON.stringify(workflow)));
		const runtime = await prepareN8n({
			folder: userFolder,
			workflowsDir: folder,
			credentials: [
				zenviaCredential({ ...CREDENTIALS.account, chatApiToken: CHAT_TOKEN, clientSdkToken: CLIENT_SDK_TOKEN, baseUrl: emulator.url }),
				webhookSecretCredential({ ...CREDENTIALS.webhookSecret, secret: WEBHOOK_SECRET }),
				...credentials,
			],
			log: (line) => process.stdout.write(`      ${line}\n`),
		});
		// A published workflow calls the published version of a sub-workflow: every one is published.
		for (const workflow of workflows) await publishWorkflow(runtime, userFolder, workflow.id);
		return runtime;
	} finally {
		fs.rmSync(folder, { recursive: true, force: true });
	}
}

/**
 * n8n's environment for workflows that report to a local recorder ({{ $env.E2E_RECORDER_URL }}).
 * @param {{ url: string }} recorder
 */
const recorderEnv = (recorder) => ({
	E2E_RECORDER_URL: recorder.url,
	N8N_BLOCK_ENV_ACCESS_IN_NODE: 'false',
	N8N_LOG_LEVEL: process.env.E2E_N8N_LOG_LEVEL ?? 'info',
});

module.exports = { preparePublished, recorderEnv };
