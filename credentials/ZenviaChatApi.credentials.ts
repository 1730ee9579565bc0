import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

/** Where Zenvia serves each API; the credential may override each one. */
export const ZENVIA_BASE_URLS = {
	chat: 'https://zchat.zenvia.io',
	whatsappProduction: 'https://services.omnize.com.br',
	whatsappHomologation: 'https://homolog.services.omnize.com.br',
	botProduction: 'https://core.omnize.com.br',
	botHomologation: 'https://homolog.core.omnize.com.br',
} as const;

/** The two kinds of token a Zenvia account issues, from two admin screens. */
export type ZenviaTokenKind = 'chatApi' | 'clientSdk';

/** One description per token kind: the field that holds it and the words every message uses. */
export const ZENVIA_TOKENS: Record<
	ZenviaTokenKind,
	{ field: 'chatApiToken' | 'clientSdkToken'; label: string; screen: string }
> = {
	chatApi: {
		field: 'chatApiToken',
		label: 'Chat API Token',
		screen: 'Menu > Settings > Integrations > API',
	},
	clientSdk: {
		field: 'clientSdkToken',
		label: 'ClientSDK Token',
		screen: 'Menu > Settings > Integrations > ClientSDK',
	},
};

/**
 * The key under which the node hands `authenticate` the one token a request takes. The node reads
 * the credential once per execution and passes this copy to n8n, so n8n does not decrypt again.
 */
export const SELECTED_TOKEN_KEY = 'selectedToken';

/**
 * One credential per Zenvia account. Each operation sends the token its API documents, so a
 * workflow that both runs interactions and sends WhatsApp messages needs only this credential.
 */
export class ZenviaChatApi implements ICredentialType {
	name = 'zenviaChatApi';

	displayName = 'Zenvia Chat API';

	icon = { light: 'file:../icons/zenviaChat.svg', dark: 'file:../icons/zenviaChat.dark.svg' } as const;

	documentationUrl = 'https://www.npmjs.com/package/n8n-nodes-zenvia-chat#credentials';

	properties: INodeProperties[] = [
		{
			displayName: 'Chat API Token',
			name: ZENVIA_TOKENS.chatApi.field,
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description: `From ${ZENVIA_TOKENS.chatApi.screen} in the Zenvia admin. Used by Interaction, Report and Department operations.`,
		},
		{
			displayName: 'ClientSDK Token',
			name: ZENVIA_TOKENS.clientSdk.field,
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description: `From ${ZENVIA_TOKENS.clientSdk.screen} in the Zenvia admin. Used by WhatsApp, Customer, Agent, Task and Bot operations.`,
		},
		{
			displayName: 'Environment',
			name: 'environment',
			type: 'options',
			default: 'production',
			options: [
				{ name: 'Production', value: 'production' },
				{ name: 'Homologation (WhatsApp API V1 and Bot Only)', value: 'homologation' },
			],
			description:
				'Homologation sends WhatsApp API v1 calls to homolog.services.omnize.com.br and bot calls to homolog.core.omnize.com.br',
		},
		{
			displayName: 'Chat API Base URL',
			name: 'chatApiBaseUrl',
			type: 'string',
			default: '',
			placeholder: ZENVIA_BASE_URLS.chat,
			description:
				'Leave empty for Zenvia. Set it to reach the Chat API through a proxy or a local emulator.',
		},
		{
			displayName: 'WhatsApp API V1 Base URL',
			name: 'whatsappApiBaseUrl',
			type: 'string',
			default: '',
			placeholder: ZENVIA_BASE_URLS.whatsappProduction,
			description:
				'Leave empty to follow the environment. Set it to reach WhatsApp API v1 through a proxy or a local emulator.',
		},
		{
			displayName: 'Bot API Base URL',
			name: 'botApiBaseUrl',
			type: 'string',
			default: '',
			placeholder: ZENVIA_BASE_URLS.botProduction,
			description:
				'Leave empty to follow the environment. Set it to reach the external bot API through a proxy or a local emulator.',
		},
	];

	/**
	 * Reads send the token as the `token` query parameter; writes send it in the JSON body. The
	 * node says which token a request takes; a request from elsewhere (the HTTP Request node with
	 * this credential) gets the Chat API token, or the ClientSDK token when only that one is set.
	 */
	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const selected = credentials[SELECTED_TOKEN_KEY];
		const token =
			typeof selected === 'string'
				? selected
				: String(credentials.chatApiToken || credentials.clientSdkToken || '');
		if ((requestOptions.method ?? 'GET') === 'GET') {
			return { ...requestOptions, qs: { ...requestOptions.qs, token } };
		}
		const body = (requestOptions.body ?? {}) as Record<string, unknown>;
		return { ...requestOptions, body: { ...body, token } };
	}
}
