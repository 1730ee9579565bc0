import type { INodeProperties } from 'n8n-workflow';

import * as importOperation from './import.operation';

export { importOperation as import };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['task'] } },
		default: 'import',
		options: [
			{
				name: 'Import',
				value: 'import',
				action: 'Import tasks',
				description: 'Give agents tasks about customers, in bulk: one input item per task',
			},
		],
	},
	...importOperation.description,
];
