import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, ILoadOptionsFunctions, INodeProperties } from 'n8n-workflow';

import { rowsOf, type ListAnswer } from '../../helpers/paginate';
import { pathSegment, requireEmail, requirePositiveInteger, requireText } from '../../helpers/validation';
import { zenviaRequest, type ItemRun } from '../../transport';
import { locatorValue } from '../common.descriptions';
import type { Agent, AgentProfile, AgentWriteBody } from './types';

/** The agent fields of Create and Update, defined once beside their readers. */

/** Agent > Get and Update: picked from the account's agents (ClientSDK token), or typed. */
export const agentIdField: INodeProperties = {
	displayName: 'Agent',
	name: 'agentId',
	type: 'resourceLocator',
	required: true,
	default: { mode: 'list', value: '' },
	description: 'An agent of your Zenvia account (listed with the ClientSDK token)',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			placeholder: 'Select an agent...',
			typeOptions: { searchListMethod: 'searchAgents', searchable: true },
		},
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: 'e.g. 101',
			validation: [
				{ type: 'regex', properties: { regex: '^\\s*[1-9]\\d*\\s*$', errorMessage: 'An agent ID is a positive whole number' } },
			],
		},
	],
};

/** GET /api/external/agents (a bare list): Agent > Get Many and the Agent list of Get and Update. */
export async function fetchAgents(context: IExecuteFunctions | ILoadOptionsFunctions, run: ItemRun): Promise<Agent[]> {
	const answer = await zenviaRequest<ListAnswer<Agent>>(
		context,
		{ api: 'chat', token: 'clientSdk', method: 'GET', path: '/api/external/agents', answer: 'objectOrList' },
		run,
	);
	return rowsOf(context.getNode(), run.itemIndex, answer);
}

const profileOptions = [
	{ name: 'Admin', value: 'ADMIN' },
	{ name: 'Agent', value: 'AGENT' },
];

export const agentWriteFields: INodeProperties[] = [
	{ displayName: 'Name', name: 'name', type: 'string', default: '' },
	{ displayName: 'Email', name: 'email', type: 'string', placeholder: 'name@email.com', default: '' },
	{
		displayName: 'Password',
		name: 'password',
		type: 'string',
		typeOptions: { password: true },
		default: '',
		description: 'The agent\'s login password. Never shown in the output.',
	},
	{ displayName: 'Profile', name: 'profile', type: 'options', options: profileOptions, default: 'AGENT' },
	{
		displayName: 'Text Limit',
		name: 'textLimit',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 0,
		description: 'The most interactions the agent serves at once',
	},
];

/** The path of one agent: /api/external/agents/{agentId}. */
export function agentPath(this: IExecuteFunctions, itemIndex: number): string {
	const id = requirePositiveInteger(this.getNode(), itemIndex, 'Agent', locatorValue.call(this, 'agentId', itemIndex));
	return `/api/external/agents/${pathSegment(String(id))}`;
}

/** The write body from the given values: only those set, each checked before any request. */
export function agentBody(this: IExecuteFunctions, itemIndex: number, given: IDataObject): AgentWriteBody {
	const node = this.getNode();
	const body: AgentWriteBody = {};
	if (given.name !== undefined) body.name = requireText(node, itemIndex, 'Name', given.name);
	if (given.email !== undefined) body.email = requireEmail(node, itemIndex, 'Email', given.email);
	if (given.password !== undefined) {
		if (typeof given.password !== 'string' || given.password === '') {
			throw new NodeOperationError(node, 'Password is required: got an empty value', { itemIndex });
		}
		body.password = given.password;
	}
	if (given.profile !== undefined) {
		if (!profileOptions.some(({ value }) => value === given.profile)) {
			throw new NodeOperationError(node, `Profile must be ADMIN or AGENT, got ${String(given.profile)}`, { itemIndex });
		}
		body.profile = given.profile as AgentProfile;
	}
	if (given.textLimit !== undefined) {
		const limit = Number(given.textLimit);
		if (!Number.isInteger(limit) || limit < 0) {
			throw new NodeOperationError(node, `Text Limit must be a whole number, got ${String(given.textLimit)}`, { itemIndex });
		}
		body.text_limit = limit;
	}
	return body;
}

/** An agent as output: a password is never passed on, whatever Zenvia answers. */
export function agentOutput(agent: Agent | IDataObject): IDataObject {
	const output: IDataObject = { ...agent };
	delete output.password;
	return output;
}
