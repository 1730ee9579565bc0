import type { IDataObject, IHttpRequestMethods } from 'n8n-workflow';

/** The two Zenvia hosts: the Chat API (interactions, reports) and WhatsApp API v1 (with departments). */
export type ZenviaApi = 'chat' | 'whatsapp' | 'bot';

/** Which token an endpoint takes: the Chat API token or the ClientSDK token. */
export type ZenviaTokenKind = 'chatApi' | 'clientSdk';

export interface ZenviaRequest {
	api: ZenviaApi;
	token?: ZenviaTokenKind;
	method: IHttpRequestMethods;
	/** Path below the base URL, with every path parameter already URL-encoded. */
	path: string;
	body?: IDataObject;
	qs?: IDataObject;
	/** Secrets the request carries besides the token (an agent's password), hidden from every answer and error. */
	secrets?: string[];
}

export interface ZenviaCredentials {
	issuedFrom: 'chatApi' | 'clientSdk';
	token: string;
	environment: 'production' | 'homologation';
	chatApiBaseUrl?: string;
	whatsappApiBaseUrl?: string;
	botApiBaseUrl?: string;
}

/** The error bodies Zenvia answers with: `{message, status}` or `{error, status, success}`. */
export interface ZenviaErrorBody {
	message?: unknown;
	error?: unknown;
	error_type?: unknown;
	status?: unknown;
	success?: unknown;
	errors?: unknown;
}
