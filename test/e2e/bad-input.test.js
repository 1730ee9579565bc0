// @ts-check
'use strict';

// The bad-input table (matrix/badInputs.js) in a real n8n: one `n8n execute` per resource runs
// every case as a cell of one item. A case passes when its item is refused with an error naming
// the field and nothing was sent, or when it was sent as given. Figures: .n8n-e2e/bad-input.json.
// Without Continue On Fail, a refused item stops the node: the items before it are sent, none after.

// One execution runs many cells; on a loaded machine n8n alone takes a while to boot.
jest.setTimeout(600_000);

const fs = require('fs');
const os = require('os');
const path = require('path');
const { importWorkflows } = require('../../scripts/e2e');
const { CREDENTIALS, WORK_DIR } = require('./setup/constants');
const { emulator, execute, runtime, userFolder } = require('./setup/context');
const { received } = require('./setup/requests');
const { BAD_INPUTS, withParameters } = require('./matrix/badInputs');
const { OPERATIONS, seedsFor } = require('./matrix/operations');
const { cellResult, chainWorkflow } = require('./matrix/workflow');

/**
 * Cases the node does not handle as written yet, with why. Still run and reported; one that
 * starts to pass fails the suite until it is taken off this list.
 * @type {Record<string, string>}
 */
const KNOWN_GAPS = {};

const RESOURCES = ['interaction', 'whatsapp', 'report'];
const cellKey = (/** @type {number} */ index) => `b${String(index + 1).padStart(2, '0')}`;
const workflowId = (/** @type {string} */ resource) => `e2eBadInput${resource.slice(0, 8)}`;
const caseName = (/** @type {number} */ index) => `${cellKey(index)} ${BAD_INPUTS[index].op}: ${BAD_INPUTS[index].label}`;

const totals = { cases: 0, passed: 0, refused: 0, sent: 0, knownGaps: 0 };
/** @type {Record<string, unknown>[]} */
const rows = [];

beforeAll(async () => {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zenvia-bad-input-'));
	for (const resource of RESOURCES) {
		const cells = BAD_INPUTS.flatMap((badInput, index) => {
			if (!badInput.op.startsWith(`${resource}.`)) return [];
			const operation = /** @type {import('./matrix/operations').Operation} */ (OPERATIONS.find((candidate) => candidate.key === badInput.op));
			const key = cellKey(index);
			return [
				{
					key,
					seeds: [{ ...seedsFor(key)[0], v: badInput.value }],
					prep: operation.prep,
					faults: [],
					node: { parameters: withParameters(operation.parameters, badInput.set), credential: operation.credential },
				},
			];
		});
		const workflow = chainWorkflow({ id: workflowId(resource), name: `E2E bad input: ${resource}`, emulatorUrl: emulator.url, cells });
		fs.writeFileSync(path.join(dir, `${resource}.json`), JSON.stringify(workflow));
	}
	fs.writeFileSync(path.join(dir, 'stops.json'), JSON.stringify(stopsWorkflow()));
	await importWorkflows(runtime, userFolder, dir);
	fs.rmSync(dir, { recursive: true, force: true });
});

const STOPS_ID = 'e2eBadInputStops';
/** Three WhatsApp customers; the second one's external id is empty. */
const STOPS_IDS = ['5511900077001', '', '5511900077003'];

