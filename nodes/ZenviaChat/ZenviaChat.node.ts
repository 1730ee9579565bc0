import { NodeConnectionTypes } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { requestOptionsField } from './actions/common.descriptions';
import * as interaction from './actions/interaction';
import * as report from './actions/report';
import { router } from './actions/router';
import * as whatsapp from './actions/whatsapp';
import { searchDepartments } from './methods/listSearch';

export class ZenviaChat implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Zenvia Chat',
		name: 'zenviaChat',
		icon: { light: 'file:../../icons/zenviaChat.svg', dark: 'file:../../icons/zenviaChat.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
		description: 'Start and run Zenvia Chat interactions, send WhatsApp messages and read service reports',
		defaults: { name: 'Zenvia Chat' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'zenviaChatApi', required: true }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				default: 'interaction',
				options: [
					{ name: 'Interaction', value: 'interaction' },
					{ name: 'Report', value: 'report' },
					{ name: 'WhatsApp', value: 'whatsapp' },
				],
			},
			...interaction.description,
			...whatsapp.description,
			...report.description,
			requestOptionsField,
		],
	};

	methods = { listSearch: { searchDepartments } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
