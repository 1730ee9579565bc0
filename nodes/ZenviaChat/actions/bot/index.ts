import type { INodeProperties } from 'n8n-workflow';

import * as accept from './accept.operation';
import * as finish from './finish.operation';
import * as sendAndWait from './sendAndWait.operation';
import * as sendMessage from './sendMessage.operation';
import * as transfer from './transfer.operation';

export { accept, finish, sendAndWait, sendMessage, transfer };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['bot'] } },
		default: 'sendMessage',
		options: [
			{ name: 'Accept', value: 'accept', action: 'Accept an interaction as the bot', description: 'Take the interaction a new_interaction event announced' },
			{ name: 'Finish', value: 'finish', action: 'Finish an interaction as the bot' },
			{
				name: 'Send and Wait for Reply',
				value: 'sendAndWait',
				action: 'Send a message and wait for the reply',
				description: 'Send a message as the bot, then wait for the customer\'s answer (outcome reply, customerLeft or noReply)',
			},
			{ name: 'Send Message', value: 'sendMessage', action: 'Send a message as the bot' },
			{
				name: 'Transfer',
				value: 'transfer',
				action: 'Transfer an interaction to people',
				description: 'Hand the interaction over to a department\'s agents',
			},
		],
	},
	// After Operation, not between Resource and Operation: the form reads resource, operation, then what to know.
	{
		displayName: 'Zenvia support must enable an external bot for the department and point it at a Zenvia Chat Trigger listening for bot events. These calls take the ClientSDK token.',
		name: 'botNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { resource: ['bot'] } },
	},
	...accept.description,
	...sendMessage.description,
	...sendAndWait.description,
	...transfer.description,
	...finish.description,
];
