// @ts-check
'use strict';

// The benchmark's workflows, built in code so every scenario is visible in one place. Each action
// scenario is a chain Webhook (answers when the last node ends) > Split Out (one item per entry of
// the posted `items`) > the node measured; the same chain feeds every contender.

const { NODE_TYPES } = require('../e2e/user-folder');

const CREDENTIAL = { zenviaChatApi: { id: 'benchZenviaCred', name: 'Zenvia Chat (benchmark emulator)' } };

let nodeCounter = 0;
/** @param {string} name @param {string} type @param {number} typeVersion @param {Record<string, unknown>} parameters @param {Record<string, unknown>} [extra] */
function node(name, type, typeVersion, parameters, extra = {}) {
	nodeCounter++;
	return {
		id: `00000000-0000-4000-8000-${String(nodeCounter).padStart(12, '0')}`,
		name,
		type,
		typeVersion,
		position: [nodeCounter * 200, 0],
		parameters,
		...extra,
	};
}

/** @param {string} path */
function webhook(path, responseMode = 'lastNode') {
	return node(`Webhook ${path}`, 'n8n-nodes-base.webhook', 2, {
		httpMethod: 'POST',
		path,
		responseMode,
		...(responseMode === 'lastNode' ? { responseData: 'firstEntryJson' } : {}),
		options: {},
	}, { webhookId: `bench-${path}` });
}

/** @param {string} path */
function splitOut(path) {
	return node(`Split Out ${path}`, 'n8n-nodes-base.splitOut', 1, { fieldToSplitOut: 'body.items', options: {} });
}

/**
 * A chain per path: webhook > split out > node.
 * @param {Array<{ path: string, node: ReturnType<typeof node> }>} chains
 */
function chainsWorkflow(id, name, chains) {
	const nodes = [];
	/** @type {Record<string, unknown>} */
	const connections = {};
	for (const chain of chains) {
		const hook = webhook(chain.path);
		const split = splitOut(chain.path);
		const target = { ...chain.node, name: `${chain.node.name} ${chain.path}` };
		nodes.push(hook, split, target);
		connections[hook.name] = { main: [[{ node: split.name, type: 'main', index: 0 }]] };
		connections[split.name] = { main: [[{ node: target.name, type: 'main', index: 0 }]] };
	}
	return { id, name, active: false, settings: { executionOrder: 'v1' }, nodes, connections };
}

/**
 * @param {{ baseUrl: string, token: string }} api
 */
function actionWorkflow(api) {
	const send = (options) =>
		node('Zenvia Chat', NODE_TYPES.zenviaChat, 1, {
			resource: 'interaction',
			operation: 'sendMessage',
			interactionHash: '={{ $json.hash }}',
			content: '={{ $json.text }}',
			...(options ? { options } : {}),
		}, { credentials: CREDENTIAL });
	const http = (options, extra = {}) =>
		node('HTTP Request', 'n8n-nodes-base.httpRequest', 4.2, {
			method: 'POST',
			url: `={{ "${api.baseUrl}/core/api/v1/interactions/" + $json.hash + "/messages" }}`,
			sendBody: true,
			specifyBody: 'json',
			jsonBody: `={{ JSON.stringify({ token: "${api.token}", content: $json.text, type: "text" }) }}`,
			options,
		}, extra);
	const batch = (batchSize, batchInterval) => ({ batching: { batch: { batchSize, batchInterval } } });

	const workflow = chainsWorkflow('benchActions', 'Benchmark: Zenvia Chat node and HTTP Request', [
		{ path: 'send-zenvia', node: send() },
		{ path: 'send-zenvia-serial', node: send({ requestsInFlight: 1 }) },
		{ path: 'send-http', node: http({}) },
		{ path: 'send-http-retry', node: http({}, { retryOnFail: true }) },
		{ path: 'send-http-batch', node: http(batch(50, 1000)) },
		{ path: 'baseline', node: node('No Operation', 'n8n-nodes-base.noOp', 1, {}) },
		{
			path: 'export-zenvia',
			node: node('Zenvia Chat', NODE_TYPES.zenviaChat, 1, {
				resource: 'report',
				operation: 'getHistory',
				returnAll: true,
				timezone: 'UTC',
				// The API's own rows, as the HTTP Request chain below gets them: like for like.
				simplify: false,
			}, { credentials: CREDENTIAL }),
		},
	]);
	// One workflow, so one publish: each webhook starts only its own chain.
	const exportChain = exportHttpChain(api);
	workflow.nodes.push(...exportChain.nodes);
	Object.assign(workflow.connections, exportChain.connections);
	return workflow;
}

