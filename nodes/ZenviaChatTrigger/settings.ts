import { NodeOperationError, WorkflowConfigurationError } from 'n8n-workflow';
import type { INodeProperties, IWebhookFunctions } from 'n8n-workflow';

import {
	optionalText,
	optionalTrimmedText,
	parseIdList,
	requireBoolean,
	requireOption,
	requirePositiveInteger,
} from '../ZenviaChat/helpers/validation';
import { commaList } from './commaList';
import { properties } from './description';

/** The "Filters" collection, read: each filter that is set must hold for the event to start the workflow. */
export interface EventFilters {
	departmentIds: string[];
	messageType: 'any' | 'text' | 'media';
	requireExternalId: boolean;
	extraMatch?: string;
}

export interface TriggerSettings {
	picked: string[];
	filters: EventFilters;
	allowedIps: string;
	proxyHops: number;
	passUnknownStates: boolean;
	rawBody: boolean;
}

/** A setting of one of the trigger's collections, as defined in description.ts. */
function setting(collection: 'filters' | 'options', name: string): INodeProperties {
	const options = properties.find((property) => property.name === collection)?.options as INodeProperties[];
	return options.find((option) => option.name === name) as INodeProperties;
}

/**
 * The trigger's settings, read once per call with the readers the action node uses. A setting
 * may come from an expression (`{{ $env.ONLY_WHATSAPP }}` is text, `{{ 1545 }}` a number), so each
 * is read for what it says, never for being truthy: "false" must not drop every event. A value
 * that says nothing throws, naming the setting: as a configuration error, which n8n answers with
 * its message (a 500, so Zenvia retries once it is fixed) and records as a failed execution.
 */
export function readSettings(context: IWebhookFunctions): TriggerSettings {
	try {
		return readEachSetting(context);
	} catch (error) {
		if (!(error instanceof NodeOperationError)) throw error;
		throw new WorkflowConfigurationError(context.getNode(), `The trigger's settings: ${error.message}`, {
			description: 'Fix the setting (or the expression that gives it) in the Zenvia Chat Trigger node.',
		});
	}
}

function readEachSetting(context: IWebhookFunctions): TriggerSettings {
	const node = context.getNode();
	const options = context.getNodeParameter('options', {}) as Record<string, unknown>;
	const filters = context.getNodeParameter('filters', {}) as Record<string, unknown>;
	const events = context.getNodeParameter('events', []) as unknown;
	const read = <T>(collection: 'filters' | 'options', name: string, reader: (field: string, value: unknown) => T, fallback: T): T => {
		const value = (collection === 'filters' ? filters : options)[name];
		return value === undefined ? fallback : reader(setting(collection, name).displayName, value);
	};
	const flag = (field: string, value: unknown) => requireBoolean(node, 0, field, value);
	return {
		picked: Array.isArray(events) ? events.map(String) : commaList(optionalText(node, 0, 'Events', events)),
		filters: {
			departmentIds: read('filters', 'departmentIds', (field, value) => parseIdList(node, 0, field, value, 'numeric'), []),
			messageType: read('filters', 'messageType', (_field, value) => requireOption(node, 0, setting('filters', 'messageType'), value), 'any'),
			requireExternalId: read('filters', 'requireExternalId', flag, false),
			extraMatch: read('filters', 'extraMatch', (field, value) => optionalTrimmedText(node, 0, field, value), undefined),
		},
		allowedIps: read('options', 'allowedIps', (field, value) => optionalText(node, 0, field, value) ?? '', ''),
		proxyHops: read('options', 'proxyHops', (field, value) => requirePositiveInteger(node, 0, field, value, 0), 0),
		passUnknownStates: read('options', 'passUnknownStates', flag, false),
		rawBody: read('options', 'rawBody', flag, false),
	};
}
