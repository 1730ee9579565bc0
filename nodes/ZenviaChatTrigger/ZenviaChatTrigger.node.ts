import { NodeConnectionTypes } from 'n8n-workflow';
import type { IHookFunctions, INodeType, INodeTypeDescription, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import { testWebhookSecret } from './credentialTest';
import { eventSubtitle, properties } from './description';
import { WEBHOOK_PATH } from './relay';
import { processDesks } from './latestDesks';
import { ensureDesk } from './waits';
import { handleWebhook } from './webhook';

export class ZenviaChatTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Zenvia Chat Trigger',
		name: 'zenviaChatTrigger',
		icon: { light: 'file:../../icons/zenviaChat.svg', dark: 'file:../../icons/zenviaChat.dark.svg' },
		group: ['trigger'],
		// The one version is 2, not 1: n8n evaluates the legacy `options.binaryData` expression on
		// every call to any version-1 webhook node and never for a later version, so with
		// N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE=true a dropped event prepares no expression sandbox.
		version: 2,
		subtitle: eventSubtitle,
		description: 'Starts the workflow when Zenvia Chat posts an interaction event you picked',
		defaults: { name: 'Zenvia Chat Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'zenviaChatWebhookApi', required: false, testedBy: 'testWebhookSecret' }],
		webhooks: [
			{
				name: 'default',
				httpMethod: 'POST',
				responseMode: 'onReceived',
				// Left unset, n8n answers a started workflow with the text "firstEntryJson"; empty,
				// with {"message":"Workflow was started"}.
				responseData: '',
				path: WEBHOOK_PATH,
			},
		],
		properties,
	};

	methods = { credentialTest: { testWebhookSecret } };

	// Zenvia has no API to register a webhook: the user pastes the URL into Zenvia's settings.
	webhookMethods = {
		default: {
			// n8n calls it on every activation and saves static data afterwards: the wait desk (its
			// key and this Production URL) is ready before any execution of the workflow waits.
			async checkExists(this: IHookFunctions): Promise<boolean> {
				// Not for the editor's test listener, whose URL is not where waiting nodes register.
				if (this.getMode() !== 'manual') ensureDesk(this, processDesks);
				return true;
			},
			async create(this: IHookFunctions): Promise<boolean> {
				return true;
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await handleWebhook.call(this);
	}
}
