// @ts-check
'use strict';

// Drives a real n8n from the cache that scripts/install-n8n.sh fills: its CLI (import, publish,
// execute) and `n8n start` for webhooks. ZENVIA_N8N_LINE picks the line (2, the default, or 1);
// where the two lines differ, the runtime's `major` decides. Shared by the end-to-end tests and
// the demo.

const { spawn } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { freePort, run, startProcess, waitFor } = require('./processes');

const REPO_DIR = path.resolve(__dirname, '..', '..');
const INSTALL_SCRIPT = path.join(REPO_DIR, 'scripts', 'install-n8n.sh');
const INSTALL_TIMEOUT_MS = 30 * 60_000;
const CLI_TIMEOUT_MS = 120_000;
const READY_TIMEOUT_MS = 90_000;

/**
 * @typedef {object} N8nRuntime
 * @property {string} dir the cache folder
 * @property {string} node the Node 24 binary n8n needs
 * @property {string} bin n8n's entry script
 * @property {string} version the installed n8n's version, e.g. 2.41.1
 * @property {number} major its major version: 1 or 2
 */

/** The n8n line scripts/install-n8n.sh installs: ZENVIA_N8N_LINE, 2 unless set. */
function n8nLine() {
	return process.env.ZENVIA_N8N_LINE || '2';
}

