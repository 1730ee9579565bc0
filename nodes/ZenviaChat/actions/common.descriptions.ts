import type { IDataObject, IExecuteFunctions, INodeParameterResourceLocator, INodeProperties } from 'n8n-workflow';

import {
	optionalText,
	optionalTrimmedText,
	parseJsonObject,
	requireBoolean,
	requireHttpUrl,
	requireId,
	requireOption,
	requirePositiveInteger,
	requireUntrimmedText,
} from '../helpers/validation';
import { DEFAULT_ITEM_TIME_LIMIT_SECONDS, type ItemRun } from '../transport';
import { requestsInFlightOption } from './batching';
import type { MessageType } from './interaction/types';

/**
 * Fields that several operations show, each followed by its reader: the one place its value is
 * read, checked and converted. Each operation scopes the fields with displayOptions.
 */

/**
 * The Department field, listing departments through the given list method: each API has its own
 * departments endpoint, which takes that API's token.
 */
function departmentFieldListedBy(searchListMethod: string, description: string): INodeProperties {
	return {
		displayName: 'Department',
		name: 'departmentId',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod, searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. 9999',
				validation: [
					{
						type: 'regex',
						properties: { regex: '^\\s*[1-9]\\d*\\s*$', errorMessage: 'A department ID is a positive whole number' },
					},
				],
			},
		],
	};
}

/** For Chat API operations: the list comes from the Chat API with the Chat API token. */
export const departmentField = departmentFieldListedBy(
	'searchChatDepartments',
	'An active department of your Zenvia account (listed with the Chat API token)',
);

/**
 * For the operations that take the ClientSDK token (WhatsApp, Agent, Bot): the list comes from
 * WhatsApp API v1's departments, which takes that token.
 */
export const clientSdkDepartmentField = departmentFieldListedBy(
	'searchClientSdkDepartments',
	'An active department of your Zenvia account (listed with the ClientSDK token)',
);

/**
 * The value of a resource locator field, whichever way it was given: the locator (From List, By
 * ID), or a plain value from an expression written before the field had modes ("={{ $json.id }}").
 * Anything else (another object) is returned as it is, for the field's reader to refuse.
 */
export function locatorValue(this: IExecuteFunctions, name: string, itemIndex: number): unknown {
	const raw = this.getNodeParameter(name, itemIndex, '', { extractValue: true }) as unknown;
	const isLocator = typeof raw === 'object' && raw !== null && 'mode' in raw && 'value' in raw;
	return isLocator ? (raw as INodeParameterResourceLocator).value : raw;
}

function departmentValue(this: IExecuteFunctions, itemIndex: number): unknown {
	return locatorValue.call(this, 'departmentId', itemIndex);
}

export function readDepartmentId(this: IExecuteFunctions, itemIndex: number): number {
	return requirePositiveInteger(this.getNode(), itemIndex, 'Department', departmentValue.call(this, itemIndex));
}

/** The Department field where it may stay empty (e.g. a transfer back to the first department). */
export function readOptionalDepartmentId(this: IExecuteFunctions, itemIndex: number): number | undefined {
	const value = departmentValue.call(this, itemIndex);
	if (value === undefined || value === null || String(value).trim() === '') return undefined;
	return requirePositiveInteger(this.getNode(), itemIndex, 'Department', value);
}

/**
 * The interaction's hash. It has no list to pick from: no documented endpoint lists interactions by
 * hash (the ongoing report's rows carry the protocol number, not the hash), so it comes from the
 * input item, by default its `interactionHash` (what Interaction > Start puts at the top of its
 * output, and what every trigger event carries).
 */
export const interactionHashField: INodeProperties = {
	displayName: 'Interaction Hash',
	name: 'interactionHash',
	type: 'string',
	required: true,
	default: '={{ $json.interactionHash }}',
	placeholder: 'e.g. 322e458c-540c-4c11-ab5c-d38d39f57213',
	description:
		'The interaction\'s unique ID (a UUID): the input item\'s interactionHash by default, as Interaction > Start outputs it and trigger events carry it',
};

/** Reads the hash and names it the run's conversation: items of one interaction send in input order. */
export function readInteractionHash(this: IExecuteFunctions, run: ItemRun): string {
	const hash = requireId(this.getNode(), run.itemIndex, 'Interaction Hash', locatorValue.call(this, 'interactionHash', run.itemIndex));
	run.conversation = `interaction:${hash}`;
	return hash;
}

export const customerField: INodeProperties = {
	displayName: 'Customer',
	name: 'customer',
	type: 'collection',
	placeholder: 'Add Customer Field',
	default: {},
	options: [
		{ displayName: 'CPF', name: 'cpf', type: 'string', default: '', description: 'The customer\'s document number' },
		{ displayName: 'Email', name: 'email', type: 'string', placeholder: 'name@email.com', default: '' },
		{ displayName: 'Name', name: 'name', type: 'string', default: '' },
		{ displayName: 'Phone', name: 'phone', type: 'string', default: '', placeholder: 'e.g. 11991417777' },
	],
};

