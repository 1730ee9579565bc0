import type { ICredentialType, INodeProperties } from 'n8n-workflow';

/** Where the caller may put the shared secret: Zenvia's webhook settings only take a URL. */
export const SECRET_QUERY_PARAMETER = 'secret';
export const SECRET_HEADER = 'x-zenvia-secret';

/**
 * The Zenvia Chat Trigger's shared secret. It lives in a credential, not in a node parameter,
 * because n8n encrypts credentials while it stores and exports node parameters as they are.
 */
export class ZenviaChatWebhookApi implements ICredentialType {
	name = 'zenviaChatWebhookApi';

	displayName = 'Zenvia Chat Webhook API';

	icon = { light: 'file:../icons/zenviaChat.svg', dark: 'file:../icons/zenviaChat.dark.svg' } as const;

	documentationUrl = 'https://zchat-admin.zenvia.com/integrations';

	properties: INodeProperties[] = [
		{
			displayName: 'Shared Secret',
			name: 'secret',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description:
				`A call must carry it in the "${SECRET_QUERY_PARAMETER}" query parameter of the webhook URL (or the ` +
				`${SECRET_HEADER} header), otherwise it is answered 401 and starts nothing. Zenvia signs nothing, ` +
				`so this is what keeps strangers from starting the workflow. End the URL you paste into Zenvia ` +
				`with ?${SECRET_QUERY_PARAMETER}=<this secret> (URL-encoded).`,
		},
	];

}
