import type { IDataObject, INodeProperties } from 'n8n-workflow';

/** n8n's convention: flat, readable items on request, the API's own answer by default. */
export const simplifyField: INodeProperties = {
	displayName: 'Simplify',
	name: 'simplify',
	type: 'boolean',
	default: false,
	description: 'Whether to return a simplified version of the response instead of the raw data',
};

/** The Digital Channels metrics as the Reports API document defines them (reports-api.md). */
const METRIC_NAMES: Record<string, string> = {
	title: 'title',
	isTotal: 'isTotal',
	backlog: 'previousBacklog',
	received: 'received',
	made: 'made',
	rang: 'distributed',
	answered: 'answered',
	ended: 'ended',
	not_answered: 'inQueue',
	pending: 'pendingOnAgent',
	postponed: 'pendingOnClient',
	discarded: 'discarded',
	missed: 'missed',
	expired: 'expired',
	remainder: 'daysRemainder',
	tma: 'averageHandlingTimeSeconds',
	tme: 'averageWaitTimeSeconds',
	tmaxe: 'maximumWaitTimeSeconds',
	tmpr: 'averageFirstResponseTimeSeconds',
	tmr: 'averageAgentResponseTimeSeconds',
	tmpa: 'averageAgentResumeTimeSeconds',
	tmp: 'averageClientResumeTimeSeconds',
	sla: 'totalAverageHandlingTimeSeconds',
	slapr: 'firstResponseSla',
};

/** A Digital Channels row with `title` first and each metric under its documented meaning. */
export function simplifyDigitalChannelsRow(row: IDataObject): IDataObject {
	const simple: IDataObject = {};
	for (const [raw, name] of Object.entries(METRIC_NAMES)) {
		if (raw in row) simple[name] = row[raw];
	}
	// A metric the document does not name yet is kept under its own name, not dropped.
	for (const [key, value] of Object.entries(row)) {
		if (!(key in METRIC_NAMES)) simple[key] = value;
	}
	return simple;
}

/** "main_identifier" -> "MainIdentifier" */
const pascal = (name: string) =>
	name
		.split(/[_\s-]+/)
		.filter(Boolean)
		.map((word) => word.charAt(0).toUpperCase() + word.slice(1))
		.join('');

/**
 * A history or ongoing row with the customer's record flattened: `customerId` and one
 * `customer<Field>` per form field (`customerMainIdentifier`, `customerChannelPhone`, ...).
 */
export function simplifyInteractionRow(row: IDataObject): IDataObject {
	const { customer, ...rest } = row;
	if (typeof customer !== 'object' || customer === null || Array.isArray(customer)) return row;
	const { id, fields, ...otherCustomerKeys } = customer as IDataObject;
	const flat: IDataObject = { ...rest, customerId: id };
	if (typeof fields === 'object' && fields !== null && !Array.isArray(fields)) {
		for (const [name, value] of Object.entries(fields as IDataObject)) flat[`customer${pascal(name)}`] = value;
	}
	for (const [name, value] of Object.entries(otherCustomerKeys)) flat[`customer${pascal(name)}`] = value;
	return flat;
}