/** WhatsApp > Send Message on three items, without Continue On Fail. */
function stopsWorkflow() {
	const sendMessage = /** @type {import('./matrix/operations').Operation} */ (OPERATIONS.find((operation) => operation.key === 'whatsapp.sendMessage'));
	const seeds = STOPS_IDS.map((externalId) => ({ json: { externalId } }));
	return {
		id: STOPS_ID,
		name: 'E2E bad input: a refused item stops the later ones',
		active: false,
		settings: { executionOrder: 'v1' },
		nodes: [
			{ id: 'stops-run', name: 'Run', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
			{ id: 'stops-seed', name: 'Seed', type: 'n8n-nodes-base.code', typeVersion: 2, position: [200, 0], parameters: { jsCode: `return ${JSON.stringify(seeds)};` } },
			{
				id: 'stops-send',
				name: 'Send',
				type: 'n8n-nodes-zenvia-chat.zenviaChat',
				typeVersion: 1,
				position: [400, 0],
				parameters: sendMessage.parameters,
				credentials: { zenviaChatApi: CREDENTIALS.clientSdk },
			},
		],
		connections: {
			Run: { main: [[{ node: 'Seed', type: 'main', index: 0 }]] },
			Seed: { main: [[{ node: 'Send', type: 'main', index: 0 }]] },
		},
	};
}

afterAll(() => {
	fs.mkdirSync(WORK_DIR, { recursive: true });
	fs.writeFileSync(path.join(WORK_DIR, 'bad-input.json'), JSON.stringify({ totals, rows }, null, 2));
	process.stdout.write(`      bad input: ${JSON.stringify(totals)}\n`);
});

describe('bad input: refused before any request naming the field, or sent as given', () => {
	test.each(RESOURCES)('%s', async (resource) => {
		const execution = await execute(workflowId(resource));
		if (!execution.run) throw new Error(`n8n printed no execution:\n${execution.output.slice(-3000)}`);
		/** @type {string[]} */
		const problems = [];
		BAD_INPUTS.forEach((badInput, index) => {
			if (!badInput.op.startsWith(`${resource}.`)) return;
			const { ran, items, requests } = cellResult(execution, cellKey(index));
			const outputs = items.map((item) => item.json);
			const error = outputs.find((json) => json.error !== undefined);
			/** @type {string[]} */
			const wrong = [];
			let outcome = 'none';
			if (!ran) wrong.push('the node did not run');
			else if (outputs.length === 0) wrong.push('the item was lost');
			else if (requests.length === 0) {
				outcome = 'refused';
				const said = `${error?.error ?? '(no error)'} ${error?.description ?? ''}`;
				if (!error) wrong.push('nothing sent and no error');
				else if (!badInput.expect.refuse) wrong.push(`refused, expected it sent: ${said.slice(0, 200)}`);
				else if (!badInput.expect.refuse.test(said)) wrong.push(`the error does not name the field ${badInput.expect.refuse}: ${said.slice(0, 200)}`);
			} else {
				// Sent: Zenvia may still refuse it (an unknown id gets 404), but it must have gone as given.
				outcome = 'sent';
				const check = badInput.expect.send;
				if (!check) wrong.push(`not refused before sending: ${JSON.stringify(requests.map(({ method, path: at }) => `${method} ${at}`))}`);
				else if (requests.length !== 1) wrong.push(`${requests.length} requests, expected 1`);
				else if (!check(requests[0], outputs)) wrong.push(`not sent as given: ${JSON.stringify({ path: requests[0].path, query: requests[0].query, body: requests[0].body }).slice(0, 300)}`);
			}
			totals.cases += 1;
			if (outcome === 'refused') totals.refused += 1;
			if (outcome === 'sent') totals.sent += 1;
			const gap = KNOWN_GAPS[cellKey(index)];
			rows.push({ case: caseName(index), outcome, ok: wrong.length === 0, wrong, knownGap: gap ?? null });
			if (gap) {
				totals.knownGaps += 1;
				if (wrong.length === 0) problems.push(`${caseName(index)} now passes: take it off KNOWN_GAPS`);
				else process.stdout.write(`      known gap ${caseName(index)}: ${wrong.join('; ')}\n`);
				return;
			}
			if (wrong.length === 0) totals.passed += 1;
			else problems.push(`${caseName(index)}: ${wrong.join('; ')}`);
		});
		expect(problems).toEqual([]);
	});
});

describe('bad input without Continue On Fail', () => {
	test('a refused item stops the node: the items before it are sent, none after it', async () => {
		const execution = await execute(STOPS_ID);
		expect(execution.ok).toBe(false);
		/** @type {any} */
		const run = execution.run?.data;
		const error = run?.resultData?.error;
		expect(error).toMatchObject({ node: { name: 'Send' } });
		expect(error?.message).toMatch(/External ID/i);
		// The error says which items Zenvia already has: running the node again sends them again.
		expect(error?.description).toMatch(/The node stopped at item 2\. Zenvia had already received item 1 \(1 in all\)/);
		const sent = (await received()).filter((request) => request.path === '/api/v1/whatsapp');
		expect(sent.map((request) => /** @type {any} */ (request.body).customer?.external_id)).toEqual([STOPS_IDS[0]]);
	});
});
