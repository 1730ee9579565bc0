import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { zenviaRequest, type ItemRun } from '../../transport';
import { operationOptions } from '../common.descriptions';
import { agentBody, agentOutput, agentWriteFields } from './fields';
import type { Agent } from './types';

const required = ['name', 'email', 'password', 'profile'];

const properties: INodeProperties[] = [
	...agentWriteFields.filter((field) => required.includes(field.name)).map((field) => ({ ...field, required: true })),
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: agentWriteFields.filter((field) => !required.includes(field.name)),
	},
	operationOptions(),
];

export const description = updateDisplayOptions({ show: { resource: ['agent'], operation: ['create'] } }, properties);

/** POST /api/external/agents */
export async function execute(this: IExecuteFunctions, run: ItemRun): Promise<IDataObject> {
	const { itemIndex } = run;
	const given: IDataObject = {
		...(this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject),
		...Object.fromEntries(required.map((name) => [name, this.getNodeParameter(name, itemIndex, '')])),
	};
	const body = agentBody.call(this, itemIndex, given);
	const agent = await zenviaRequest<Agent>(
		this,
		{ api: 'chat', token: 'clientSdk', method: 'POST', path: '/api/external/agents', body, secrets: [String(body.password)] },
		run,
	);
	return agentOutput(agent);
}
