import { LoadOptionsContext } from 'n8n-core';
import { Workflow } from 'n8n-workflow';
import type {
	ICredentialDataDecryptedObject,
	INode,
	INodeListSearchResult,
	INodeTypes,
	IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';

import { ZenviaChat } from '../../../../nodes/ZenviaChat/ZenviaChat.node';
import { TestCredentialsHelper } from '../../../helpers/credentialsHelper';
import { testCredentials } from '../../../helpers/runNode';
import { useZenvia } from '../../../helpers/zenvia';

const nodeTypes: INodeTypes = {
	getByName: () => new ZenviaChat(),
	getByNameAndVersion: () => new ZenviaChat(),
	getKnownTypes: () => ({}),
};

type ListMethod = 'searchChatDepartments' | 'searchClientSdkDepartments' | 'searchAgents' | 'searchOngoingInteractions';
const FORM: Record<ListMethod, { resource: string; operation: string; parameter: string }> = {
	searchChatDepartments: { resource: 'interaction', operation: 'start', parameter: 'departmentId' },
	searchClientSdkDepartments: { resource: 'whatsapp', operation: 'sendMessage', parameter: 'departmentId' },
	searchAgents: { resource: 'agent', operation: 'get', parameter: 'agentId' },
	searchOngoingInteractions: { resource: 'report', operation: 'getConversationMessages', parameter: 'protocolId' },
};

/** Calls the node's list method through n8n-core's own load-options context, as the editor does. */
async function searchList(
	method: ListMethod,
	credentials: ICredentialDataDecryptedObject,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const { resource, operation, parameter } = FORM[method];
	const node: INode = {
		id: 'zenvia-chat',
		name: 'Zenvia Chat',
		type: 'n8n-nodes-zenvia-chat.zenviaChat',
		typeVersion: 1,
		position: [0, 0],
		parameters: { resource, operation },
		credentials: { zenviaChatApi: { id: '1', name: 'Zenvia Chat account' } },
	};
	const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });
	const additionalData = {
		credentialsHelper: new TestCredentialsHelper(testCredentials(credentials)),
		currentNodeParameters: node.parameters,
	} as unknown as IWorkflowExecuteAdditionalData;
	const context = new LoadOptionsContext(workflow, node, additionalData, parameter);
	return await new ZenviaChat().methods.listSearch[method].call(context, filter, paginationToken);
}

const searchDepartments = (method: ListMethod, credentials: ICredentialDataDecryptedObject, filter?: string) =>
	searchList(method, credentials, filter);

const ACTIVE = [
	{ name: 'Support (1)', value: '1' },
	{ name: 'Sales (2)', value: '2' },
	{ name: 'Billing (3)', value: '3' },
];

const env = useZenvia();

describe('WhatsApp > Send Message department list (searchClientSdkDepartments)', () => {
	const search = (filter?: string, credentials: ICredentialDataDecryptedObject = {}) =>
		searchDepartments('searchClientSdkDepartments', { ...env.credentials(), ...credentials }, filter);

	it('loads the departments with the token in the query and leaves out the inactive one', async () => {
		const { results } = await search();

		expect(results).toEqual(ACTIVE);
		expect(env.emu.requests().map(({ method, path, query, body }) => ({ method, path, query, body }))).toEqual([
			{ method: 'GET', path: '/api/v1/departments', query: { token: '[redacted]' }, body: null },
		]);
	});

	it.each([
		['sa', [ACTIVE[1]]],
		['  SUP ', [ACTIVE[0]]],
		['3', [ACTIVE[2]]],
		['legacy', []],
		['', ACTIVE],
	])('filters by name or ID with %j', async (filter, expected) => {
		expect((await search(filter)).results).toEqual(expected);
	});

	it('reads a list wrapped in data, and skips entries without a usable ID', async () => {
		env.emu.setFault({
			method: 'GET',
			path: '/api/v1/departments',
			status: 200,
			body: {
				data: [
					{ id: 5 },
					{ id: null, name: 'No ID' },
					{ id: '6', name: ' Padded ' },
					{ id: 7, name: 'Closed', active: false },
					{ id: 'x', name: 'Not a number' },
				],
			},
		});

		expect((await search()).results).toEqual([
			{ name: 'Unnamed (5)', value: '5' },
			{ name: 'Padded (6)', value: '6' },
		]);
	});

	it('explains a 401 and says which token kind the list needs', async () => {
		await expect(search(undefined, { clientSdkToken: 'not-the-token' })).rejects.toMatchObject({
			message: 'Zenvia Chat answered HTTP 401: Invalid token',
			description: expect.stringContaining('The ClientSDK Token is wrong or was regenerated'),
		});
	});

	it('gives values that Send Message sends as the department ID', async () => {
		const { results } = await search('billing');
		env.emu.clearRequests();

		const { error } = await env.run({
			resource: 'whatsapp',
			operation: 'sendMessage',
			customerExternalId: 'cust-1',
			departmentId: { __rl: true, mode: 'list', value: results[0].value, cachedResultName: results[0].name },
			content: 'Hello',
		});

		expect(error).toBeUndefined();
		expect((env.emu.requests()[0].body as { department_id: unknown }).department_id).toBe(3);
	});
});

