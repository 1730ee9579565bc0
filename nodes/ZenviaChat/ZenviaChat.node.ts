import { NodeConnectionTypes } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';

import * as agent from './actions/agent';
import { batchingField } from './actions/batching';
import * as bot from './actions/bot';
import { requestOptionsField } from './actions/common.descriptions';
import * as customer from './actions/customer';
import * as department from './actions/department';
import * as interaction from './actions/interaction';
import * as report from './actions/report';
import { router } from './actions/router';
import * as task from './actions/task';
import * as whatsapp from './actions/whatsapp';
import { zenviaChatApiTest } from './methods/credentialTest';
import { searchChatDepartments, searchWhatsAppDepartments } from './methods/listSearch';
import { getTimezones } from './methods/loadOptions';
import { getCustomerColumns } from './methods/resourceMapping';
import { operationNamesOf, registerOperationNames, subtitleOf } from './operationNames';

const properties: INodeTypeDescription['properties'] = [
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
	batchingField,
	requestOptionsField,
];

const operationNames = operationNamesOf(properties);
registerOperationNames(operationNames);

export class ZenviaChat implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Zenvia Chat',
		name: 'zenviaChat',
		icon: { light: 'file:../../icons/zenviaChat.svg', dark: 'file:../../icons/zenviaChat.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: subtitleOf(operationNames),
		description: 'Run Zenvia Chat interactions, WhatsApp messages, reports, CRM customers, agents, tasks and an external bot',
		defaults: { name: 'Zenvia Chat' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'zenviaChatApi', required: true, testedBy: 'zenviaChatApiTest' }],
		properties,
	};

	methods = {
		listSearch: { searchChatDepartments, searchWhatsAppDepartments },
		loadOptions: { getTimezones },
		credentialTest: { zenviaChatApiTest },
		resourceMapping: { getCustomerColumns },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