/** @param {number} ms */
function seconds(ms) {
	return ms < 60_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s`;
}

/**
 * Runs scripts/install-n8n.sh (instant when the cache is complete), showing its progress.
 * @param {{ log?: (line: string) => void }} [options]
 * @returns {Promise<N8nRuntime>}
 */
function ensureN8n(options = {}) {
	const log = options.log ?? ((line) => console.log(line));
	const started = Date.now();
	return new Promise((resolve, reject) => {
		const child = spawn('bash', [INSTALL_SCRIPT], { stdio: ['ignore', 'pipe', 'inherit'] });
		let stdout = '';
		child.stdout.setEncoding('utf8');
		child.stdout.on('data', (chunk) => (stdout += chunk));
		const timer = setTimeout(() => child.kill('SIGKILL'), INSTALL_TIMEOUT_MS);
		child.on('error', reject);
		child.on('close', (code) => {
			clearTimeout(timer);
			const dir = stdout.trim().split('\n').pop() ?? '';
			if (code !== 0 || !dir) {
				reject(new Error(`${INSTALL_SCRIPT} failed (exit ${code})`));
				return;
			}
			const n8nDir = path.join(dir, 'n8n', 'node_modules', 'n8n');
			const { version } = JSON.parse(fs.readFileSync(path.join(n8nDir, 'package.json'), 'utf8'));
			const runtime = {
				dir,
				node: path.join(dir, 'bin', 'node'),
				bin: path.join(n8nDir, 'bin', 'n8n'),
				version,
				major: Number(version.split('.')[0]),
			};
			log(`n8n ${version} ready in ${runtime.dir} (${seconds(Date.now() - started)})`);
			resolve(runtime);
		});
	});
}

/**
 * The environment of every n8n command: an isolated user folder, a fixed encryption key so
 * imported credentials stay readable, nothing sent home, and Node 24 first on the PATH. Callers
 * add N8N_RUNNERS_BROKER_PORT: n8n's task broker would otherwise take 5679, which a user's own
 * n8n may hold.
 * @param {N8nRuntime} runtime
 * @param {string} userFolder
 * @param {NodeJS.ProcessEnv} [extra]
 * @returns {NodeJS.ProcessEnv}
 */
function n8nEnv(runtime, userFolder, extra = {}) {
	const env = { ...process.env };
	// Set by jest or the caller's tooling; they would change how n8n behaves.
	delete env.NODE_ENV;
	delete env.NODE_OPTIONS;
	for (const key of Object.keys(env)) if (key.startsWith('N8N_') || key.startsWith('DB_')) delete env[key];
	return {
		...env,
		PATH: `${path.dirname(runtime.node)}${path.delimiter}${env.PATH ?? ''}`,
		N8N_USER_FOLDER: userFolder,
		N8N_ENCRYPTION_KEY: 'n8n-nodes-zenvia-chat-local-key',
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_HOST: '127.0.0.1',
		...extra,
	};
}

/**
 * Runs one n8n CLI command to its end; rejects on a non-zero exit unless `allowFailure`.
 * @param {N8nRuntime} runtime
 * @param {string} userFolder
 * @param {string[]} args
 * @param {{ allowFailure?: boolean, timeoutMs?: number, env?: NodeJS.ProcessEnv }} [options] env: added to n8nEnv's
 */
async function n8nCommand(runtime, userFolder, args, options = {}) {
	const result = await run(runtime.node, [runtime.bin, ...args], {
		env: n8nEnv(runtime, userFolder, { N8N_RUNNERS_BROKER_PORT: String(await freePort()), ...options.env }),
		cwd: userFolder,
		timeoutMs: options.timeoutMs ?? CLI_TIMEOUT_MS,
	});
	if (result.code !== 0 && !options.allowFailure) {
		throw new Error(`n8n ${args.join(' ')} failed (exit ${result.code}):\n${result.stdout}\n${result.stderr}`);
	}
	return result;
}

/**
 * Imports credentials given as plain objects; n8n encrypts their `data` on import.
 * @param {N8nRuntime} runtime
 * @param {string} userFolder
 * @param {{ id: string, name: string, type: string, data: Record<string, unknown> }[]} credentials
 * @param {{ env?: NodeJS.ProcessEnv }} [options] env: added to n8nEnv's (a database, for one)
 */
async function importCredentials(runtime, userFolder, credentials, options = {}) {
	const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'zenvia-n8n-')), 'credentials.json');
	fs.writeFileSync(file, JSON.stringify(credentials));
	try {
		return await n8nCommand(runtime, userFolder, ['import:credentials', `--input=${file}`], options);
	} finally {
		fs.rmSync(path.dirname(file), { recursive: true, force: true });
	}
}

/**
 * Imports every workflow JSON file of a folder in one n8n run.
 * @param {N8nRuntime} runtime
 * @param {string} userFolder
 * @param {string} folder
 * @param {{ env?: NodeJS.ProcessEnv }} [options] env: added to n8nEnv's
 */
function importWorkflows(runtime, userFolder, folder, options = {}) {
	return n8nCommand(runtime, userFolder, ['import:workflow', '--separate', `--input=${folder}`], options);
}

/**
 * Makes a workflow's triggers live at the next `n8n start`: `publish:workflow` in n8n 2.x, which
 * replaced 1.x's `update:workflow --active=true`.
 * @param {N8nRuntime} runtime
 * @param {string} userFolder
 * @param {string} id
 * @param {{ env?: NodeJS.ProcessEnv }} [options] env: added to n8nEnv's
 */
function publishWorkflow(runtime, userFolder, id, options = {}) {
	const args = runtime.major >= 2 ? ['publish:workflow', `--id=${id}`] : ['update:workflow', `--id=${id}`, '--active=true'];
	return n8nCommand(runtime, userFolder, args, options);
}

/**
 * @typedef {object} Execution
 * @property {boolean} ok whether n8n reported success (exit 0)
 * @property {number | null} code n8n's exit code
 * @property {NodeJS.Signals | null} signal the signal that ended n8n, if one did
 * @property {Record<string, unknown> | undefined} run the execution n8n printed, when it did
 * @property {string} output everything n8n printed, for error messages and for failed runs
 * @property {number} ms how long the command took, n8n's start-up included
 */

/**
 * The execution n8n prints, pretty-printed between log lines: from the first line that is `{` to
 * the first line that is `}` (nested lines are indented). A failed run prints it too.
 * @param {string} stdout
 * @returns {Record<string, unknown> | undefined}
 */
function printedExecution(stdout) {
	const match = /^\{$[\s\S]*?^\}$/m.exec(stdout);
	if (match) return JSON.parse(match[0]);
	// With N8N_LOG_OUTPUT set, n8n prints it through its logger: one JSON line whose message is it.
	for (const line of stdout.split('\n')) {
		if (!line.startsWith('{"') || !line.includes('resultData')) continue;
		try {
			const { message } = JSON.parse(line);
			if (typeof message === 'string' && message.trimStart().startsWith('{')) return JSON.parse(message);
		} catch {
			// Not a log line.
		}
	}
	return undefined;
}

/**
 * `n8n execute --id=ID --rawOutput`: runs a workflow from its Manual Trigger.
 * @param {N8nRuntime} runtime
 * @param {string} userFolder
 * @param {string} id
 * @param {NodeJS.ProcessEnv} [env] added to n8nEnv's, e.g. a debug log to a file
 * @returns {Promise<Execution>}
 */
async function executeWorkflow(runtime, userFolder, id, env) {
	const result = await n8nCommand(runtime, userFolder, ['execute', `--id=${id}`, '--rawOutput'], { allowFailure: true, env });
	const output = `${result.stdout}\n${result.stderr}`;
	const run = printedExecution(result.stdout);
	// n8n 2.41's `execute` leaves through a path that does not dispose of its default ("vm")
	// expression engine, and the process then often dies with SIGSEGV after it has stored and
	// printed the execution (measured here: 9 of 9 runs of a Set node with an expression; none with
	// N8N_EXPRESSION_ENGINE=legacy). Such a run is judged by the execution n8n stored, so the
	// workflows still run on the engine users have.
	const crashedOnExit = result.signal === 'SIGSEGV' && run?.finished === true && run?.status === 'success';
	return { ok: result.code === 0 || crashedOnExit, code: result.code, signal: result.signal, run, output, ms: result.ms };
}

/**
 * Why an `n8n execute` failed, in one line: the exit code or signal, the status n8n recorded, and
 * the node's error or, when n8n printed no execution, its last lines. A run recorded as a success
 * that still ended badly is named as such: n8n failed on its way out, after the workflow ran.
 * @param {Execution} execution
 */
function describeFailure(execution) {
	/** @type {any} */
	const run = execution.run;
	const exit = execution.signal ? `n8n was ended by ${execution.signal}` : `n8n exited with code ${execution.code}`;
	if (!run) {
		const last = execution.output.trim().split('\n').slice(-3).join(' | ');
		return `${exit} before printing an execution; its last lines: ${last}`;
	}
	const nodeError = run.data?.resultData?.error?.message;
	if (nodeError) return `${exit}, the execution is recorded as "${run.status}": ${nodeError}`;
	return `${exit} after the execution was stored as "${run.status}" (n8n failed on its way out)`;
}

/**
 * The items a node produced in an execution printed by `n8n execute` (first run, main output).
 * @param {Execution} execution
 * @param {string} nodeName
 * @param {number} [outputIndex]
 * @returns {Record<string, unknown>[]}
 */
function nodeOutput(execution, nodeName, outputIndex = 0) {
	/** @type {any} */
	const runData = execution.run?.data;
	const runs = runData?.resultData?.runData?.[nodeName];
	if (!runs) throw new Error(`Node "${nodeName}" did not run. n8n printed:\n${execution.output}`);
	const items = runs[0]?.data?.main?.[outputIndex] ?? [];
	return items.map((/** @type {{ json: Record<string, unknown> }} */ item) => item.json);
}

/**
 * @typedef {object} N8nServer
 * @property {string} url e.g. http://127.0.0.1:5679
 * @property {number | undefined} pid n8n's main process, for CPU and memory readings
 * @property {() => string} output what n8n printed so far
 * @property {(graceMs?: number) => Promise<void>} stop SIGTERM, then SIGKILL after graceMs (10 s unless given)
 */

/**
 * An n8n server process on 127.0.0.1:<port>, resolved once /healthz/readiness answers 200:
 * `n8n start` (the main process), or in queue mode `n8n webhook` (serves production webhooks)
 * and `n8n worker` (runs executions; its health server listens on the given port).
 * @param {N8nRuntime} runtime
 * @param {string} userFolder
 * @param {{ port: number, env?: NodeJS.ProcessEnv, command?: 'start' | 'webhook' | 'worker' }} options
 * @returns {Promise<N8nServer>}
 */
async function startN8n(runtime, userFolder, options) {
	const command = options.command ?? 'start';
	const url = `http://127.0.0.1:${options.port}`;
	const env = n8nEnv(runtime, userFolder, {
		N8N_PORT: String(options.port),
		N8N_RUNNERS_BROKER_PORT: String(await freePort()),
		WEBHOOK_URL: `${url}/`,
		N8N_EDITOR_BASE_URL: `${url}/`,
		...(command === 'worker'
			? { QUEUE_HEALTH_CHECK_ACTIVE: 'true', QUEUE_HEALTH_CHECK_PORT: String(options.port), N8N_WORKER_SERVER_ADDRESS: '127.0.0.1' }
			: {}),
		...options.env,
	});
	const server = startProcess(runtime.node, [runtime.bin, command], { env, cwd: userFolder });
	try {
		await waitFor(
			`n8n ${command} to be ready at ${url}`,
			async () => {
				if (server.child.exitCode !== null) throw new Error(`n8n ${command} exited early:\n${server.output()}`);
				const answer = await fetch(`${url}/healthz/readiness`, { signal: AbortSignal.timeout(2000) }).catch(() => undefined);
				return answer?.status === 200;
			},
			{ timeoutMs: READY_TIMEOUT_MS },
		);
	} catch (error) {
		await server.stop();
		throw new Error(`${error instanceof Error ? error.message : String(error)}\n${server.output()}`);
	}
	return { url, pid: server.child.pid, output: server.output, stop: server.stop };
}

