// @ts-check
'use strict';

// The leak sweep, and the trigger's bad-input cases, in a real n8n. Tokens and the trigger's
// secret are full of / + : = & %; the emulator echoes the token raw, JSON-escaped, URL-encoded
// and base64 in failure and success answers. Every output, error, what n8n printed, its database
// (executions, workflows) and its debug log must hold none of their forms.

// One execution runs many cells; on a loaded machine n8n alone takes a while to boot.
jest.setTimeout(600_000);

const fs = require('fs');
const os = require('os');
const path = require('path');
const { freePort, importWorkflows, printedExecution, publishWorkflow, startN8n, waitForWebhook } = require('../../scripts/e2e');
const c = require('./setup/constants');
const { emulator, execute, runtime, userFolder } = require('./setup/context');
const { startRecorder } = require('../../scripts/e2e/recorder');
const { leaksIn } = require('./setup/secretForms');
const { OPERATIONS, seedsFor } = require('./matrix/operations');
const { cellResult, chainWorkflow } = require('./matrix/workflow');

const SECRETS = [c.SWEEP_CHAT_TOKEN, c.SWEEP_CLIENT_SDK_TOKEN, c.WEBHOOK_SECRET];
const SWEEP_ID = 'e2eLeakSweep';
const TRIGGER_ID = 'e2eLeakSweepTrigger';
const WEBHOOK_ID = 'e2e00000-0000-4000-8000-00000000swp1';
const LOG_FILE = path.join(userFolder, 'logs', 'n8n-debug.log');
/** n8n writes its debug log here; console too, so `execute` still prints the run. */
const DEBUG_LOG = { N8N_LOG_LEVEL: 'debug', N8N_LOG_OUTPUT: 'console,file', N8N_LOG_FILE_LOCATION: LOG_FILE };
const HASH = '322e458c-540c-4c11-ab5c-d38d39f57213';
const finished = { interaction_hash: HASH, state: 'finished', extra: { crmId: '7' } };

/** Echoing answers, in the order items 2 and 3 of each operation get them. */
const ECHOES = [
	{ status: 401, bodyKind: 'echo-token' },
	{ status: 200, bodyKind: 'echo-token' },
];

/** Everything shown to anyone during the sweep, to be scanned at the end. */
/** @type {{ where: string, text: string }[]} */
const seen = [];

/** @type {Awaited<ReturnType<typeof startRecorder>> | undefined} */
let recorder;
/** @type {import('../../scripts/e2e/n8n').N8nServer | undefined} */
let n8n;

beforeAll(async () => {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zenvia-sweep-'));
	const cells = OPERATIONS.map((operation, index) => {
		const key = `s${String(index + 1).padStart(2, '0')}`;
		return {
			key,
			seeds: seedsFor(key),
			prep: operation.prep,
			faults: [{ path: '/*', skip: 1, times: 1, ...ECHOES[0] }, { path: '/*', times: 1, ...ECHOES[1] }],
			node: { parameters: operation.parameters, credential: operation.credential },
		};
	});
	const credentials = { chatApi: c.CREDENTIALS.sweepChatApi, clientSdk: c.CREDENTIALS.sweepClientSdk };
	fs.writeFileSync(path.join(dir, 'sweep.json'), JSON.stringify(chainWorkflow({ id: SWEEP_ID, name: 'E2E leak sweep', emulatorUrl: emulator.url, cells, credentials })));
	fs.writeFileSync(path.join(dir, 'trigger.json'), JSON.stringify(triggerWorkflow()));
	await importWorkflows(runtime, userFolder, dir);
	fs.rmSync(dir, { recursive: true, force: true });
	fs.rmSync(LOG_FILE, { force: true });

	recorder = await startRecorder();
	await publishWorkflow(runtime, userFolder, TRIGGER_ID);
	n8n = await startN8n(runtime, userFolder, {
		port: await freePort(),
		env: { E2E_RECORDER_URL: recorder.url, N8N_BLOCK_ENV_ACCESS_IN_NODE: 'false', ...DEBUG_LOG },
	});
	await waitForWebhook(`${n8n.url}/webhook/${WEBHOOK_ID}/zenvia-chat`);
});

