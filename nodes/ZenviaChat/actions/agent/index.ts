import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as getOnline from './getOnline.operation';
import * as update from './update.operation';

export { create, get, getMany, getOnline, update };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['agent'] } },
		default: 'getMany',
		options: [
			{ name: 'Create', value: 'create', action: 'Create an agent' },
			{ name: 'Get', value: 'get', action: 'Get an agent' },
			{ name: 'Get Many', value: 'getMany', action: 'Get many agents' },
			{
				name: 'Get Online',
				value: 'getOnline',
				action: 'Get online agents',
				description: 'How many agents are online, up to 3 of them, and the average answer time',
			},
			{ name: 'Update', value: 'update', action: 'Update an agent' },
		],
	},
	...getOnline.description,
	...getMany.description,
	...get.description,
	...create.description,
	...update.description,
];