/**
 * What every process of a queue-mode n8n shares: the Redis queue, and production webhooks served
 * by webhook processes only (docs/QUEUE-MODE.md).
 * @param {number} redisPort
 * @returns {NodeJS.ProcessEnv}
 */
function queueModeEnv(redisPort) {
	return {
		EXECUTIONS_MODE: 'queue',
		QUEUE_BULL_REDIS_HOST: '127.0.0.1',
		QUEUE_BULL_REDIS_PORT: String(redisPort),
		N8N_DISABLE_PRODUCTION_MAIN_PROCESS: 'true',
	};
}

/**
 * @typedef {object} QueueModeN8n
 * @property {N8nServer} main
 * @property {N8nServer[]} webhooks one for each of webhookPorts, in that order
 * @property {N8nServer} worker
 * @property {() => string} output what each process printed, under its name
 * @property {(graceMs?: number) => Promise<void>} stop the worker first (its running executions
 *   may still call the webhook processes), then the webhook processes, then the main process
 */

/**
 * n8n in queue mode on one user folder: the main process first (it owns the database migrations
 * and activates workflows), then the webhook processes and one worker side by side. A process that
 * fails to start stops the others, so none outlives the caller.
 * @param {N8nRuntime} runtime
 * @param {string} userFolder
 * @param {{ redisPort: number, webhookPorts: number[], env?: NodeJS.ProcessEnv, workerEnv?: NodeJS.ProcessEnv, mainPort?: number, workerPort?: number }} options
 *   env: added to every process's (a database, WEBHOOK_URL); workerEnv: the worker's alone
 * @returns {Promise<QueueModeN8n>}
 */