const CUSTOMER_FIELD_NAMES: Record<string, string> = { cpf: 'CPF', email: 'Email', name: 'Name', phone: 'Phone' };

/**
 * Only the customer fields the user filled in (Zenvia would store empty strings as data), each
 * sent as text: a phone or CPF held as a number is sent as its digits, never dropped.
 */
function readCustomer(this: IExecuteFunctions, itemIndex: number): IDataObject | undefined {
	const given = this.getNodeParameter('customer', itemIndex, {}) as IDataObject;
	const customer: IDataObject = {};
	for (const [key, value] of Object.entries(given)) {
		const text = optionalTrimmedText(this.getNode(), itemIndex, `Customer ${CUSTOMER_FIELD_NAMES[key] ?? key}`, value);
		if (text !== undefined) customer[key] = text;
	}
	return Object.keys(customer).length ? customer : undefined;
}

/** `extra` is echoed back on every webhook event, which is how a flow recognises its own interactions. */
export const extraFields: INodeProperties[] = [
	{
		displayName: 'Extra Data',
		name: 'extraInput',
		type: 'options',
		default: 'none',
		description: 'Data that Zenvia returns on every webhook event of this interaction',
		options: [
			{ name: 'None', value: 'none' },
			{ name: 'Key-Value Pairs', value: 'keyValue' },
			{ name: 'JSON', value: 'json' },
		],
	},
	{
		displayName: 'Extra Values',
		name: 'extraValues',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Value',
		default: {},
		displayOptions: { show: { extraInput: ['keyValue'] } },
		options: [
			{
				displayName: 'Value',
				name: 'values',
				values: [
					{ displayName: 'Key', name: 'key', type: 'string', default: '' },
					{ displayName: 'Value', name: 'value', type: 'string', default: '' },
				],
			},
		],
	},
	{
		displayName: 'Extra JSON',
		name: 'extraJson',
		type: 'json',
		default: '{}',
		description: 'A JSON object, e.g. {"clientId": "1", "botId": "1111"}',
		displayOptions: { show: { extraInput: ['json'] } },
	},
];

function readExtra(this: IExecuteFunctions, itemIndex: number): IDataObject | undefined {
	const node = this.getNode();
	const input = this.getNodeParameter('extraInput', itemIndex, 'none') as string;
	if (input === 'json') {
		const extra = parseJsonObject(node, itemIndex, 'Extra JSON', this.getNodeParameter('extraJson', itemIndex, '{}'));
		return Object.keys(extra).length ? extra : undefined;
	}
	if (input !== 'keyValue') return undefined;
	const { values = [] } = this.getNodeParameter('extraValues', itemIndex, {}) as {
		values?: Array<{ key?: unknown; value?: unknown }>;
	};
	const extra: IDataObject = {};
	for (const pair of values) {
		const key = optionalTrimmedText(node, itemIndex, 'Extra Values Key', pair.key);
		if (key !== undefined) extra[key] = optionalText(node, itemIndex, `Extra Values "${key}"`, pair.value) ?? '';
	}
	return Object.keys(extra).length ? extra : undefined;
}

/** An option of the calls that open a conversation: Interaction > Start and WhatsApp > Send Message. */
export const externalHistoryOption: INodeProperties = {
	displayName: 'External History URL',
	name: 'externalHistory',
	type: 'string',
	default: '',
	placeholder: 'https://chat-history.example.com',
	description:
		'A URL that answers GET with the earlier conversation as {"messages": [{"time", "direction", "content"}]}, shown to the agent. A bare host or path such as chathistory.example.org/h/1 is read as https://.',
};

/** The body fields shared by the calls that open a conversation, each present only when set. */
export interface ConversationContext extends IDataObject {
	customer?: IDataObject;
	extra?: IDataObject;
	external_history?: string;
}

/** Customer, Extra Data and the External History URL option of Interaction > Start and WhatsApp > Send Message. */
export function readConversationContext(this: IExecuteFunctions, itemIndex: number): ConversationContext {
	const node = this.getNode();
	const context: ConversationContext = {};
	const customer = readCustomer.call(this, itemIndex);
	if (customer) context.customer = customer;
	const extra = readExtra.call(this, itemIndex);
	if (extra) context.extra = extra;
	const { externalHistory } = this.getNodeParameter('options', itemIndex, {}) as { externalHistory?: unknown };
	if (optionalTrimmedText(node, itemIndex, 'External History URL', externalHistory) !== undefined) {
		context.external_history = requireHttpUrl(node, itemIndex, 'External History URL', externalHistory, {
			bareHostAsHttps: true,
		});
	}
	return context;
}

