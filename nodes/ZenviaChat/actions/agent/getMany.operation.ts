import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { rowsOf, type ListAnswer } from '../../helpers/paginate';
import { zenviaRequest, type ItemRun } from '../../transport';
import { limitField, operationOptions, readLimit, returnAllField } from '../common.descriptions';
import { agentOutput } from './fields';
import type { Agent } from './types';

export const description = updateDisplayOptions({ show: { resource: ['agent'], operation: ['getMany'] } }, [
	returnAllField,
	limitField,
	operationOptions(),
]);

/** GET /api/external/agents (a bare list), one output item per agent. */
export async function execute(this: IExecuteFunctions, run: ItemRun): Promise<IDataObject[]> {
	const { itemIndex } = run;
	const limit = readLimit.call(this, itemIndex);
	const answer = await zenviaRequest<ListAnswer<Agent>>(
		this,
		{ api: 'chat', token: 'clientSdk', method: 'GET', path: '/api/external/agents', answer: 'objectOrList' },
		run,
	);
	const agents = rowsOf(this.getNode(), itemIndex, answer);
	// The endpoint has no pagination: it always answers the whole list, so the limit applies here.
	return (limit === undefined ? agents : agents.slice(0, limit)).map(agentOutput);
}