async function startQueueMode(runtime, userFolder, options) {
	const env = { ...queueModeEnv(options.redisPort), ...options.env };
	const main = await startN8n(runtime, userFolder, { port: options.mainPort ?? (await freePort()), env });
	const workerPort = options.workerPort ?? (await freePort());
	const others = await Promise.allSettled([
		...options.webhookPorts.map((port) => startN8n(runtime, userFolder, { command: 'webhook', port, env })),
		startN8n(runtime, userFolder, { command: 'worker', port: workerPort, env: { ...env, ...options.workerEnv } }),
	]);
	const failed = others.find((outcome) => outcome.status === 'rejected');
	if (failed) {
		for (const outcome of others) if (outcome.status === 'fulfilled') await outcome.value.stop();
		await main.stop();
		throw failed.reason;
	}
	const started = others.map((outcome) => /** @type {PromiseFulfilledResult<N8nServer>} */ (outcome).value);
	const worker = /** @type {N8nServer} */ (started.pop());
	const webhooks = started;
	const named = [['main', main], ...webhooks.map((server, index) => [`webhook ${index + 1}`, server]), ['worker', worker]];
	return {
		main,
		webhooks,
		worker,
		output: () => named.map(([name, server]) => `---- n8n ${name} ----\n${/** @type {N8nServer} */ (server).output()}`).join('\n'),
		stop: async (graceMs) => {
			await worker.stop(graceMs);
			await Promise.all(webhooks.map((server) => server.stop(graceMs)));
			await main.stop(graceMs);
		},
	};
}

/**
 * Waits until a published workflow's production webhook is registered: n8n 2.x activates
 * published workflows in the background, after /healthz/readiness already answers 200. A GET to a
 * POST-only webhook then answers "not registered for GET requests. Did you mean to make a POST
 * request?" instead of "The requested webhook ... is not registered".
 * @param {string} url the production webhook URL, http://127.0.0.1:<port>/webhook/<path>
 */
function waitForWebhook(url) {
	return waitFor(
		`the webhook ${url} to be registered`,
		async () => {
			const answer = await fetch(url, { signal: AbortSignal.timeout(2000) }).catch(() => undefined);
			if (!answer) return false;
			return answer.status !== 404 || (await answer.text()).includes('Did you mean to make a POST');
		},
		{ timeoutMs: READY_TIMEOUT_MS },
	);
}

module.exports = {
	REPO_DIR,
	n8nLine,
	ensureN8n,
	n8nEnv,
	n8nCommand,
	importCredentials,
	importWorkflows,
	publishWorkflow,
	executeWorkflow,
	describeFailure,
	printedExecution,
	nodeOutput,
	startN8n,
	queueModeEnv,
	startQueueMode,
	waitForWebhook,
	seconds,
};
