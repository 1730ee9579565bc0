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

type ListMethod = 'searchChatDepartments' | 'searchClientSdkDepartments';
const FORM: Record<ListMethod, { resource: string; operation: string }> = {
	searchChatDepartments: { resource: 'interaction', operation: 'start' },
	searchClientSdkDepartments: { resource: 'whatsapp', operation: 'sendMessage' },
};

/** Calls the node's list method through n8n-core's own load-options context, as the editor does. */
async function searchDepartments(
	method: ListMethod,
	credentials: ICredentialDataDecryptedObject,
	filter?: string,
): Promise<INodeListSearchResult> {
	const node: INode = {
		id: 'zenvia-chat',
		name: 'Zenvia Chat',
		type: 'n8n-nodes-zenvia-chat.zenviaChat',
		typeVersion: 1,
		position: [0, 0],
		parameters: FORM[method],
		credentials: { zenviaChatApi: { id: '1', name: 'Zenvia Chat account' } },
	};
	const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });
	const additionalData = {
		credentialsHelper: new TestCredentialsHelper(testCredentials(credentials)),
		currentNodeParameters: node.parameters,
	} as unknown as IWorkflowExecuteAdditionalData;
	const context = new LoadOptionsContext(workflow, node, additionalData, 'departmentId');
	return await new ZenviaChat().methods.listSearch[method].call(context, filter);
}

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
