import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readLimit } from '../../helpers/parameters';
import { limitField, returnAllField } from '../common.descriptions';
import { fetchChatDepartments } from './departments';

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
];

export const description = updateDisplayOptions({ show: { resource: ['department'], operation: ['getAll'] } }, properties);

/** GET /api/external/departments, one output item per department. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const limit = readLimit.call(this, itemIndex);
	const includeInactive = this.getNodeParameter('includeInactive', itemIndex, false) as boolean;
	const departments = (await fetchChatDepartments(this, itemIndex)).filter(
		(department) => includeInactive || department.state !== 0,
	);
	// The endpoint has no pagination: it always answers the whole list, so the limit applies here.
	return limit === undefined ? departments : departments.slice(0, limit);
}
