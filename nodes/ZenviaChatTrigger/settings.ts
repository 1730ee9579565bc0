import { NodeOperationError } from 'n8n-workflow';
import type { INodeProperties, IWebhookFunctions } from 'n8n-workflow';

import {
	optionalText,
	optionalTrimmedText,
	parseIdList,
	requireBoolean,
	requireOption,
	requireWholeNumber,
} from '../ZenviaChat/helpers/validation';
import { commaList } from './commaList';
import { properties } from './description';

/*
 * The trigger's settings, read with the readers the action node uses. A setting may come from an
 * expression (`{{ $env.ONLY_WHATSAPP }}` is text, `{{ 1545 }}` a number), so each is read for what it
 * says, never for being truthy: "false" must not drop every event. Null or unset is "not given".
 */

/** Who may call: read before the caller is checked, so its errors never reach the caller. */
export interface GuardSettings {
	allowedIps: string;
	proxyHops: number;
}

/** The "Filters" collection, read: each filter that is set must hold for the event to start the workflow. */
export interface EventFilters {
	departmentIds: string[];
	messageType: 'any' | 'text' | 'media';
	requireExternalId: boolean;
	extraMatch?: string;
}

/** What to do with a caller's event. */
export interface EventSettings {
	picked: string[];
	filters: EventFilters;
	passUnknownStates: boolean;
	rawBody: boolean;
	/** Hand each event on to the workflow's test listener too (relay.ts). */
	relayToTestListener: boolean;
}

type Collection = 'filters' | 'options';

/** A top-level property, or a setting of one of the collections, as description.ts defines it. */
function definition(name: string, collection?: Collection): INodeProperties {
	const parent = collection ? (properties.find((property) => property.name === collection)?.options as INodeProperties[]) : properties;
	const found = parent?.find((property) => property.name === name);
	if (!found) throw new Error(`The trigger's description has no setting "${name}"`);
	return found;
}

/** Reads one setting of a collection: its fallback when not given, else what its reader makes of it. */
function settingReader(context: IWebhookFunctions, collection: Collection) {
	const given = context.getNodeParameter(collection, {}) as Record<string, unknown>;
	return <T>(name: string, reader: (field: string, value: unknown) => T, fallback: T): T => {
		const value = given[name];
		return value === undefined || value === null ? fallback : reader(definition(name, collection).displayName, value);
	};
}

/**
 * The IP allow-list and the proxies in front of n8n. Undefined when they cannot be read: the
 * caller then refuses everyone rather than no one, without saying why to a caller not yet checked.
 */
export function readGuardSettings(context: IWebhookFunctions): GuardSettings | undefined {
	const node = context.getNode();
	const read = settingReader(context, 'options');
	try {
		return {
			allowedIps: read('allowedIps', (field, value) => optionalText(node, 0, field, value) ?? '', ''),
			proxyHops: read('proxyHops', (field, value) => requireWholeNumber(node, 0, field, value, 0), 0),
		};
	} catch {
		return undefined;
	}
}

/**
 * Events and filters, read once the caller passed the guard. A setting that says nothing throws,
 * naming it: n8n answers the call 500 (so Zenvia retries once it is fixed) and lists it as a failed
 * execution showing the message, where the workflow's owner looks.
 */
export function readEventSettings(context: IWebhookFunctions): EventSettings {
	const node = context.getNode();
	const filter = settingReader(context, 'filters');
	const option = settingReader(context, 'options');
	const flag = (field: string, value: unknown) => requireBoolean(node, 0, field, value);
	try {
		const events = context.getNodeParameter('events', []) as unknown;
		return {
			picked: Array.isArray(events) ? events.map(String) : commaList(optionalText(node, 0, definition('events').displayName, events)),
			filters: {
				departmentIds: filter('departmentIds', (field, value) => parseIdList(node, 0, field, value, 'numeric'), []),
				messageType: filter('messageType', (_field, value) => requireOption(node, 0, definition('messageType', 'filters'), value), 'any'),
				requireExternalId: filter('requireExternalId', flag, false),
				extraMatch: filter('extraMatch', (field, value) => optionalTrimmedText(node, 0, field, value), undefined),
			},
			passUnknownStates: option('passUnknownStates', flag, false),
			rawBody: option('rawBody', flag, false),
			relayToTestListener: option('relayToTestListener', flag, false),
		};
	} catch (error) {
		const message = error instanceof Error ? error.message : String(error);
		throw new NodeOperationError(node, `The trigger's settings: ${message}`, {
			description: 'Fix the setting (or the expression that gives it) in the Zenvia Chat Trigger node.',
		});
	}
}
