import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { pathSegment, requireEmail, requirePositiveInteger, requireText } from '../../helpers/validation';
import type { Agent, AgentProfile, AgentWriteBody } from './types';

/** The agent fields of Create and Update, defined once beside their readers. */

export const agentIdField: INodeProperties = {
	displayName: 'Agent ID',
	name: 'agentId',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. 101',
};

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
	const id = requirePositiveInteger(this.getNode(), itemIndex, 'Agent ID', this.getNodeParameter('agentId', itemIndex));
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
