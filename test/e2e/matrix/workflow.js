// @ts-check
'use strict';

// Builds one n8n workflow that runs many cells one after the other, so a whole table costs one
// `n8n execute` (each boots n8n, about 8 s). A cell: (seed items -> prep node ->) a scenario call
// that clears the emulator's faults and request log and arms the cell's -> seed items -> the node
// under test (Continue On Fail) -> read the request log back. Admin calls are HTTP Request nodes
// that run once.

const { CREDENTIALS } = require('../setup/constants');

const ZENVIA_NODE = 'n8n-nodes-zenvia-chat.zenviaChat';

/** Which credential each token kind uses; the leak sweep swaps in its own. */
const DEFAULT_CREDENTIALS = { chatApi: CREDENTIALS.chatApi, clientSdk: CREDENTIALS.clientSdk };
let credentialsInUse = DEFAULT_CREDENTIALS;

/** @param {'chatApi' | 'clientSdk'} kind */
function credentialRef(kind) {
	const { id, name } = credentialsInUse[kind];
	return { zenviaChatApi: { id, name } };
}

/**
 * @typedef {object} Cell
 * @property {string} key short and unique in the workflow, e.g. "c07"
 * @property {Record<string, unknown>[]} seeds the input items (json) of the cell
 * @property {{ parameters: Record<string, unknown>, credential: 'chatApi' | 'clientSdk', output: (prep: string) => string }} [prep]
 *   a Zenvia node run on the seeds first (e.g. to start interactions); `output(prep)` is the JS
 *   expression merged into each item, given the prep node's item as `prep`
 * @property {Record<string, unknown>[]} faults armed on the emulator right before the node under test
 * @property {{ parameters: Record<string, unknown>, credential: 'chatApi' | 'clientSdk' }} node the node under test
 */

let position = 0;
/**
 * @param {string} name
 * @param {string} type
 * @param {number} typeVersion
 * @param {Record<string, unknown>} parameters
 * @param {Record<string, unknown>} [extra]
 */
function node(name, type, typeVersion, parameters, extra = {}) {
	position += 200;
	return { id: `${name}-${position}`.replace(/[^A-Za-z0-9-]/g, '-'), name, type, typeVersion, position: [position, 0], parameters, ...extra };
}

/**
 * @param {string} name
 * @param {string} emulatorUrl
 * @param {'GET' | 'POST' | 'DELETE'} method
 * @param {string} path under /__admin/
 * @param {unknown} [body]
 */
function adminCall(name, emulatorUrl, method, path, body) {
	return node(
		name,
		'n8n-nodes-base.httpRequest',
		4.2,
		{
			method,
			url: `${emulatorUrl}/__admin/${path}`,
			...(body === undefined ? {} : { sendBody: true, specifyBody: 'json', jsonBody: JSON.stringify(body) }),
			options: {},
		},
		{ executeOnce: true, alwaysOutputData: true },
	);
}

/** @param {string} key */
const names = (key) => ({
	seed: `Seed ${key}`,
	prep: `Prep ${key}`,
	scenario: `Scenario ${key}`,
	items: `Items ${key}`,
	node: `Node ${key}`,
	log: `Log ${key}`,
});

/**
 * @param {{ id: string, name: string, emulatorUrl: string, cells: Cell[], credentials?: Record<'chatApi' | 'clientSdk', { id: string, name: string }> }} options
 */
function chainWorkflow({ id, name, emulatorUrl, cells, credentials }) {
	position = 0;
	credentialsInUse = credentials ?? DEFAULT_CREDENTIALS;
	const nodes = [node('Run', 'n8n-nodes-base.manualTrigger', 1, {})];
	for (const cell of cells) {
		const n = names(cell.key);
		const seed = node(n.seed, 'n8n-nodes-base.code', 2, { jsCode: `return ${JSON.stringify(cell.seeds.map((json) => ({ json })))};` });
		const scenario = adminCall(n.scenario, emulatorUrl, 'POST', 'scenario', { faults: cell.faults });
		if (cell.prep) {
			// The prep's requests come before the scenario forgets the log; the items then merge
			// each seed with what the prep answered for it.
			const merge = `const prepped = $(${JSON.stringify(n.prep)}).all();\nreturn $(${JSON.stringify(n.seed)}).all().map((item, index) => { const prep = prepped[index].json; return { json: { ...item.json, ...(${cell.prep.output('prep')}) } }; });`;
			nodes.push(seed, node(n.prep, ZENVIA_NODE, 1, cell.prep.parameters, { credentials: credentialRef(cell.prep.credential) }));
			nodes.push(scenario, node(n.items, 'n8n-nodes-base.code', 2, { jsCode: merge }));
		} else {
			nodes.push(scenario, seed);
		}
		nodes.push(
			node(n.node, ZENVIA_NODE, 1, cell.node.parameters, {
				credentials: credentialRef(cell.node.credential),
				onError: 'continueRegularOutput',
				alwaysOutputData: true,
			}),
		);
		nodes.push(adminCall(n.log, emulatorUrl, 'GET', 'requests'));
	}
	/** @type {Record<string, unknown>} */
	const connections = {};
	for (let i = 0; i + 1 < nodes.length; i++) {
		connections[nodes[i].name] = { main: [[{ node: nodes[i + 1].name, type: 'main', index: 0 }]] };
	}
	return { id, name, active: false, settings: { executionOrder: 'v1' }, nodes, connections };
}

/**
 * The output of a cell's node under test and the emulator's log of the requests it made.
 * @param {import('../../../scripts/e2e/n8n').Execution} execution
 * @param {string} key
 */
function cellResult(execution, key) {
	const n = names(key);
	/** @type {any} */
	const runData = execution.run?.data;
	const runs = runData?.resultData?.runData ?? {};
	const ran = runs[n.node]?.[0];
	/** @type {{ json: Record<string, any>, pairedItem?: { item: number } | { item: number }[] }[]} */
	const items = ran?.data?.main?.[0] ?? [];
	const log = runs[n.log]?.[0]?.data?.main?.[0]?.[0]?.json;
	return {
		ran: Boolean(ran),
		/** @type {Record<string, any>[]} the items the node under test was given */
		inputs: (runs[n.items]?.[0] ?? runs[n.seed]?.[0])?.data?.main?.[0]?.map((/** @type {{ json: Record<string, any> }} */ item) => item.json) ?? [],
		nodeError: ran?.error,
		items: items.filter((item) => Object.keys(item.json).length > 0 || item.pairedItem !== undefined),
		/** @type {{ method: string, path: string, query: Record<string, string>, body: any, fault?: string }[]} */
		requests: log?.requests ?? [],
	};
}

/**
 * Which input items got at least one output item.
 * @param {{ pairedItem?: { item: number } | { item: number }[] }[]} items
 */
function answeredInputs(items) {
	const answered = new Set();
	for (const item of items) {
		const paired = Array.isArray(item.pairedItem) ? item.pairedItem : item.pairedItem ? [item.pairedItem] : [];
		for (const { item: index } of paired) answered.add(index);
	}
	return answered;
}

module.exports = { chainWorkflow, cellResult, answeredInputs };
