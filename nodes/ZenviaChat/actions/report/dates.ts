import { DateTime, FixedOffsetZone, IANAZone } from 'luxon';
import { NodeOperationError } from 'n8n-workflow';
import type { INode } from 'n8n-workflow';

import { readDate } from '../../helpers/dates';
import type { ReportQuery } from './types';

/** The Reports API reads dates as wall-clock time, `YYYY-MM-DDTHH:MM:SS`, in `timezone`. */
const API_DATE_FORMAT = "yyyy-LL-dd'T'HH:mm:ss";

function refuse(node: INode, itemIndex: number, message: string): NodeOperationError {
	return new NodeOperationError(node, message, { itemIndex });
}

function requireZone(node: INode, itemIndex: number, name: string): string {
	const zone = name.trim();
	if (!IANAZone.isValidZone(zone)) {
		throw refuse(node, itemIndex, `Timezone must be a time zone name like America/Sao_Paulo or UTC, got ${JSON.stringify(name)}`);
	}
	return zone;
}

/**
 * The API takes one five-character offset for the whole query, while a zone's offset can change
 * inside the range (daylight saving time). The offset in force at the range's start (or now, with
 * no dates) is sent, and both dates are written in it, so each still names the instant the user
 * picked.
 */
export function dateRangeQuery(
	node: INode,
	itemIndex: number,
	range: { from?: unknown; to?: unknown; timezone: string },
): ReportQuery {
	const zone = requireZone(node, itemIndex, range.timezone);
	const from = readDate(node, itemIndex, 'From', range.from, zone);
	const to = readDate(node, itemIndex, 'To', range.to, zone);
	if (from && to && from > to) {
		throw refuse(
			node,
			itemIndex,
			`From must not be after To: got From ${from.toFormat(API_DATE_FORMAT)} and To ${to.toFormat(API_DATE_FORMAT)}`,
		);
	}
	const anchor = from ?? to ?? DateTime.now().setZone(zone);
	const offset = FixedOffsetZone.instance(anchor.offset);
	const query: ReportQuery = { timezone: anchor.setZone(offset).toFormat('ZZZ') };
	if (from) query.from = from.setZone(offset).toFormat(API_DATE_FORMAT);
	if (to) query.to = to.setZone(offset).toFormat(API_DATE_FORMAT);
	return query;
}
