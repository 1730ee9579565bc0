import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

/** Where Zenvia serves each API; the credential may override both. */
export const ZENVIA_BASE_URLS = {
	chat: 'https://zchat.zenvia.io',
	whatsappProduction: 'https://services.omnize.com.br',
	whatsappHomologation: 'https://homolog.services.omnize.com.br',
	botProduction: 'https://core.omnize.com.br',
	botHomologation: 'https://homolog.core.omnize.com.br',
} as const;

/**
 * Zenvia issues two kinds of token from two admin screens. Interactions and reports take the
 * Chat API token; WhatsApp API v1 takes the ClientSDK token. A user keeps one credential per kind.
 */
export class ZenviaChatApi implements ICredentialType {
	name = 'zenviaChatApi';

	displayName = 'Zenvia Chat API';

	icon = { light: 'file:../icons/zenviaChat.svg', dark: 'file:../icons/zenviaChat.dark.svg' } as const;

	documentationUrl = 'https://zchat-admin.zenvia.com/integrations';

	properties: INodeProperties[] = [
		{
			displayName: 'Token Kind',
			name: 'issuedFrom',
			type: 'options',
			default: 'chatApi',
			options: [
				{
					name: 'Chat API Token (for Interaction and Report)',
					value: 'chatApi',
					description:
						'Generated in zchat-admin.zenvia.com under Menu > Settings > Integrations > API',
				},
				{
					name: 'ClientSDK Token (for WhatsApp)',
					value: 'clientSdk',
					description:
						'Generated in app.omnize.com.br under Menu > Settings > Integrations > ClientSDK',
				},
			],
			description:
				'Which admin screen the token comes from. Use one credential per kind when a workflow uses both.',
		},
		{
			displayName: 'Token',
			name: 'token',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description:
				'Generating a new token in Zenvia disables the previous one: update this field when you do',
		},
		{
			displayName: 'Environment',
			name: 'environment',
			type: 'options',
			default: 'production',
			options: [
				{ name: 'Production', value: 'production' },
				{ name: 'Homologation (WhatsApp API V1 Only)', value: 'homologation' },
			],
			description: 'Homologation sends WhatsApp API v1 calls to homolog.services.omnize.com.br',
		},
		{
			displayName: 'Chat API Base URL',
			name: 'chatApiBaseUrl',
			type: 'string',
			default: '',
			placeholder: 'https://zchat.zenvia.io',
			description:
				'Leave empty for Zenvia. Set it to reach the Chat API through a proxy or a local emulator.',
		},
		{
			displayName: 'WhatsApp API V1 Base URL',
			name: 'whatsappApiBaseUrl',
			type: 'string',
			default: '',
			placeholder: 'https://services.omnize.com.br',
			description:
				'Leave empty to follow the environment. Set it to reach WhatsApp API v1 through a proxy or a local emulator.',
		},
	];

	/** Reads send the token as the `token` query parameter; writes send it in the JSON body. */
	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const token = credentials.token as string;
		if ((requestOptions.method ?? 'GET') === 'GET') {
			return { ...requestOptions, qs: { ...requestOptions.qs, token } };
		}
		const body = (requestOptions.body ?? {}) as Record<string, unknown>;
		return { ...requestOptions, body: { ...body, token } };
	}

	// A harmless read that each token kind is allowed to make.
	test: ICredentialTestRequest = {
		request: {
			baseURL:
				`={{ $credentials.issuedFrom === "clientSdk" ? ($credentials.whatsappApiBaseUrl || ($credentials.environment === "homologation" ? "${ZENVIA_BASE_URLS.whatsappHomologation}" : "${ZENVIA_BASE_URLS.whatsappProduction}")) : ($credentials.chatApiBaseUrl || "${ZENVIA_BASE_URLS.chat}") }}`,
			url: '={{ $credentials.issuedFrom === "clientSdk" ? "/api/v1/departments" : "/api/ms/external/ongoing" }}',
			method: 'GET',
			qs: { limit: 1 },
		},
	};
}