/**
 * Every message form (Interaction, WhatsApp and Bot > Send Message, Leave Message for Team) is laid
 * out the same way and uses the same labels: Message Type, then Content, then the Media URL
 * (hidden for text). Each endpoint names the fields its own way (type, content_type); the form is
 * the user's and does not.
 */
export const contentField: INodeProperties = {
	displayName: 'Content',
	name: 'content',
	type: 'string',
	typeOptions: { rows: 3 },
	required: true,
	default: '',
	description: 'The message text, or the caption sent with an image, video, audio or file. Sent exactly as written, spaces and line breaks included.',
};

export function readContent(this: IExecuteFunctions, itemIndex: number): string {
	return requireUntrimmedText(this.getNode(), itemIndex, 'Content', this.getNodeParameter('content', itemIndex));
}
/** The message types the Chat API and the bot API take: text, or a file of a kind. */
export const messageTypeField: INodeProperties = {
	displayName: 'Message Type',
	name: 'messageType',
	type: 'options',
	default: 'text',
	description: 'Text, or the kind of file sent from the Media URL (the content is then its caption)',
	options: [
		{ name: 'Audio', value: 'audio' },
		{ name: 'File', value: 'file' },
		{ name: 'Image', value: 'image' },
		{ name: 'Text', value: 'text' },
		{ name: 'Video', value: 'video' },
	],
};

export function readMessageType(this: IExecuteFunctions, itemIndex: number): MessageType {
	return requireOption<MessageType>(this.getNode(), itemIndex, messageTypeField, this.getNodeParameter('messageType', itemIndex, 'text'));
}

/** The media file's URL, asked for whenever the Message Type is not text. */
export const mediaUrlField: INodeProperties = {
	displayName: 'Media URL',
	name: 'url',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'https://file-address.example.com/logo.png',
	description: 'Where Zenvia downloads the file from',
	displayOptions: { hide: { messageType: ['text'] } },
};

export function readMediaUrl(this: IExecuteFunctions, itemIndex: number): string {
	return requireHttpUrl(this.getNode(), itemIndex, 'Media URL', this.getNodeParameter('url', itemIndex, ''));
}

/** The n8n way to bound a list: all of it, or the first `limit` entries. */
export const returnAllField: INodeProperties = {
	displayName: 'Return All',
	name: 'returnAll',
	type: 'boolean',
	default: false,
	description: 'Whether to return all results or only up to a given limit',
};

export const limitField: INodeProperties = {
	displayName: 'Limit',
	name: 'limit',
	type: 'number',
	typeOptions: { minValue: 1 },
	default: 50,
	description: 'Max number of results to return',
	displayOptions: { show: { returnAll: [false] } },
};

/** The Return All / Limit pair: undefined means every result. */
export function readLimit(this: IExecuteFunctions, itemIndex: number): number | undefined {
	const node = this.getNode();
	if (requireBoolean(node, itemIndex, 'Return All', this.getNodeParameter('returnAll', itemIndex, false))) return undefined;
	return requirePositiveInteger(node, itemIndex, 'Limit', this.getNodeParameter('limit', itemIndex, 50));
}

/** An entry of every operation's Options collection: bounds the time one item may take, whatever happens on the way. */
export const itemTimeLimitOption: INodeProperties = {
	displayName: 'Time Limit per Item (Seconds)',
	name: 'itemTimeLimit',
	type: 'number',
	typeOptions: { minValue: 1 },
	default: DEFAULT_ITEM_TIME_LIMIT_SECONDS,
	description:
		'The longest one input item may take, every request, retry and wait Zenvia asks for included. The item then fails saying how long it waited.',
};

export function readItemTimeLimit(this: IExecuteFunctions, itemIndex: number): number {
	const { itemTimeLimit } = this.getNodeParameter('options', itemIndex, {}) as { itemTimeLimit?: unknown };
	if (itemTimeLimit === undefined || itemTimeLimit === null || itemTimeLimit === '') return DEFAULT_ITEM_TIME_LIMIT_SECONDS;
	return requirePositiveInteger(this.getNode(), itemIndex, 'Time Limit per Item (Seconds)', itemTimeLimit);
}

/**
 * The one Options collection of an operation (n8n's convention): the operation's own options, then
 * how the node sends: Requests in Flight where items go side by side (the per-item operations; a
 * bulk operation sends its requests one after the other, so it has none) and the Time Limit per
 * Item everywhere. Sorted by name, as n8n lists a collection's options.
 */
export function operationOptions(own: INodeProperties[] = [], { bulk = false } = {}): INodeProperties {
	const sending = bulk ? [itemTimeLimitOption] : [requestsInFlightOption, itemTimeLimitOption];
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [...own, ...sending].sort((a, b) => a.displayName.localeCompare(b.displayName)),
	};
}
