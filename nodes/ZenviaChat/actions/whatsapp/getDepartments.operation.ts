import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { limitField, operationOptions, readLimit, returnAllField } from '../common.descriptions';
import { fetchDepartments } from '../department/departments';
import type { ItemRun } from '../../transport';

const properties: INodeProperties[] = [returnAllField, limitField, operationOptions()];

export const description = updateDisplayOptions(
	{ show: { resource: ['whatsapp'], operation: ['getDepartments'] } },
	properties,
);

/** GET /api/v1/departments, one output item per department. */
export async function execute(this: IExecuteFunctions, run: ItemRun): Promise<IDataObject[]> {
	const { itemIndex } = run;
	const limit = readLimit.call(this, itemIndex);
	const departments = await fetchDepartments(this, 'clientSdk', run);
	// The endpoint has no pagination: it always answers the whole list, so the limit applies here.
	return limit === undefined ? departments : departments.slice(0, limit);
}
