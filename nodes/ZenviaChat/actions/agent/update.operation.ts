import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { zenviaRequest, type ItemRun } from '../../transport';
import { operationOptions } from '../common.descriptions';
import { agentBody, agentIdField, agentOutput, agentPath, agentWriteFields } from './fields';
import type { Agent } from './types';

const properties: INodeProperties[] = [
	agentIdField,
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: agentWriteFields,
	},
	operationOptions(),
];

export const description = updateDisplayOptions({ show: { resource: ['agent'], operation: ['update'] } }, properties);

/** PUT /api/external/agents/{agentId}: only the fields set are sent. */
export async function execute(this: IExecuteFunctions, run: ItemRun): Promise<IDataObject> {
	const { itemIndex } = run;
	const path = agentPath.call(this, itemIndex);
	const body = agentBody.call(this, itemIndex, this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject);
	if (Object.keys(body).length === 0) {
		throw new NodeOperationError(this.getNode(), 'Update Fields are empty: add at least one field to change', { itemIndex });
	}
	const secrets = body.password ? [body.password] : [];
	const agent = await zenviaRequest<Agent>(this, { api: 'chat', token: 'clientSdk', method: 'PUT', path, body, secrets }, run);
	return agentOutput(agent);
}
