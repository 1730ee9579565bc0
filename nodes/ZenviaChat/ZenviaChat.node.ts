import { NodeConnectionTypes } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import { operationNames, properties } from './actions/description';
import { router } from './actions/router';
import { resumeWebhook, resumeWebhooks } from './actions/waits/resume';
import { zenviaChatApiTest } from './methods/credentialTest';
import { searchAgents, searchChatDepartments, searchClientSdkDepartments, searchOngoingInteractions } from './methods/listSearch';
import { getTimezones } from './methods/loadOptions';
import { getCustomerColumns } from './methods/resourceMapping';
import { subtitleOf } from './operationNames';

/** Built once: the table of operation names it holds is the same for every node instance. */
const subtitle = subtitleOf(operationNames);

export class ZenviaChat implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Zenvia Chat',
		name: 'zenviaChat',
		icon: { light: 'file:../../icons/zenviaChat.svg', dark: 'file:../../icons/zenviaChat.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle,
		description: 'Run Zenvia Chat interactions, WhatsApp messages, reports, CRM customers, agents, tasks and an external bot',
		defaults: { name: 'Zenvia Chat' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'zenviaChatApi', required: true, testedBy: 'zenviaChatApiTest' }],
		webhooks: resumeWebhooks,
		properties,
	};

	methods = {
		listSearch: { searchAgents, searchChatDepartments, searchClientSdkDepartments, searchOngoingInteractions },
		loadOptions: { getTimezones },
		credentialTest: { zenviaChatApiTest },
		resourceMapping: { getCustomerColumns },
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await resumeWebhook.call(this);
	}

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
