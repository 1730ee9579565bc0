import type { INodeProperties } from 'n8n-workflow';

import * as createOrUpdate from './createOrUpdate.operation';
import * as getFormFields from './getFormFields.operation';

export { createOrUpdate, getFormFields };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['customer'] } },
		default: 'createOrUpdate',
		options: [
			{
				name: 'Create or Update',
				value: 'createOrUpdate',
				action: 'Create or update customers',
				description: 'Save CRM customers in bulk: a customer whose unique field is known is updated',
			},
			{
				name: 'Get Form Fields',
				value: 'getFormFields',
				action: 'Get the customer form fields',
				description: 'List the fields of the account\'s customer form',
			},
		],
	},
	...createOrUpdate.description,
	...getFormFields.description,
];
