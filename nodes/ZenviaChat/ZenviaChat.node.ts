import { NodeConnectionTypes } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';

import * as department from './actions/department';
import * as interaction from './actions/interaction';
import * as report from './actions/report';
import { router } from './actions/router';
import * as whatsapp from './actions/whatsapp';
import { zenviaChatApiTest } from './methods/credentialTest';
import { searchChatDepartments, searchWhatsAppDepartments } from './methods/listSearch';
import { getTimezones } from './methods/loadOptions';
import { operationNamesOf, registerOperationNames, subtitleOf } from './operationNames';

const properties: INodeTypeDescription['properties'] = [
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		default: 'interaction',
		options: [
			{ name: 'Department', value: 'department' },
			{ name: 'Interaction', value: 'interaction' },
			{ name: 'Report', value: 'report' },
			{ name: 'WhatsApp', value: 'whatsapp' },
		],
	},
	...department.description,
	...interaction.description,
	...whatsapp.description,
	...report.description,
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
		description: 'Start and run Zenvia Chat interactions, send WhatsApp messages and read service reports',
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
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