/**
 * HTTP Request walking the pages itself, then Split Out to one item per record: what a user
 * builds instead of Report > Get History with Return All.
 * @param {{ baseUrl: string, token: string }} api
 */
function exportHttpChain(api) {
	const hook = webhook('export-http');
	const request = node('HTTP Request export-http', 'n8n-nodes-base.httpRequest', 4.2, {
		method: 'GET',
		url: `${api.baseUrl}/api/ms/external/history`,
		sendQuery: true,
		queryParameters: { parameters: [{ name: 'token', value: api.token }, { name: 'limit', value: '10000' }] },
		options: {
			pagination: {
				pagination: {
					paginationMode: 'updateAParameterInEachRequest',
					parameters: { parameters: [{ type: 'qs', name: 'page', value: '={{ $pageCount + 1 }}' }] },
					paginationCompleteWhen: 'other',
					completeExpression: '={{ $response.body.data.length === 0 }}',
				},
			},
		},
	});
	const split = node('Split Out export-http', 'n8n-nodes-base.splitOut', 1, { fieldToSplitOut: 'data', options: {} });
	return {
		nodes: [hook, request, split],
		connections: {
			[hook.name]: { main: [[{ node: request.name, type: 'main', index: 0 }]] },
			[request.name]: { main: [[{ node: split.name, type: 'main', index: 0 }]] },
		},
	};
}

/**
 * The trigger set-ups compared per event: the Zenvia Chat Trigger (version 1 and 2) listening for
 * "finished", and n8n's Webhook node followed by a Switch on the event's state.
 */
function triggerWorkflow() {
	const nodes = [];
	/** @type {Record<string, unknown>} */
	const connections = {};
	for (const version of [1, 2]) {
		const start = node(`Zenvia Chat Trigger v${version}`, NODE_TYPES.zenviaChatTrigger, version, { events: ['finished'] }, {
			webhookId: `bench-trigger-v${version}`,
		});
		const next = node(`Handle Event v${version}`, 'n8n-nodes-base.noOp', 1, {});
		nodes.push(start, next);
		connections[start.name] = { main: [[{ node: next.name, type: 'main', index: 0 }]] };
	}
	const hook = webhook('trigger-switch', 'onReceived');
	const onFinished = {
		conditions: {
			options: { caseSensitive: true, leftValue: '', typeValidation: 'strict', version: 2 },
			conditions: [{ leftValue: '={{ $json.body.state }}', rightValue: 'finished', operator: { type: 'string', operation: 'equals' } }],
			combinator: 'and',
		},
	};
	const route = node('Switch', 'n8n-nodes-base.switch', 3.2, { rules: { values: [onFinished] }, options: {} });
	const next = node('Handle Event switch', 'n8n-nodes-base.noOp', 1, {});
	nodes.push(hook, route, next);
	connections[hook.name] = { main: [[{ node: route.name, type: 'main', index: 0 }]] };
	connections[route.name] = { main: [[{ node: next.name, type: 'main', index: 0 }]] };
	return { id: 'benchTriggers', name: 'Benchmark: trigger set-ups', active: false, settings: { executionOrder: 'v1' }, nodes, connections };
}

/** Webhook paths of the trigger set-ups, as n8n registers them. */
const TRIGGER_PATHS = {
	v1: 'webhook/bench-trigger-v1/zenvia-chat',
	v2: 'webhook/bench-trigger-v2/zenvia-chat',
	switch: 'webhook/trigger-switch',
};

module.exports = { CREDENTIAL, actionWorkflow, node, triggerWorkflow, TRIGGER_PATHS };
