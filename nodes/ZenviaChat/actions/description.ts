import type { INodeProperties } from 'n8n-workflow';

import { holdsExpression } from '../helpers/parameters';
import { operationNamesOf } from '../operationNames';
import * as agent from './agent';
import * as bot from './bot';
import * as customer from './customer';
import * as department from './department';
import * as interaction from './interaction';
import * as report from './report';
import * as task from './task';
import * as whatsapp from './whatsapp';

/** The node's form: the resource, then each resource's operations and fields, each operation's Options last. */
export const properties: INodeProperties[] = [
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		default: 'interaction',
		options: [
			{ name: 'Agent', value: 'agent' },
			{ name: 'Bot', value: 'bot' },
			{ name: 'Customer', value: 'customer' },
			{ name: 'Department', value: 'department' },
			{ name: 'Interaction', value: 'interaction' },
			{ name: 'Report', value: 'report' },
			{ name: 'Task', value: 'task' },
			{ name: 'WhatsApp', value: 'whatsapp' },
		],
	},
	...department.description,
	...interaction.description,
	...whatsapp.description,
	...report.description,
	...customer.description,
	...agent.description,
	...task.description,
	...bot.description,
];

/** The editor's names of every resource and operation, read from the form itself. */
export const operationNames = operationNamesOf(properties);

/** The parameters whose default (in any operation's form) is an expression, read per item even when left at it. */
export const defaultsWithExpressions: ReadonlySet<string> = new Set(
	properties.filter((property) => holdsExpression(property.default)).map((property) => property.name),
);
