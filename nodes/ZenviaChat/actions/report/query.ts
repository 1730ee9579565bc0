import type { IExecuteFunctions } from 'n8n-workflow';

import { optionalTrimmedText, parseIdList } from '../../helpers/validation';
import { dateRangeQuery } from './dates';
import type { ReportQuery } from './types';

/** What the Filters collections of the report operations hold (see fields.ts). */
export interface ReportFilters {
	agents?: string | string[];
	departments?: string | string[];
	states?: string | string[];
	types?: string | string[];
	tags?: string | string[];
}

/**
 * Query parameter, the field's name as the user sees it, and what its values are: Zenvia numbers
 * agents, departments and tags, and refuses any other id with a 422.
 */
const LIST_FILTERS = [
	['agents', 'Agent IDs', 'numeric'],
	['departments', 'Department IDs', 'numeric'],
	['states', 'States', 'word'],
	['types', 'Channel Types', 'word'],
	['tags', 'Tag IDs', 'numeric'],
] as const;

/** The list filters the user filled in, each sent comma-separated as the document asks. */
export function listFilters(this: IExecuteFunctions, itemIndex: number, filters: ReportFilters): ReportQuery {
	const query: ReportQuery = {};
	for (const [parameter, field, kind] of LIST_FILTERS) {
		const values = parseIdList(this.getNode(), itemIndex, field, filters[parameter], kind);
		if (values.length) query[parameter] = values.join(',');
	}
	return query;
}

/**
 * From, To and the timezone offset (fields.ts, dateRangeFields). The timezone is always sent (the
 * workflow's when the field is empty) because the API would otherwise read and answer every date
 * in UTC.
 */
export function periodFilters(this: IExecuteFunctions, itemIndex: number): ReportQuery {
	const node = this.getNode();
	return dateRangeQuery(node, itemIndex, {
		from: this.getNodeParameter('from', itemIndex, ''),
		to: this.getNodeParameter('to', itemIndex, ''),
		timezone: optionalTrimmedText(node, itemIndex, 'Timezone', this.getNodeParameter('timezone', itemIndex, '')) ?? this.getTimezone(),
	});
}
