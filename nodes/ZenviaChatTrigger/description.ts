import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { ALL_EVENTS, EVENTS, UNKNOWN_EVENT } from './events';
import { SECRET_QUERY_PARAMETER } from './security';

const eventOptions: INodePropertyOptions[] = [
	{ name: 'All Events', value: ALL_EVENTS, description: 'Every event below, typing ones included' },
	...EVENTS.map(({ name, value, description }) => ({ name, value, description })),
].sort((a, b) => a.name.localeCompare(b.name));

/**
 * The canvas subtitle: the picked events by the names the picker shows ("Agent Message, Finished"),
 * read from the picker's own options so the two cannot drift; "All events" when `*` is picked.
 * The editor evaluates subtitles as expressions, so the names travel inside it as a table literal.
 */
export function eventSubtitleOf(options: INodePropertyOptions[]): string {
	const names: Record<string, string> = {};
	for (const { name, value } of options) {
		if (value !== ALL_EVENTS) names[String(value)] = name;
	}
	// Spaces keep "}}" out of the expression, which would end it early.
	const literal = JSON.stringify(names).replace(/[{}]/g, (brace) => ` ${brace} `);
	// An expression may give the events as one text rather than a list (settings.ts reads both).
	const picked = '[].concat($parameter["events"] ?? [])';
	return (
		`={{ ${picked}.includes(${JSON.stringify(ALL_EVENTS)}) ? "All events" : ` +
		`${picked}.map((event) => (${literal})[event] ?? event).join(", ") }}`
	);
}

export const eventSubtitle = eventSubtitleOf(eventOptions);

export const properties: INodeProperties[] = [
	{
		// n8n keeps only links and lists of a notice's HTML (2.41.1 drops <br>, <b> and <code>, text
		// kept), so each line break is a list; "<" is written &lt;.
		displayName:
			'Zenvia has no API to register webhooks: copy the URL above and paste it into Zenvia:' +
			'<ul><li>Chat API: zchat-admin.zenvia.com > Menu > Settings > Integrations > Webhooks</li>' +
			'<li>WhatsApp API v1: app.omnize.com.br > Menu > Settings > Integrations > ClientSDK > Webhook URL</li>' +
			'<li>External bot (the Bot events): Zenvia support sets it as the department\'s bot endpoint</li></ul>' +
			'The Test URL answers while the editor waits for a test event, after you click Execute step ' +
			'on this node or Execute workflow. The Production URL works once the workflow is published.' +
			'<ul><li>With a Zenvia Chat Webhook API credential picked under "Credential" above (its Shared Secret), ' +
			`end the pasted URL with ?${SECRET_QUERY_PARAMETER}=&lt;your secret&gt;.</li></ul>`,
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
				displayName: 'Relay to Test Listener',
				name: 'relayToTestListener',
				type: 'boolean',
				default: false,
				description:
					'Whether the published workflow also hands each event to this workflow\'s Test URL while the editor listens for a test event, so Zenvia keeps the Production URL and production keeps running. Nothing is relayed when nobody listens; turn it off when you are done building.',
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
