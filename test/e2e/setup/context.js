// @ts-check
'use strict';

// What a test file needs: the n8n prepared by global-setup.js and the emulator's admin client.

const fs = require('fs');
const { emulatorClient, executeWorkflow } = require('../../../scripts/e2e');
const { CONTEXT_FILE } = require('./constants');

/** @type {{ runtime: import('../../../scripts/e2e/n8n').N8nRuntime, userFolder: string, emulatorUrl: string }} */
const context = JSON.parse(fs.readFileSync(CONTEXT_FILE, 'utf8'));

const emulator = emulatorClient(context.emulatorUrl);

/**
 * Empties the emulator's request log, then runs the workflow with `n8n execute`.
 * @param {string} workflowId
 * @param {NodeJS.ProcessEnv} [env] added to n8n's environment
 */
async function execute(workflowId, env) {
	await emulator.clearRequests();
	const execution = await executeWorkflow(context.runtime, context.userFolder, workflowId, env);
	process.stdout.write(`      n8n execute --id=${workflowId}: ${execution.ok ? 'success' : 'failure'} in ${(execution.ms / 1000).toFixed(1)} s\n`);
	return execution;
}

module.exports = { ...context, emulator, execute };
