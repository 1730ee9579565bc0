// @ts-check
'use strict';

// Options > Relay to Test Listener in a running n8n: a published workflow keeps the one URL Zenvia
// knows while someone listens for a test event in the editor. The test listener is armed with the
// REST call the editor's "Execute workflow" makes, signed in as the owner; each execution reports
// its mode and item to a local recorder, and n8n's own executions are read through its REST API.
// The trigger guards both URLs with the shared secret and an IP allow-list behind one proxy
// (X-Forwarded-For), so the relayed call must carry what the listener's guard needs.

const http = require('http');
const path = require('path');
const {
	executeFromEditor,
	freePort,
	ownerEnv,
	prepareN8n,
	publishWorkflow,
	restOk,
	signIn,
	startN8n,
	userFolderFor,
	waitFor,
	waitForWebhook,
	webhookSecretCredential,
} = require('../../scripts/e2e');
const { startRecorder } = require('../../scripts/e2e/recorder');
const { CREDENTIALS, WEBHOOK_SECRET } = require('./setup/constants');
const { runtime } = require('./setup/context');

const RELAY = { id: 'e2eRelay', webhookId: 'e2e00000-0000-4000-8000-0000000relay' };
const NO_RELAY = { id: 'e2eRelayOff', webhookId: 'e2e00000-0000-4000-8000-0000000norel' };
const LOGIN = { email: 'relay-owner@example.com', password: 'Relay-Owner-e2e-7' };
const USER_FOLDER = userFolderFor('e2e-trigger-relay');
const STARTED = { message: 'Workflow was started' };
const DROPPED = { message: 'Webhook call received' };
/** Zenvia, as the allow-list sees it through the one trusted proxy. */
const ZENVIA_IP = '203.0.113.7';
const SECRET_QUERY = `secret=${encodeURIComponent(WEBHOOK_SECRET)}`;
const RELAY_LOG = 'Relay to Test Listener';

/** @type {Awaited<ReturnType<typeof startRecorder>> | undefined} */
let recorder;
/** @type {import('../../scripts/e2e/n8n').N8nServer | undefined} */
let n8n;
/** @type {import('../../scripts/e2e/editor').Session | undefined} */
let session;

/** @param {number} port */
const n8nEnv = (port) => ({
	...ownerEnv(runtime, LOGIN),
	E2E_RECORDER_URL: recorder?.url ?? '',
	N8N_BLOCK_ENV_ACCESS_IN_NODE: 'false',
	// Plain WEBHOOK_URL on this port, as startN8n sets it; overridden where a test needs another.
	WEBHOOK_URL: `http://127.0.0.1:${port}/`,
});

beforeAll(async () => {
	recorder = await startRecorder();
	await prepareN8n({
		folder: USER_FOLDER,
		workflowsDir: path.join(__dirname, 'trigger-relay'),
		credentials: [webhookSecretCredential({ ...CREDENTIALS.webhookSecret, secret: WEBHOOK_SECRET })],
		log: (line) => process.stdout.write(`      ${line}\n`),
	});
	await publishWorkflow(runtime, USER_FOLDER, RELAY.id);
	await publishWorkflow(runtime, USER_FOLDER, NO_RELAY.id);
	const port = await freePort();
	n8n = await startN8n(runtime, USER_FOLDER, { port, env: n8nEnv(port) });
	await waitForWebhook(productionUrl(RELAY));
	await waitForWebhook(productionUrl(NO_RELAY));
	session = await signIn(n8n.url, LOGIN);
});

afterAll(async () => {
	await n8n?.stop();
	await recorder?.close();
});

/** @param {{ webhookId: string }} workflow */
const productionUrl = (workflow) => `${n8n?.url}/webhook/${workflow.webhookId}/zenvia-chat`;
/** @param {{ webhookId: string }} workflow */
const testUrl = (workflow) => `${n8n?.url}/webhook-test/${workflow.webhookId}/zenvia-chat`;

/**
 * Zenvia posts an event (through the proxy that appends its address); resolves n8n's answer and
 * how long it took.
 * @param {string} url
 * @param {unknown} event
 * @param {Record<string, string>} [headers]
 */
async function post(url, event, headers = {}) {
	const started = performance.now();
	const answer = await fetch(url, {
		method: 'POST',
		headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': ZENVIA_IP, ...headers },
		body: JSON.stringify(event),
		signal: AbortSignal.timeout(30_000),
	});
	const body = await answer.json().catch(() => undefined);
	return { status: answer.status, body, ms: performance.now() - started };
}

/** "Execute workflow" in the editor, from the Zenvia Chat Trigger: arms its Test URL. @param {string} workflowId */
async function listenForTestEvent(workflowId) {
	if (!session) throw new Error('set-up failed');
	return await executeFromEditor(session, workflowId, 'Zenvia Chat Trigger');
}

/**
 * n8n's stored executions of a workflow: mode ("webhook" for the Production URL, "manual" for the
 * test listener) and status.
 * @param {string} workflowId
 */
