import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { requireBoolean } from '../../helpers/validation';

/**
 * n8n's convention: flat, readable items, on by default (Simplify off gives the API's own answer).
 * Every simplified key is camelCase, whatever the API calls it.
 */
export const simplifyField: INodeProperties = {
	displayName: 'Simplify',
	name: 'simplify',
	type: 'boolean',
	default: true,
	description:
		'Whether to return flat items with camelCase names (agent, department and customer as agentName, departmentId, customerMainIdentifier...) instead of the raw data',
};

/** Simplify, on unless turned off. */
export function readSimplify(this: IExecuteFunctions, itemIndex: number): boolean {
	return requireBoolean(this.getNode(), itemIndex, 'Simplify', this.getNodeParameter('simplify', itemIndex, true));
}

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

/** "main_identifier" -> ["main", "identifier"]; "startTime" -> ["start", "Time"]. */
const words = (name: string) => name.split(/[_\s-]+/).filter(Boolean);
const capitalized = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

/** "created_at" -> "createdAt"; a name already in camelCase ("startTime") is kept. */
export function camelCase(name: string): string {
	const [first = '', ...rest] = words(name);
	return first.charAt(0).toLowerCase() + first.slice(1) + rest.map(capitalized).join('');
}

/** A prefixed flat name: ("customer", "main_identifier") -> "customerMainIdentifier". */
const prefixed = (prefix: string, name: string) => prefix + words(name).map(capitalized).join('');

/** A Digital Channels row with `title` first and each metric under its documented meaning. */
export function simplifyDigitalChannelsRow(row: IDataObject): IDataObject {
	const simple: IDataObject = {};
	for (const [raw, name] of Object.entries(METRIC_NAMES)) {
		if (raw in row) simple[name] = row[raw];
	}
	// A metric the document does not name yet is kept, under its camelCase name, not dropped.
	for (const [key, value] of Object.entries(row)) {
		if (!(key in METRIC_NAMES)) simple[camelCase(key)] = value;
	}
	return simple;
}

const isRecord = (value: unknown): value is IDataObject => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * What each nested record of a history or ongoing row becomes: agent and department always give
 * their id and name (null without an agent), so every row has the same columns (a CSV, a sheet).
 */
const NESTED: Record<string, string[]> = {
	agent: ['id', 'name'],
	department: ['id', 'name'],
};

/**
 * A history or ongoing row, flat and in camelCase: `agentId`, `agentName`, `agentPhoneExtension`
 * (and `agentStatus` for ongoing ones), `departmentId`, `departmentName`, `customerId` and one
 * `customer<Field>` per form field (`customerMainIdentifier`, `customerChannelPhone`, ...); every
 * other field under its camelCase name (`createdAt`, `currentState`, `slaOverdue`, ...).
 */
export function simplifyInteractionRow(row: IDataObject): IDataObject {
	const flat: IDataObject = {};
	for (const [key, value] of Object.entries(row)) {
		if (key === 'customer' && isRecord(value)) {
			const { id, fields, ...others } = value;
			flat.customerId = id;
			if (isRecord(fields)) for (const [name, field] of Object.entries(fields)) flat[prefixed('customer', name)] = field;
			for (const [name, other] of Object.entries(others)) flat[prefixed('customer', name)] = other;
		} else if (key in NESTED && (isRecord(value) || value === null || value === undefined)) {
			for (const name of NESTED[key]) flat[prefixed(key, name)] = value?.[name] ?? null;
			for (const [name, other] of Object.entries(value ?? {})) {
				if (!NESTED[key].includes(name)) flat[prefixed(key, name)] = other;
			}
		} else {
			flat[camelCase(key)] = value;
		}
	}
	return flat;
}
