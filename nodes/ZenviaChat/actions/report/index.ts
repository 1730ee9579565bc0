import type { INodeProperties } from 'n8n-workflow';

import * as getConversationMessages from './getConversationMessages.operation';
import * as getDigitalChannels from './getDigitalChannels.operation';
import * as getHistory from './getHistory.operation';
import * as getOngoing from './getOngoing.operation';

export { getConversationMessages, getDigitalChannels, getHistory, getOngoing };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['report'] } },
		default: 'getHistory',
		options: [
			{
				name: 'Get Conversation Messages',
				value: 'getConversationMessages',
				action: 'Get the messages of a conversation',
				description: 'List the messages exchanged in one protocol',
			},
			{
				name: 'Get Digital Channels Report',
				value: 'getDigitalChannels',
				action: 'Get the digital channels report',
				description: 'Counts and average times of the service, grouped by day, tag, department, channel or agent',
			},
			{
				name: 'Get History',
				value: 'getHistory',
				action: 'Get the service history',
				description: 'List finished interactions, standard or expanded',
			},
			{
				name: 'Get Ongoing',
				value: 'getOngoing',
				action: 'Get ongoing interactions',
				description: 'List interactions in progress, waiting, pending or inactive',
			},
		],
	},
	...getDigitalChannels.description,
	...getHistory.description,
	...getConversationMessages.description,
	...getOngoing.description,
];
