import type { INodeProperties } from 'n8n-workflow';

/** Field definitions that several operations show. Each operation scopes them with displayOptions. */

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

/** For WhatsApp API v1 operations: the list comes from WhatsApp API v1 with the ClientSDK token. */
export const whatsappDepartmentField = departmentFieldListedBy(
	'searchWhatsAppDepartments',
	'An active department of your Zenvia account (listed with the ClientSDK token)',
);

export const interactionHashField: INodeProperties = {
	displayName: 'Interaction Hash',
	name: 'interactionHash',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. 322e458c-540c-4c11-ab5c-d38d39f57213',
	description: 'The interaction\'s unique ID, as returned by Start or carried by trigger events',
};

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

export const externalHistoryField: INodeProperties = {
	displayName: 'External History URL',
	name: 'externalHistory',
	type: 'string',
	default: '',
	placeholder: 'https://chat-history.example.com',
	description:
		'A URL that answers GET with the earlier conversation as {"messages": [{"time", "direction", "content"}]}, shown to the agent',
};

/** Options of the calls that open a conversation: Interaction > Start and WhatsApp > Send Message. */
export const conversationOptionsField: INodeProperties = {
	displayName: 'Options',
	name: 'options',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	options: [externalHistoryField],
};

export const contentField: INodeProperties = {
	displayName: 'Content',
	name: 'content',
	type: 'string',
	typeOptions: { rows: 3 },
	required: true,
	default: '',
	description: 'The message text. For an image, video, audio or file, the caption sent with it.',
};

/** The message types Zenvia takes: text, or a file of a kind. */
export const messageTypeOptions = [
	{ name: 'Audio', value: 'audio' },
	{ name: 'File', value: 'file' },
	{ name: 'Image', value: 'image' },
	{ name: 'Text', value: 'text' },
	{ name: 'Video', value: 'video' },
];

/** The media file's URL, asked for whenever the message type field (named here) is not text. */
export function mediaUrlField(typeField: string): INodeProperties {
	return {
		displayName: 'Media URL',
		name: 'url',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'https://file-address.example.com/logo.png',
		description: 'Where Zenvia downloads the file from',
		displayOptions: { hide: { [typeField]: ['text'] } },
	};
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
