import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { zenviaPaginate } from '../../helpers/paginate';
import { operationOptions } from '../common.descriptions';
import {
	agentIdsField,
	channelTypesField,
	departmentIdsField,
	filtersField,
	ongoingStatesField,
	pageFields,
	readPageLimit,
} from './fields';
import { listFilters } from './query';
import type { ReportFilters } from './query';
import { readSimplify, simplifyField, simplifyInteractionRow } from './simplify';
import type { OngoingRow } from './types';
import type { ItemRun } from '../../transport';

const properties: INodeProperties[] = [
	...pageFields('the N ongoing interactions that started first (use the filters to narrow them)'),
	filtersField([agentIdsField, channelTypesField, departmentIdsField, ongoingStatesField]),
	simplifyField,
	operationOptions(),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['report'], operation: ['getOngoing'] } },
	properties,
);

/**
 * GET /api/ms/external/ongoing: what the Monitoring, Waiting Queue, Pending and Inactive screens
 * show, one output item per interaction. The endpoint takes no dates.
 */
export async function execute(this: IExecuteFunctions, run: ItemRun): Promise<OngoingRow[]> {
	const { itemIndex } = run;
	const limit = readPageLimit.call(this, itemIndex);
	const filters = this.getNodeParameter('filters', itemIndex, {}) as ReportFilters;
	const qs = listFilters.call(this, itemIndex, filters);
	const rows = await zenviaPaginate<OngoingRow>(
		this,
		{ api: 'chat', token: 'chatApi', method: 'GET', path: '/api/ms/external/ongoing', qs },
		run,
		limit,
	);
	return readSimplify.call(this, itemIndex) ? (rows.map(simplifyInteractionRow) as OngoingRow[]) : rows;
}
