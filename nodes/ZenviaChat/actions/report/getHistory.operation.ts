import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { zenviaPaginate } from '../../helpers/paginate';
import { optionalTrimmedText, requireBoolean, requireOption } from '../../helpers/validation';
import { operationOptions } from '../common.descriptions';
import {
	agentIdsField,
	channelTypesField,
	departmentIdsField,
	dateRangeFields,
	filtersField,
	finishedStatesField,
	pageFields,
	readPageLimit,
} from './fields';
import { listFilters, periodFilters } from './query';
import { readSimplify, simplifyField, simplifyInteractionRow } from './simplify';
import type { ReportFilters } from './query';
import type { ExpandedHistoryRow, HistoryRow, ReportQuery } from './types';
import type { ItemRun } from '../../transport';

type Direction = 'all' | 'sent' | 'received';

const ACTIVE: Record<Direction, ReportQuery['active']> = { all: undefined, sent: 'true', received: 'false' };

const directionField: INodeProperties = {
	displayName: 'Direction',
	name: 'direction',
	type: 'options',
	default: 'all',
	description: 'Who started the interaction',
	options: [
		{ name: 'All', value: 'all' },
		{ name: 'Received', value: 'received', description: 'Started by customers' },
		{ name: 'Sent', value: 'sent', description: 'Started by agents' },
	],
};

const properties: INodeProperties[] = [
	...dateRangeFields,
	{
		displayName: 'Expanded',
		name: 'expanded',
		type: 'boolean',
		default: false,
		description:
			'Whether to get the expanded history, which adds counts, times (queue, talking, first response...), tags, notes and the web chat visitor\'s details',
	},
	...pageFields('the oldest N finished interactions of the period (narrow From and To to reach later ones)'),
	filtersField([
		agentIdsField,
		channelTypesField,
		departmentIdsField,
		directionField,
		{
			displayName: 'Search',
			name: 'search',
			type: 'string',
			default: '',
			placeholder: 'e.g. maria',
			description: 'Text found in the customer\'s name or the agent\'s email, or a protocol number',
		},
		finishedStatesField,
	]),
	simplifyField,
	operationOptions(),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['report'], operation: ['getHistory'] } },
	properties,
);

/** GET /api/ms/external/history[/expanded]: one output item per interaction, page after page. */
export async function execute(this: IExecuteFunctions, run: ItemRun): Promise<HistoryRow[]> {
	const { itemIndex } = run;
	const node = this.getNode();
	const expanded = requireBoolean(node, itemIndex, 'Expanded', this.getNodeParameter('expanded', itemIndex, false));
	const limit = readPageLimit.call(this, itemIndex);
	const filters = this.getNodeParameter('filters', itemIndex, {}) as ReportFilters & {
		direction?: unknown;
		search?: unknown;
	};
	const qs: ReportQuery = {
		...periodFilters.call(this, itemIndex),
		...listFilters.call(this, itemIndex, filters),
	};
	const direction = requireOption<Direction>(node, itemIndex, directionField, filters.direction ?? 'all');
	const active = ACTIVE[direction];
	if (active) qs.active = active;
	// A protocol number is a search too: the document's own example is search=999.
	const search = optionalTrimmedText(node, itemIndex, 'Search', filters.search);
	if (search !== undefined) qs.search = search;

	const path = expanded ? '/api/ms/external/history/expanded' : '/api/ms/external/history';
	const rows = await zenviaPaginate<HistoryRow | ExpandedHistoryRow>(this, { api: 'chat', token: 'chatApi', method: 'GET', path, qs }, run, limit);
	return readSimplify.call(this, itemIndex) ? (rows.map(simplifyInteractionRow) as HistoryRow[]) : rows;
}