afterAll(async () => {
	await emulator.clearFaults();
	await n8n?.stop();
	await recorder?.close();
});

function triggerWorkflow() {
	return {
		id: TRIGGER_ID,
		name: 'E2E leak sweep: trigger',
		active: false,
		settings: { executionOrder: 'v1' },
		nodes: [
			{
				id: 'sweep-trigger',
				name: 'Zenvia Chat Trigger',
				type: 'n8n-nodes-zenvia-chat.zenviaChatTrigger',
				typeVersion: 2,
				position: [0, 0],
				webhookId: WEBHOOK_ID,
				parameters: { events: ['*'] },
				credentials: { zenviaChatWebhookApi: c.CREDENTIALS.webhookSecret },
			},
			{
				id: 'sweep-recorder',
				name: 'Report To Recorder',
				type: 'n8n-nodes-base.httpRequest',
				typeVersion: 4.2,
				position: [220, 0],
				parameters: { method: 'POST', url: '={{ $env.E2E_RECORDER_URL }}', sendBody: true, specifyBody: 'json', jsonBody: '={{ JSON.stringify($json) }}', options: {} },
			},
		],
		connections: { 'Zenvia Chat Trigger': { main: [[{ node: 'Report To Recorder', type: 'main', index: 0 }]] } },
	};
}

/**
 * @param {string} query e.g. `?secret=...`
 * @param {{ body?: string, contentType?: string, headers?: Record<string, string> }} [request]
 */
async function post(query, request = {}) {
	if (!n8n) throw new Error('set-up failed');
	const answer = await fetch(`${n8n.url}/webhook/${WEBHOOK_ID}/zenvia-chat${query}`, {
		method: 'POST',
		headers: { 'Content-Type': request.contentType ?? 'application/json', ...request.headers },
		body: request.body ?? JSON.stringify(finished),
		signal: AbortSignal.timeout(30_000),
	});
	const text = await answer.text();
	seen.push({ where: `trigger answer to ${query.slice(0, 20)}`, text });
	return { status: answer.status, text };
}

const rightSecret = `?secret=${encodeURIComponent(c.WEBHOOK_SECRET)}`;
const MB_TEXT = 'ç'.repeat(512 * 1024);
/**
 * The trigger's bad-input cases: what Zenvia (or a stranger) may post, and what must happen.
 * @type {{ label: string, query: string, request?: Parameters<typeof post>[1], status: number, started?: (item: any) => boolean }[]}
 */
const TRIGGER_CASES = [
	{ label: 'secret URL-encoded in the query', query: rightSecret, status: 200, started: (item) => item.interactionHash === HASH },
	{ label: 'secret in the X-Zenvia-Secret header', query: '', request: { headers: { 'X-Zenvia-Secret': c.WEBHOOK_SECRET } }, status: 200, started: (item) => item.event === 'finished' },
	{ label: 'secret pasted raw into the URL (+ & % change it)', query: `?secret=${c.WEBHOOK_SECRET}`, status: 401 },
	{ label: 'secret in base64', query: `?secret=${encodeURIComponent(Buffer.from(c.WEBHOOK_SECRET).toString('base64'))}`, status: 401 },
	{ label: 'no secret', query: '', status: 401 },
	{ label: 'body not JSON', query: rightSecret, request: { body: 'hello', contentType: 'text/plain' }, status: 400 },
	{ label: 'body empty', query: rightSecret, request: { body: '', contentType: 'text/plain' }, status: 400 },
	{ label: 'body a JSON list', query: rightSecret, request: { body: '[1,2]' }, status: 400 },
	{ label: 'body JSON null', query: rightSecret, request: { body: 'null', contentType: 'text/plain' }, status: 400 },
	{ label: 'body a JSON number', query: rightSecret, request: { body: '42', contentType: 'text/plain' }, status: 400 },
	{ label: 'no interaction_hash', query: rightSecret, request: { body: '{"state":"finished"}' }, status: 422 },
	{ label: 'state a number', query: rightSecret, request: { body: JSON.stringify({ interaction_hash: HASH, state: 42 }) }, status: 422 },
	{
		label: 'message in unicode and emoji',
		query: rightSecret,
		request: { body: JSON.stringify({ interaction_hash: HASH, message: { hash: 'm1', content: 'Olá 🙂 中文', type: 'text', url: null } }) },
		status: 200,
		started: (item) => item.message?.content === 'Olá 🙂 中文',
	},
	{
		label: 'extra with a 1 MB value',
		query: rightSecret,
		request: { body: JSON.stringify({ ...finished, extra: { note: MB_TEXT } }) },
		status: 200,
		started: (item) => item.extra?.note === MB_TEXT,
	},
];

