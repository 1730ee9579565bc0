import { DateTime } from 'luxon';
import { NodeOperationError } from 'n8n-workflow';
import type { INode } from 'n8n-workflow';

/**
 * The one reading of a date the user gives: a date picker's value, an ISO or SQL text, or a date
 * from an expression. A value without an offset is wall-clock time in `zone` (the workflow's time
 * zone, or the one the form asks for); one with an offset is an instant and keeps its meaning.
 * Each endpoint then writes it in the form it wants.
 */
export function readDate(node: INode, itemIndex: number, field: string, value: unknown, zone: string): DateTime | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	let date: DateTime | undefined;
	if (DateTime.isDateTime(value)) date = value.setZone(zone);
	else if (value instanceof Date) date = DateTime.fromJSDate(value, { zone });
	else if (typeof value === 'string' && value.trim()) {
		const text = value.trim();
		date = DateTime.fromISO(text, { zone });
		if (!date.isValid) date = DateTime.fromSQL(text, { zone });
	}
	if (!date?.isValid) {
		throw new NodeOperationError(node, `${field} must be a date and time like 2025-05-01T08:00:00, got ${JSON.stringify(value)}`, { itemIndex });
	}
	return date;
}

