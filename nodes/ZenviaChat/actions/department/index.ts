import type { INodeProperties } from 'n8n-workflow';

import * as getAll from './getAll.operation';

export { getAll };

/** Departments as the Chat API lists them, with the Chat API token. */
export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['department'] } },
		default: 'getAll',
		options: [
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many departments',
				description:
					'List the account\'s departments from the Chat API (GET /api/external/departments, Chat API token), with their agents, channels and state',
			},
		],
	},
	...getAll.description,
];