describe('trigger bad input in a running n8n', () => {
	const run = async (/** @type {number} */ index) => {
		if (!recorder) throw new Error('set-up failed');
		const entry = TRIGGER_CASES[index];
		const before = recorder.records.length;
		const answer = await post(entry.query, entry.request);
		expect(answer.status).toBe(entry.status);
		if (entry.started) {
			await recorder.waitForRecords(before + 1);
			expect(recorder.records).toHaveLength(before + 1);
			expect(entry.started(recorder.records[before])).toBe(true);
		} else {
			// Nothing starts late either.
			await new Promise((resolve) => setTimeout(resolve, 1000));
			expect(recorder.records).toHaveLength(before);
		}
	};
	const cases = TRIGGER_CASES.map((entry, index) => /** @type {[string, number]} */ ([entry.label, index]));
	test.each(cases)('%s', (_label, index) => run(index));
});

describe('leak sweep: tokens and the trigger secret full of / + : = & %', () => {
	test('every operation answered with echoing bodies shows no token in its items', async () => {
		const printed = await execute(SWEEP_ID, DEBUG_LOG);
		// With a log file n8n may print the run only through its logger: read it from the file.
		const execution = printed.run ? printed : { ...printed, run: printedExecution(fs.readFileSync(LOG_FILE, 'utf8')) };
		seen.push({ where: 'n8n execute output', text: execution.output });
		const failures = [];
		for (const [index] of OPERATIONS.entries()) {
			const key = `s${String(index + 1).padStart(2, '0')}`;
			const { items } = cellResult(execution, key);
			seen.push({ where: `items of ${OPERATIONS[index].key}`, text: JSON.stringify(items) });
			// Item 2 was refused with the echo; the echo reached the node (it had a token to echo).
			if (items.length < 3) failures.push(`${OPERATIONS[index].key}: ${items.length} items`);
		}
		expect(failures).toEqual([]);
	});

	test('nothing n8n showed, stored or logged holds any form of a secret', async () => {
		// What the trigger stored: executions of the trigger workflow, then n8n stopped so its
		// database and log are complete on disk.
		seen.push({ where: 'n8n start output', text: n8n?.output() ?? '' });
		await n8n?.stop();
		n8n = undefined;
		const n8nFolder = path.join(userFolder, '.n8n');
		const stored = fs.readdirSync(n8nFolder).filter((name) => name.startsWith('database.sqlite'));
		expect(stored.length).toBeGreaterThan(0);
		for (const name of stored) seen.push({ where: name, text: fs.readFileSync(path.join(n8nFolder, name)).toString('latin1') + fs.readFileSync(path.join(n8nFolder, name)).toString('utf8') });
		expect(fs.existsSync(LOG_FILE)).toBe(true);
		const log = fs.readFileSync(LOG_FILE, 'utf8');
		expect(log).toMatch(/debug/i);
		seen.push({ where: 'n8n debug log', text: log });

		const leaks = seen.flatMap(({ where, text }) => leaksIn(text, SECRETS).map((leak) => `${where}: ${leak}`));
		const scanned = seen.reduce((sum, { text }) => sum + text.length, 0);
		process.stdout.write(`      leak sweep: ${seen.length} texts, ${(scanned / 1e6).toFixed(1)} MB scanned, ${leaks.length} occurrences\n`);
		fs.writeFileSync(path.join(c.WORK_DIR, 'leak-sweep.json'), JSON.stringify({ texts: seen.length, bytesScanned: scanned, occurrences: leaks.length, leaks }, null, 2));
		expect(leaks).toEqual([]);
	});
});
