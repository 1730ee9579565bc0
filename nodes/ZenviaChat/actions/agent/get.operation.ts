import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { zenviaRequest, type ItemRun } from '../../transport';
import { operationOptions } from '../common.descriptions';
import { agentIdField, agentOutput, agentPath } from './fields';
import type { Agent } from './types';

export const description = updateDisplayOptions({ show: { resource: ['agent'], operation: ['get'] } }, [agentIdField, operationOptions()]);

/** GET /api/external/agents/{agentId} */
export async function execute(this: IExecuteFunctions, run: ItemRun): Promise<IDataObject> {
	const { itemIndex } = run;
	const path = agentPath.call(this, itemIndex);
	return agentOutput(await zenviaRequest<Agent>(this, { api: 'chat', token: 'clientSdk', method: 'GET', path }, run));
}
