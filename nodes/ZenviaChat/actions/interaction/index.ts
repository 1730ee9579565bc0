import type { INodeProperties } from 'n8n-workflow';

import * as finish from './finish.operation';
import * as leaveMessageForTeam from './leaveMessageForTeam.operation';
import * as notifyStoppedTyping from './notifyStoppedTyping.operation';
import * as notifyTyping from './notifyTyping.operation';
import * as sendMessage from './sendMessage.operation';
import * as start from './start.operation';
import * as update from './update.operation';
import * as waitForEvent from './waitForEvent.operation';

export { finish, leaveMessageForTeam, notifyStoppedTyping, notifyTyping, sendMessage, start, update, waitForEvent };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['interaction'] } },
		default: 'start',
		options: [
			{
				name: 'Finish',
				value: 'finish',
				action: 'Finish an interaction',
				description: 'Close the interaction',
			},
			{
				name: 'Leave Message for Team',
				value: 'leaveMessageForTeam',
				action: 'Leave a message for the team of a department',
				description:
					'When nobody can chat now: leave the customer\'s message for a department\'s team, who answer later by e-mail (Zenvia\'s offcontact message, POST /core/api/v1/offcontact)',
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
				action: 'Send a message in an interaction',
				description: 'Send a text or media message as the customer',
			},
			{
				name: 'Start',
				value: 'start',
				action: 'Start an interaction',
				description: 'Open a new interaction for a customer in a department',
			},
			{
				name: 'Update',
				value: 'update',
				action: 'Update an interaction',
				description: 'Set the mood, tags, customer key or note',
			},
			{
				name: 'Wait for Event',
				value: 'waitForEvent',
				action: 'Wait for an event of an interaction',
				description: 'Pause the execution until the interaction is accepted, answered, transferred or finished (outcome event or timeout)',
			},
		],
	},
	...start.description,
	...update.description,
	...sendMessage.description,
	...notifyTyping.description,
	...notifyStoppedTyping.description,
	...finish.description,
	...leaveMessageForTeam.description,
	...waitForEvent.description,
];