describe('Interaction > Start department list (searchChatDepartments)', () => {
	const search = (filter?: string, credentials: ICredentialDataDecryptedObject = {}) =>
		searchDepartments('searchChatDepartments', { ...env.credentials(), ...credentials }, filter);

	it('loads the Chat API departments with the Chat API token and leaves out the inactive one', async () => {
		const { results } = await search();

		expect(results).toEqual(ACTIVE);
		expect(env.emu.requests().map(({ method, path, query }) => ({ method, path, query }))).toEqual([
			{ method: 'GET', path: '/api/external/departments', query: { token: '[redacted]' } },
		]);
	});

	it('works with a credential that holds only the Chat API token', async () => {
		expect((await search('sales', { clientSdkToken: '' })).results).toEqual([ACTIVE[1]]);
	});

	it('names the missing token instead of failing with a 401 when only the ClientSDK token is set', async () => {
		await expect(search(undefined, { chatApiToken: '' })).rejects.toMatchObject({
			message: 'Interaction > Start needs the Chat API Token, and the credential has none',
		});
		expect(env.emu.requests()).toEqual([]);
	});

	it('leaves out departments whose state is 0', async () => {
		env.emu.setFault({
			method: 'GET',
			path: '/api/external/departments',
			status: 200,
			body: [
				{ id: 8, name: 'Open', state: 1 },
				{ id: 9, name: 'Closed', state: 0 },
			],
		});

		expect((await search()).results).toEqual([{ name: 'Open (8)', value: '8' }]);
	});

	it('gives values that Start sends as the department ID, with the Chat API token', async () => {
		const { results } = await search('billing');
		env.emu.clearRequests();

		const { error, items } = await env.run({
			resource: 'interaction',
			operation: 'start',
			departmentId: { __rl: true, mode: 'list', value: results[0].value, cachedResultName: results[0].name },
		});

		expect(error).toBeUndefined();
		expect(items[0].json.interactionHash).toEqual(expect.any(String));
		expect((env.emu.requests()[0].body as { department_id: unknown }).department_id).toBe(3);
	});
});

describe('Agent > Get and Update agent list (searchAgents)', () => {
	const search = (filter?: string, credentials: ICredentialDataDecryptedObject = {}) =>
		searchList('searchAgents', { ...env.credentials(), ...credentials }, filter);

	it('lists the agents with the ClientSDK token, named with their e-mail and ID', async () => {
		const { results } = await search();

		expect(results.slice(0, 2)).toEqual([
			{ name: 'Ana Souza, ana.souza@example.com (101)', value: '101' },
			{ name: 'Bruno Lima, bruno.lima@example.com (102)', value: '102' },
		]);
		expect(results).toHaveLength(6);
		expect(env.emu.requests().map(({ method, path, query }) => ({ method, path, query }))).toEqual([
			{ method: 'GET', path: '/api/external/agents', query: { token: '[redacted]' } },
		]);
	});

	it.each([
		['carla', ['103']],
		['BRUNO.LIMA@', ['102']],
		['106', ['106']],
		['nobody', []],
	])('filters by name, e-mail or ID with %j', async (filter, values) => {
		expect((await search(filter)).results.map(({ value }) => value)).toEqual(values);
	});

	it('leaves out deleted agents and entries without a usable ID', async () => {
		env.emu.setFault({
			method: 'GET',
			path: '/api/external/agents',
			status: 200,
			body: [{ id: 7, name: 'Kept' }, { id: 8, name: 'Gone', deleted_at: '2025-01-01T00:00:00Z' }, { id: null, name: 'No ID' }],
		});

		expect((await search()).results).toEqual([{ name: 'Kept (7)', value: '7' }]);
	});

	it('names the missing token before any request', async () => {
		await expect(search(undefined, { clientSdkToken: '' })).rejects.toMatchObject({
			message: 'Agent > Get needs the ClientSDK Token, and the credential has none',
		});
		expect(env.emu.requests()).toEqual([]);
	});

	it('gives values that Get and Update send as the agent ID, and a plain ID still works', async () => {
		const [picked] = (await search('elisa')).results;
		env.emu.clearRequests();

		const fromList = await env.run({ resource: 'agent', operation: 'get', agentId: { __rl: true, mode: 'list', value: picked.value, cachedResultName: picked.name } });
		const byId = await env.run({ resource: 'agent', operation: 'update', agentId: { __rl: true, mode: 'id', value: ' 105 ' }, updateFields: { name: 'Elisa P.' } });
		// A plain value, as an expression written before the field had modes gives it.
		const plain = await env.run({ resource: 'agent', operation: 'get', agentId: '={{ 105 }}' });

		expect([fromList.error, byId.error, plain.error]).toEqual([undefined, undefined, undefined]);
		expect(env.emu.requests().map(({ method, path }) => `${method} ${path}`)).toEqual([
			'GET /api/external/agents/105',
			'PUT /api/external/agents/105',
			'GET /api/external/agents/105',
		]);
		expect(fromList.items[0].json.name).toBe('Elisa Prado');
	});
});

