import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { readLimit } from '../../helpers/parameters';
import { zenviaRequest } from '../../transport';
import { limitField, returnAllField } from '../common.descriptions';
import { agentOutput } from './fields';
import type { Agent } from './types';

export const description = updateDisplayOptions({ show: { resource: ['agent'], operation: ['getMany'] } }, [returnAllField, limitField]);

/** GET /api/external/agents, one output item per agent. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const limit = readLimit.call(this, itemIndex);
	const agents = await zenviaRequest<Agent[]>(this, { api: 'chat', token: 'clientSdk', method: 'GET', path: '/api/external/agents' }, itemIndex);
	if (!Array.isArray(agents)) {
		throw new NodeOperationError(this.getNode(), 'Zenvia Chat answered the agents request without a list of agents', { itemIndex });
	}
	// The endpoint has no pagination: it always answers the whole list, so the limit applies here.
	return (limit === undefined ? agents : agents.slice(0, limit)).map(agentOutput);
}
