import type { INodeProperties } from 'n8n-workflow';

import * as getDepartments from './getDepartments.operation';
import * as notifyStoppedTyping from './notifyStoppedTyping.operation';
import * as notifyTyping from './notifyTyping.operation';
import * as sendMessage from './sendMessage.operation';

export { getDepartments, notifyStoppedTyping, notifyTyping, sendMessage };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['whatsapp'] } },
		default: 'sendMessage',
		options: [
			{
				name: 'Get Departments',
				value: 'getDepartments',
				action: 'Get departments',
				description:
					'List the account\'s departments from WhatsApp API v1 (GET /api/v1/departments, ClientSDK token), the ones WhatsApp messages go to',
			},
			{
				name: 'Notify Stopped Typing',
				value: 'notifyStoppedTyping',
				action: 'Notify that the customer stopped typing',
			},
			{
				name: 'Notify Typing',
				value: 'notifyTyping',
				action: 'Notify that the customer is typing',
			},
			{
				name: 'Send Message',
				value: 'sendMessage',
				action: 'Send a message',
				description: 'Send a text or media message as the customer, opening a conversation if none is open',
			},
		],
	},
	...getDepartments.description,
	...sendMessage.description,
	...notifyTyping.description,
	...notifyStoppedTyping.description,
];
