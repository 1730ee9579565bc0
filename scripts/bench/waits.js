// @ts-check
'use strict';

// Event → resumed execution, beside n8n's own floor. One published workflow holds both set-ups:
//   Zenvia Chat Trigger (new interaction) > Bot > Accept > Bot > Send and Wait for Reply > record
//   Webhook > record its resume URL > Wait (resume on webhook call) > record
// A sample waits until the execution is saved as waiting (the question is in, then a pause), then
// posts the customer's reply to the trigger (Zenvia's way) or calls the Wait node's resume URL
// (the floor), and times until the resumed execution's record arrives. Both end with the same
// HTTP Request to the same recorder, so the difference is what the trigger adds: checking the
// call, finding the waiter and handing the event to n8n's resume URL.

const { NODE_TYPES } = require('../e2e/user-folder');
const { waitFor } = require('../e2e');
const { node } = require('./workflows');

const TRIGGER_WEBHOOK_ID = 'bench-wait-trigger';
const FLOOR_PATH = 'wait-floor';
/** After the question (or the resume URL) is known: long enough for n8n to save the execution as waiting. */
const SETTLE_MS = 500;

/** @param {string} name @param {string} recorderUrl @param {string} body an expression of an object */
function record(name, recorderUrl, body) {
	return node(name, 'n8n-nodes-base.httpRequest', 4.2, { method: 'POST', url: recorderUrl, sendBody: true, specifyBody: 'json', jsonBody: `={{ JSON.stringify(${body}) }}`, options: {} });
}

/**
 * @param {{ recorderUrl: string, credentials: Record<string, unknown> }} options
 */
function waitsWorkflow({ recorderUrl, credentials }) {
	const hash = "$('Zenvia Chat Trigger').item.json.interactionHash";
	const trigger = node('Zenvia Chat Trigger', NODE_TYPES.zenviaChatTrigger, 2, { events: ['new_interaction'] }, { webhookId: TRIGGER_WEBHOOK_ID });
	const accept = node('Accept', NODE_TYPES.zenviaChat, 1, { resource: 'bot', operation: 'accept', interactionHash: `={{ ${hash} }}` }, { credentials });
	const ask = node('Ask', NODE_TYPES.zenviaChat, 1, { resource: 'bot', operation: 'sendAndWait', interactionHash: `={{ ${hash} }}`, content: 'Question', waitLimitMinutes: 10 }, { credentials });
	const answered = record('Record Reply', recorderUrl, `{ kind: 'zenvia', hash: ${hash}, outcome: $json.outcome }`);
	const hook = node('Webhook wait-floor', 'n8n-nodes-base.webhook', 2, { httpMethod: 'POST', path: FLOOR_PATH, responseMode: 'onReceived', options: {} }, { webhookId: `bench-${FLOOR_PATH}` });
	const ready = record('Record Resume URL', recorderUrl, "{ kind: 'floor-ready', id: $json.body.id, resumeUrl: $execution.resumeUrl }");
	const wait = node('Wait', 'n8n-nodes-base.wait', 1.1, { resume: 'webhook', httpMethod: 'POST', options: {} }, { webhookId: 'bench-wait-floor-resume' });
	const resumed = record('Record Resumed', recorderUrl, "{ kind: 'floor', id: $('Webhook wait-floor').item.json.body.id }");
	const chain = (/** @type {Array<{ name: string }>} */ list) =>
		Object.fromEntries(list.slice(0, -1).map((from, i) => [from.name, { main: [[{ node: list[i + 1].name, type: 'main', index: 0 }]] }]));
	return {
		id: 'benchWaits',
		name: 'Benchmark: waits resumed',
		active: false,
		settings: { executionOrder: 'v1' },
		nodes: [trigger, accept, ask, answered, hook, ready, wait, resumed],
		connections: { ...chain([trigger, accept, ask, answered]), ...chain([hook, ready, wait, resumed]) },
	};
}

/** @param {number} ms */
const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * @param {{ n8nUrl: string, emu: any, recorder: Awaited<ReturnType<typeof import('../e2e/recorder').startRecorder>>, samples: number, log: (line: string) => void }} options
 * @returns {Promise<{ zenvia: number[], floor: number[] }>} milliseconds per sample
 */
async function measureWaitLatency({ n8nUrl, emu, recorder, samples, log }) {
	const triggerUrl = `${n8nUrl}/webhook/${TRIGGER_WEBHOOK_ID}/zenvia-chat`;
	const arrivalOf = async (/** @type {(r: any) => boolean} */ matches, /** @type {string} */ what) => {
		let at = -1;
		await waitFor(what, async () => {
			const index = recorder.records.findIndex(matches);
			if (index >= 0) at = recorder.arrivals[index];
			return index >= 0;
		}, { timeoutMs: 60_000, intervalMs: 2 });
		return at;
	};

	const zenviaSample = async (/** @type {number} */ i) => {
		const { payload } = await emu.bot('newInteraction', { target: triggerUrl });
		const hash = String(payload.interaction_hash);
		await waitFor(`the question of sample ${i}`, async () => (emu.state.bots.get(hash)?.messages ?? []).some((m) => m.from === 'BOT'), { timeoutMs: 60_000, intervalMs: 5 });
		await pause(SETTLE_MS);
		const sentAt = performance.now();
		await emu.bot('newMessage', { target: triggerUrl, interactionHash: hash, content: `Answer ${i}` });
		return (await arrivalOf((r) => r.kind === 'zenvia' && r.hash === hash, `the resumed execution of sample ${i}`)) - sentAt;
	};
	const floorSample = async (/** @type {number} */ i) => {
		const id = `floor-${i}-${Date.now()}`;
		await fetch(`${n8nUrl}/webhook/${FLOOR_PATH}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ id }) });
		await arrivalOf((r) => r.kind === 'floor-ready' && r.id === id, `the resume URL of floor sample ${i}`);
		const { resumeUrl } = /** @type {any} */ (recorder.records.find((r) => /** @type {any} */ (r).kind === 'floor-ready' && /** @type {any} */ (r).id === id));
		await pause(SETTLE_MS);
		const sentAt = performance.now();
		const answer = await fetch(resumeUrl, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
		if (answer.status !== 200) throw new Error(`The Wait node's resume URL answered ${answer.status}: ${(await answer.text()).slice(0, 200)}`);
		return (await arrivalOf((r) => r.kind === 'floor' && r.id === id, `the resumed floor execution ${i}`)) - sentAt;
	};

	/** @type {{ zenvia: number[], floor: number[] }} */
	const times = { zenvia: [], floor: [] };
	// One of each first, not counted: n8n compiles and caches on first use.
	await zenviaSample(-1);
	await floorSample(-1);
	for (let i = 0; i < samples; i++) {
		// Interleaved, the order alternating, so both meet the same machine.
		const order = i % 2 === 0 ? ['zenvia', 'floor'] : ['floor', 'zenvia'];
		for (const kind of order) times[kind].push(kind === 'zenvia' ? await zenviaSample(i) : await floorSample(i));
	}
	log(`waits: Zenvia ${times.zenvia.map((t) => t.toFixed(1)).join(', ')}; floor ${times.floor.map((t) => t.toFixed(1)).join(', ')}`);
	return times;
}

module.exports = { waitsWorkflow, measureWaitLatency, TRIGGER_WEBHOOK_ID };
