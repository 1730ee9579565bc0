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

/**
 * One description per token kind: the field that holds it, the words every message uses, the
 * admin screen it is copied from and what it serves.
 */
export const ZENVIA_TOKENS: Record<
	ZenviaTokenKind,
	{ field: 'chatApiToken' | 'clientSdkToken'; label: string; screen: string; admin: string; usedBy: string; api: string }
> = {
	chatApi: {
		field: 'chatApiToken',
		label: 'Chat API Token',
		screen: 'Menu > Settings > Integrations > API',
		admin: 'zchat-admin.zenvia.com',
		usedBy: 'Interaction, Report and Department operations',
		api: 'the Chat API',
	},
	clientSdk: {
		field: 'clientSdkToken',
		label: 'ClientSDK Token',
		screen: 'Menu > Settings > Integrations > ClientSDK',
		admin: 'app.omnize.com.br',
		usedBy: 'WhatsApp, Customer, Agent, Task and Bot operations',
		api: 'WhatsApp API v1',
	},
};

/** The three base-URL overrides, shown (and used) only while Custom Base URLs is on. */
export const BASE_URL_FIELDS = ['chatApiBaseUrl', 'whatsappApiBaseUrl', 'botApiBaseUrl'] as const;

type WithOverrides = { customBaseUrls?: unknown } & { [field in (typeof BASE_URL_FIELDS)[number]]?: string };

/**
 * The credential with its base-URL overrides only while Custom Base URLs is on. n8n keeps a hidden
 * field's value when the switch is turned off; it leaves hidden fields out of what it hands the
 * node, and this holds for any other caller (the Test button, a test harness) as well.
 */
export function activeOverrides<T extends WithOverrides>(credentials: T): T {
	if (credentials.customBaseUrls === true) return credentials;
	const active = { ...credentials };
	for (const field of BASE_URL_FIELDS) delete active[field];
	return active;
}

function tokenHint(kind: ZenviaTokenKind): string {
	const { screen, admin, usedBy } = ZENVIA_TOKENS[kind];
	return `In the Zenvia admin (${admin}): ${screen} > Generate Token. Used by ${usedBy}. Generating a new token disables the previous one.`;
}

const customBaseUrlsOnly = { show: { customBaseUrls: [true] } };

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
			hint: tokenHint('chatApi'),
		},
		{
			displayName: 'ClientSDK Token',
			name: ZENVIA_TOKENS.clientSdk.field,
			type: 'string',
			typeOptions: { password: true },
			default: '',
			hint: tokenHint('clientSdk'),
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
			displayName: 'Custom Base URLs',
			name: 'customBaseUrls',
			type: 'boolean',
			default: false,
			description: 'Whether to send the calls to other hosts than Zenvia\'s, e.g. through a proxy or to the local emulator',
		},
		{
			displayName: 'Chat API Base URL',
			name: 'chatApiBaseUrl',
			type: 'string',
			default: '',
			placeholder: ZENVIA_BASE_URLS.chat,
			displayOptions: customBaseUrlsOnly,
			description: 'Where the Chat API is served. Leave empty for Zenvia\'s.',
		},
		{
			displayName: 'WhatsApp API V1 Base URL',
			name: 'whatsappApiBaseUrl',
			type: 'string',
			default: '',
			placeholder: ZENVIA_BASE_URLS.whatsappProduction,
			displayOptions: customBaseUrlsOnly,
			description: 'Where WhatsApp API v1 is served. Leave empty to follow the environment.',
		},
		{
			displayName: 'Bot API Base URL',
			name: 'botApiBaseUrl',
			type: 'string',
			default: '',
			placeholder: ZENVIA_BASE_URLS.botProduction,
			displayOptions: customBaseUrlsOnly,
			description: 'Where the external bot API is served. Leave empty to follow the environment.',
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
