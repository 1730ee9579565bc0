import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { rowsOf } from '../../helpers/paginate';
import { requireBoolean, requireOption } from '../../helpers/validation';
import { zenviaRequest, type ItemRun } from '../../transport';
import { operationOptions } from '../common.descriptions';
import {
	agentIdsField,
	channelTypesField,
	dateRangeFields,
	departmentIdsField,
	filtersField,
	finishedStatesField,
	tagIdsField,
} from './fields';
import { listFilters, periodFilters } from './query';
import type { ReportFilters } from './query';
import { readSimplify, simplifyDigitalChannelsRow, simplifyField } from './simplify';
import type { DigitalChannelsItem, DigitalChannelsRow, GroupBy, ReportAnswer, ReportQuery } from './types';

const groupByField: INodeProperties = {
	displayName: 'Group By',
	name: 'groupBy',
	type: 'options',
	default: 'period',
	description: 'What each row of the report counts',
	options: [
		{ name: 'Agent', value: 'agent' },
		{ name: 'Channel', value: 'channel' },
		{ name: 'Department', value: 'department' },
		{ name: 'Period', value: 'period', description: 'One row per day' },
		{ name: 'Tag', value: 'tag' },
	],
};

const properties: INodeProperties[] = [
	...dateRangeFields,
	groupByField,
	filtersField([
		agentIdsField,
		channelTypesField,
		departmentIdsField,
		finishedStatesField,
		tagIdsField,
	]),
	simplifyField,
	operationOptions([
		{
			displayName: 'Include Total Row',
			name: 'includeTotal',
			type: 'boolean',
			default: true,
			description: 'Whether to output the "Total" row that sums up all the others (marked with isTotal: true)',
		},
	]),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['report'], operation: ['getDigitalChannels'] } },
	properties,
);

/** GET /api/ms/external/reports: one output item per row of the Digital Channels report. */
export async function execute(this: IExecuteFunctions, run: ItemRun): Promise<DigitalChannelsItem[]> {
	const { itemIndex } = run;
	const filters = this.getNodeParameter('filters', itemIndex, {}) as ReportFilters;
	const options = this.getNodeParameter('options', itemIndex, {}) as { includeTotal?: unknown };
	const includeTotal = requireBoolean(this.getNode(), itemIndex, 'Include Total Row', options.includeTotal ?? true);
	const qs: ReportQuery = {
		data_type: requireOption<GroupBy>(this.getNode(), itemIndex, groupByField, this.getNodeParameter('groupBy', itemIndex, 'period')),
		...periodFilters.call(this, itemIndex),
		...listFilters.call(this, itemIndex, filters),
	};

	const answer = await zenviaRequest<ReportAnswer<DigitalChannelsRow>>(
		this,
		{ api: 'chat', token: 'chatApi', method: 'GET', path: '/api/ms/external/reports', qs },
		run,
	);
	const rows = rowsOf(this.getNode(), itemIndex, answer);
	const items: DigitalChannelsItem[] = [];
	rows.forEach((row, index) => {
		// The API appends the sum of all groups as a last row titled "Total".
		const isTotal = index === rows.length - 1 && row.title === 'Total';
		if (!isTotal || includeTotal) items.push({ ...row, isTotal });
	});
	return readSimplify.call(this, itemIndex)
		? (items.map(simplifyDigitalChannelsRow) as DigitalChannelsItem[])
		: items;
}
