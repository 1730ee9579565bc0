import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { ALL_EVENTS, EVENTS, UNKNOWN_EVENT } from './events';
import { SECRET_HEADER, SECRET_QUERY_PARAMETER } from './security';

const eventOptions: INodePropertyOptions[] = [
	{ name: 'All Events', value: ALL_EVENTS, description: 'Every event below, typing ones included' },
	...EVENTS.map(({ name, value, description }) => ({ name, value, description })),
].sort((a, b) => a.name.localeCompare(b.name));

export const properties: INodeProperties[] = [
	{
		// n8n shows a notice as sanitised HTML: the lists and breaks are markup, "<" is written &lt;.
		displayName:
			'Zenvia has no API to register webhooks: copy the URL above and paste it into Zenvia:' +
			'<ul><li><b>Chat API</b>: zchat-admin.zenvia.com > Menu > Settings > Integrations > Webhooks</li>' +
			'<li><b>WhatsApp API v1</b>: app.omnize.com.br > Menu > Settings > Integrations > ClientSDK > Webhook URL</li>' +
			'<li><b>External bot</b> (the Bot events): Zenvia support sets it as the department\'s bot endpoint</li></ul>' +
			'The Test URL answers while the editor waits for a test event, after you click <b>Execute step</b> ' +
			'on this node or <b>Execute workflow</b>. The Production URL works once the workflow is published.<br>' +
			`With a Zenvia Chat Webhook API credential (its Shared Secret), end the pasted URL with <code>?${SECRET_QUERY_PARAMETER}=&lt;your secret&gt;</code>.`,
		name: 'notice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Events',
		name: 'events',
		type: 'multiOptions',
		required: true,
		default: [],
		options: eventOptions,
		description:
			'The events that start the workflow. Any other event is answered 200 and costs no execution.',
	},
	// Before the credential existed the secret was this parameter, stored and exported in plain
	// text. Shown only to workflows that still set it, which it keeps protecting meanwhile.
	{
		displayName:
			'This workflow keeps the Shared Secret below in plain text. Create a Zenvia Chat Webhook API ' +
			'credential with the same secret, pick it under "Credential to connect with" above, then clear this field.',
		name: 'secretMovedNotice',
		type: 'notice',
		default: '',
		displayOptions: { hide: { secret: [''] } },
	},
	{
		displayName: 'Shared Secret (Plain Text, Deprecated)',
		name: 'secret',
		type: 'string',
		typeOptions: { password: true },
		default: '',
		displayOptions: { hide: { secret: [''] } },
		description:
			`Used only while no Zenvia Chat Webhook API credential is picked: a call must carry it in the "${SECRET_QUERY_PARAMETER}" ` +
			`query parameter (or the ${SECRET_HEADER} header)`,
	},
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		description: 'Narrow the picked events further. Every filter that is set must hold.',
		options: [
			{
				displayName: 'Extra Contains',
				name: 'extraMatch',
				type: 'string',
				default: '',
				placeholder: 'e.g. botId=1111',
				description:
					'Only events whose "extra" has this key (written key), or this key with this value (written key=value). ' +
					'Chat API events echo the extra given when the interaction was started.',
			},
			{
				displayName: 'Message Type',
				name: 'messageType',
				type: 'options',
				default: 'any',
				description: 'For Agent Message events: which messages start the workflow',
				options: [
					{ name: 'Any', value: 'any' },
					{ name: 'Media Only', value: 'media', description: 'Image, video, audio or file' },
					{ name: 'Text Only', value: 'text' },
				],
			},
			{
				displayName: 'Only With an External ID',
				name: 'requireExternalId',
				type: 'boolean',
				default: false,
				description:
					'Whether to pass only events carrying an "external_id" (WhatsApp API v1 interactions started by an integration)',
			},
			{
				displayName: 'Transferred to Department IDs',
				name: 'departmentIds',
				type: 'string',
				default: '',
				placeholder: 'e.g. 1545, 1546',
				description:
					'For Transferred events: only transfers to one of these departments (IDs separated by commas). Other events are not affected.',
			},
		],
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'IP Allow-List',
				name: 'allowedIps',
				type: 'string',
				default: '',
				placeholder: 'e.g. 203.0.113.7, 198.51.100.0/24',
				description:
					'IP addresses and CIDR ranges (IPv4 or IPv6) separated by commas. A call from any other address is answered 403 and starts nothing.',
			},
			{
				displayName: 'Pass Unknown States Through',
				name: 'passUnknownStates',
				type: 'boolean',
				default: false,
				description: `Whether an event whose state is not documented starts the workflow as event "${UNKNOWN_EVENT}" (whatever Events are picked) instead of being answered 422`,
			},
			{
				displayName: 'Raw Body Only',
				name: 'rawBody',
				type: 'boolean',
				default: false,
				description: 'Whether to output the body exactly as Zenvia sent it instead of the event name and camelCase fields',
			},
			{
				displayName: 'Trusted Reverse Proxies',
				name: 'proxyHops',
				type: 'number',
				typeOptions: { minValue: 0 },
				default: 0,
				description:
					'For the IP allow-list: how many reverse proxies sit between the internet and n8n. 0 uses the connection\'s address; N uses the N-th address from the right of X-Forwarded-For.',
			},
		],
	},
];
