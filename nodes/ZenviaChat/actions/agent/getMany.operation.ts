import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { ItemRun } from '../../transport';
import { limitField, operationOptions, readLimit, returnAllField } from '../common.descriptions';
import { agentOutput, fetchAgents } from './fields';

export const description = updateDisplayOptions({ show: { resource: ['agent'], operation: ['getMany'] } }, [
	returnAllField,
	limitField,
	operationOptions(),
]);

/** GET /api/external/agents (a bare list), one output item per agent. */
export async function execute(this: IExecuteFunctions, run: ItemRun): Promise<IDataObject[]> {
	const { itemIndex } = run;
	const limit = readLimit.call(this, itemIndex);
	const agents = await fetchAgents(this, run);
	// The endpoint has no pagination: it always answers the whole list, so the limit applies here.
	return (limit === undefined ? agents : agents.slice(0, limit)).map(agentOutput);
}