async function executionsOf(workflowId) {
	if (!session) throw new Error('set-up failed');
	const filter = encodeURIComponent(JSON.stringify({ workflowId }));
	const answer = await restOk(session, 'GET', `/rest/executions?filter=${filter}`);
	return [...(answer?.results ?? [])]
		.sort((a, b) => Number(a.id) - Number(b.id))
		.map((/** @type {{ mode: string, status: string }} */ execution) => ({ mode: execution.mode, status: execution.status }));
}

/** The recorded executions since `from`, as { mode, item }. @param {number} from */
const recordedSince = (from) => (recorder?.records ?? []).slice(from).map((/** @type {any} */ record) => ({ workflow: record.workflow, mode: record.mode, item: record.item }));

const settle = () => new Promise((resolve) => setTimeout(resolve, 1500));

/** The relay lines n8n logged so far. */
const relayLogLines = () => (n8n?.output() ?? '').split('\n').filter((line) => line.includes(RELAY_LOG));

/** @param {string} hash @param {string} state */
const event = (hash, state) => ({ interaction_hash: hash, state, extra: { crmId: '7' } });
/** @param {string} hash @param {string} state */
const item = (hash, state) => ({ event: state, interactionHash: hash, extra: { crmId: '7' } });

describe('Relay to Test Listener in a running n8n', () => {
	it('with the editor listening: production runs as usual and the test listener gets the same event', async () => {
		if (!recorder) throw new Error('set-up failed');
		expect(await listenForTestEvent(RELAY.id)).toEqual({ waitingForWebhook: true });
		const from = recorder.records.length;

		const answer = await post(`${productionUrl(RELAY)}?${SECRET_QUERY}`, event('relay-1', 'finished'));
		expect({ status: answer.status, body: answer.body }).toEqual({ status: 200, body: STARTED });
		process.stdout.write(`      Production URL answered in ${answer.ms.toFixed(0)} ms\n`);

		await recorder.waitForRecords(from + 2);
		await settle();
		const records = recordedSince(from);
		expect(records).toHaveLength(2);
		expect(records).toEqual(
			expect.arrayContaining([
				{ workflow: RELAY.id, mode: 'production', item: item('relay-1', 'finished') },
				{ workflow: RELAY.id, mode: 'test', item: item('relay-1', 'finished') },
			]),
		);
		expect(await executionsOf(RELAY.id)).toEqual(
			expect.arrayContaining([
				{ mode: 'webhook', status: 'success' },
				{ mode: 'manual', status: 'success' },
			]),
		);
		expect(relayLogLines()).toEqual([]);
		// The listener stops after the event it received, as n8n's own listener does.
		expect((await post(`${testUrl(RELAY)}?${SECRET_QUERY}`, event('relay-x', 'finished'))).status).toBe(404);
	});

	it('a relayed call is never relayed again, and a forged relay mark opens nothing', async () => {
		if (!recorder || !session) throw new Error('set-up failed');
		expect(await listenForTestEvent(RELAY.id)).toEqual({ waitingForWebhook: true });
		const from = recorder.records.length;
		const forged = { 'X-Zenvia-Relay': `v1.${Date.now()}.${'0'.repeat(64)}`, 'X-Zenvia-Relay-Caller': ZENVIA_IP };

		// Marked as relayed: production runs, but hands nothing on.
		const marked = await post(`${productionUrl(RELAY)}?${SECRET_QUERY}`, event('relay-2', 'finished'), forged);
		expect({ status: marked.status, body: marked.body }).toEqual({ status: 200, body: STARTED });
		// Straight to the Test URL, a forged mark stands for no secret.
		const straight = await post(testUrl(RELAY), event('relay-3', 'finished'), forged);
		expect(straight.status).toBe(401);

		await recorder.waitForRecords(from + 1);
		await settle();
		expect(recordedSince(from)).toEqual([{ workflow: RELAY.id, mode: 'production', item: item('relay-2', 'finished') }]);

		// The editor stops listening (its Stop button).
		await restOk(session, 'DELETE', `/rest/test-webhook/${RELAY.id}`);
		await waitFor('the Test URL to close', async () => (await post(testUrl(RELAY), event('relay-4', 'finished'))).status === 404, { timeoutMs: 15_000 });
	});

	it('with nobody listening: nothing else happens, nothing is logged, and Zenvia\'s answer time is unchanged', async () => {
		if (!recorder) throw new Error('set-up failed');
		const from = recorder.records.length;
		const answer = await post(`${productionUrl(RELAY)}?${SECRET_QUERY}`, event('relay-5', 'accepted'));
		expect({ status: answer.status, body: answer.body }).toEqual({ status: 200, body: STARTED });
		await recorder.waitForRecords(from + 1);
		await settle();
		expect(recordedSince(from)).toEqual([{ workflow: RELAY.id, mode: 'production', item: item('relay-5', 'accepted') }]);
		expect(relayLogLines()).toEqual([]);

		// Zenvia's answer with the relay on (each call also posts to the closed Test URL) and off,
		// interleaved, each call on its own (a pause lets the relay's local call end first, so one
		// call's relay does not land in the next call's time). A typing event is not picked: the
		// answer is the trigger's alone, no execution.
		/** @type {{ on: number[], off: number[] }} */
		const times = { on: [], off: [] };
		for (let round = 0; round < 20; round++) {
			for (const [key, workflow] of /** @type {const} */ ([['on', RELAY], ['off', NO_RELAY]])) {
				const typing = await post(`${productionUrl(workflow)}?${SECRET_QUERY}`, event(`timing-${round}`, 'typing'));
				expect({ status: typing.status, body: typing.body }).toEqual({ status: 200, body: DROPPED });
				times[key].push(typing.ms);
				await new Promise((resolve) => setTimeout(resolve, 150));
			}
		}
		const median = (/** @type {number[]} */ values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
		const on = median(times.on.slice(2));
		const off = median(times.off.slice(2));
		process.stdout.write(`      Zenvia's answer, median of 18: relay on ${on.toFixed(1)} ms, off ${off.toFixed(1)} ms\n`);
		expect(on).toBeLessThan(off * 1.5 + 10);
		await settle();
		expect(recordedSince(from)).toHaveLength(1);
		expect(relayLogLines()).toEqual([]);
	});

	it('when n8n cannot reach its own URL: Zenvia is answered while the relay still hangs, the relay carries no secret, and the log names WEBHOOK_URL', async () => {
		if (!recorder || !n8n) throw new Error('set-up failed');
		// WEBHOOK_URL points at a host that takes the relayed call and never answers it: the trigger
		// gives up after its 10 s limit.
		/** @type {{ method?: string, url?: string, headers: http.IncomingHttpHeaders, body: string, open: boolean }[]} */
		const held = [];
		const blackHole = http.createServer((req) => {
			const call = { method: req.method, url: req.url, headers: req.headers, body: '', open: true };
			req.setEncoding('utf8');
			req.on('data', (chunk) => (call.body += chunk));
			req.socket.on('close', () => (call.open = false));
			held.push(call);
		});
		await new Promise((resolve) => blackHole.listen(0, '127.0.0.1', () => resolve(undefined)));
		const holePort = /** @type {import('net').AddressInfo} */ (blackHole.address()).port;
		try {
			await n8n.stop();
			const port = await freePort();
			n8n = await startN8n(runtime, USER_FOLDER, { port, env: { ...n8nEnv(port), WEBHOOK_URL: `http://127.0.0.1:${holePort}/` } });
			await waitForWebhook(productionUrl(RELAY));
			session = await signIn(n8n.url, LOGIN);
			// A first call warms n8n's webhook path up (the workflow without the relay).
			await post(`${productionUrl(NO_RELAY)}?${SECRET_QUERY}`, event('warm-up', 'typing'));
			const from = recorder.records.length;

			const sent = event('relay-6', 'finished');
			const answer = await post(`${productionUrl(RELAY)}?${SECRET_QUERY}`, sent);
			expect({ status: answer.status, body: answer.body }).toEqual({ status: 200, body: STARTED });
			await waitFor('the relayed call', async () => held.length === 1, { timeoutMs: 15_000 });
			const [relayed] = held;
			// Zenvia has its answer; the relayed call is still waiting for the black hole.
			expect(relayed.open).toBe(true);
			process.stdout.write(`      Production URL answered in ${answer.ms.toFixed(0)} ms; the relayed call was still open\n`);
			expect(relayed.method).toBe('POST');
			expect(relayed.url).toBe(`/webhook-test/${RELAY.webhookId}/zenvia-chat`);
			expect(JSON.parse(relayed.body)).toEqual(sent);
			expect(relayed.headers['x-zenvia-relay']).toMatch(/^v1\.\d+\.[0-9a-f]{64}$/);
			expect(relayed.headers['x-zenvia-relay-caller']).toBe(ZENVIA_IP);
			// The secret goes to no other host: not in the URL, not in a header (raw or URL-encoded).
			const sentOn = JSON.stringify({ url: relayed.url, headers: relayed.headers });
			expect(sentOn).not.toContain(WEBHOOK_SECRET);
			expect(sentOn).not.toContain(encodeURIComponent(WEBHOOK_SECRET));

			await recorder.waitForRecords(from + 1);
			expect(recordedSince(from)).toEqual([{ workflow: RELAY.id, mode: 'production', item: item('relay-6', 'finished') }]);
			await waitFor('the relay failure in the log', async () => relayLogLines().length > 0, { timeoutMs: 30_000 });
			const [line] = relayLogLines();
			process.stdout.write(`      n8n logged: ${line.trim()}\n`);
			expect(line).toContain(`could not reach its own Test URL http://127.0.0.1:${holePort}/webhook-test/${RELAY.webhookId}/zenvia-chat`);
			expect(line).toContain('WEBHOOK_URL');
			await waitFor('n8n to give the relayed call up', async () => !relayed.open, { timeoutMs: 5000 });
			// The production execution is stored as a success.
			expect((await executionsOf(RELAY.id)).at(-1)).toEqual({ mode: 'webhook', status: 'success' });
		} finally {
			blackHole.closeAllConnections();
			await new Promise((resolve) => blackHole.close(() => resolve(undefined)));
		}
	});
});