describe('Report > Get Conversation Messages protocol list (searchOngoingInteractions)', () => {
	const search = (filter?: string, paginationToken?: string, credentials: ICredentialDataDecryptedObject = {}) =>
		searchList('searchOngoingInteractions', { ...env.credentials(), ...credentials }, filter, paginationToken);

	it('lists the ongoing interactions with the Chat API token, a page of 100, valued by their protocol', async () => {
		const { results, paginationToken } = await search();

		expect(results).toHaveLength(100);
		expect(paginationToken).toBe('2');
		expect(results[0]).toEqual({ name: expect.stringMatching(/^.+ · .+ \(10000001\)$/), value: '10000001' });
		expect(env.emu.requests().map(({ method, path, query }) => ({ method, path, query }))).toEqual([
			{ method: 'GET', path: '/api/ms/external/ongoing', query: { token: '[redacted]', limit: '100', page: '1' } },
		]);
	});

	it('follows its pagination token, and a short page ends the list', async () => {
		env.emu.setFault({
			method: 'GET',
			path: '/api/ms/external/ongoing',
			status: 200,
			body: {
				status: 200,
				success: true,
				data: [
					{
						id: 42,
						current_state: 'NOT_ANSWER',
						media: 'WHATSAPP',
						customer: { id: 'c', fields: { main_identifier: ['Maria Silva', 'Maria'] } },
						department: { id: 1, name: 'Support' },
					},
					{ id: 43, customer: { id: 'd', fields: {} } },
				],
			},
		});

		const { results, paginationToken } = await search(undefined, '3');

		expect(env.emu.requests()[0].query).toMatchObject({ page: '3', limit: '100' });
		expect(results).toEqual([
			{ name: 'Maria Silva · Support · WHATSAPP · NOT_ANSWER (42)', value: '42' },
			{ name: 'Unnamed customer (43)', value: '43' },
		]);
		expect(paginationToken).toBeUndefined();
	});

	it('filters each page by the typed text: customer, department, channel, state or protocol', async () => {
		const first = (await search()).results[0];
		const customer = first.name.split(' · ')[0];

		expect((await search(customer.toUpperCase())).results.map(({ name }) => name)).toContain(first.name);
		expect((await search('10000002')).results.map(({ value }) => value)).toEqual(['10000002']);
	});

	it('names the missing token before any request', async () => {
		await expect(search(undefined, undefined, { chatApiToken: '' })).rejects.toMatchObject({
			message: 'Report > Get Conversation Messages needs the Chat API Token, and the credential has none',
		});
		expect(env.emu.requests()).toEqual([]);
	});

	it('gives values that Get Conversation Messages reads, and a plain protocol still works', async () => {
		const [picked] = (await search()).results;
		env.emu.clearRequests();

		const fromList = await env.run({
			resource: 'report',
			operation: 'getConversationMessages',
			protocolId: { __rl: true, mode: 'list', value: picked.value, cachedResultName: picked.name },
		});
		const plain = await env.run({ resource: 'report', operation: 'getConversationMessages', protocolId: '={{ 100001 }}' });

		expect([fromList.error, plain.error]).toEqual([undefined, undefined]);
		expect(fromList.items.length).toBeGreaterThan(0);
		expect(env.emu.requests().map(({ path }) => path)).toEqual([
			`/api/ms/external/history/${picked.value}/messages`,
			'/api/ms/external/history/100001/messages',
		]);
	});
});
