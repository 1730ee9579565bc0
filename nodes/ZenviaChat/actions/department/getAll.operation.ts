import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { requireBoolean } from '../../helpers/validation';
import { limitField, operationOptions, readLimit, returnAllField } from '../common.descriptions';
import { fetchDepartments } from './departments';
import type { ItemRun } from '../../transport';

const properties: INodeProperties[] = [
	returnAllField,
	limitField,
	{
		displayName: 'Include Inactive',
		name: 'includeInactive',
		type: 'boolean',
		default: false,
		description: 'Whether to also return inactive departments (state 0), where interactions cannot start',
	},
	operationOptions(),
];

export const description = updateDisplayOptions({ show: { resource: ['department'], operation: ['getAll'] } }, properties);

/** GET /api/external/departments, one output item per department. */
export async function execute(this: IExecuteFunctions, run: ItemRun): Promise<IDataObject[]> {
	const { itemIndex } = run;
	const limit = readLimit.call(this, itemIndex);
	const includeInactive = requireBoolean(this.getNode(), itemIndex, 'Include Inactive', this.getNodeParameter('includeInactive', itemIndex, false));
	const departments = (await fetchDepartments(this, 'chatApi', run)).filter(
		(department) => includeInactive || department.state !== 0,
	);
	// The endpoint has no pagination: it always answers the whole list, so the limit applies here.
	return limit === undefined ? departments : departments.slice(0, limit);
}
