import type { IDataObject, IHttpRequestMethods } from 'n8n-workflow';

import type { ZenviaTokenKind } from '../../../credentials/ZenviaChatApi.credentials';

export type { ZenviaTokenKind } from '../../../credentials/ZenviaChatApi.credentials';

/**
 * The Zenvia hosts: the Chat API (interactions, reports, account data), WhatsApp API v1 and the
 * external bot API.
 */
export type ZenviaApi = 'chat' | 'whatsapp' | 'bot';

/** The documented success answer: an object (default), or a list that may also come bare. */
export type ZenviaAnswerShape = 'object' | 'objectOrList';

export interface ZenviaRequest {
	/** Which base URL the request goes to. */
	api: ZenviaApi;
	/** Which token the endpoint takes, as its document says; hosts do not decide it. */
	token: ZenviaTokenKind;
	method: IHttpRequestMethods;
	/** Path below the base URL, with every path parameter already URL-encoded. */
	path: string;
	body?: IDataObject;
	qs?: IDataObject;
	answer?: ZenviaAnswerShape;
	/**
	 * Zenvia's refusal (its message) meaning an earlier attempt of this same request took effect
	 * though its answer was lost, e.g. "Interaction already finished" for a retried finish.
	 */
	doneOnRetry?: RegExp;
	/**
	 * What a write's answer must carry for the workflow's next step (e.g. "an interaction hash"):
	 * an empty 2xx then fails the item instead of passing as a success.
	 */
	expects?: string;
	/** The answer may list refused entries beside saved ones (customers): the operation reads them. */
	partialSuccess?: boolean;
	/** Secrets the request carries besides the token (an agent's password), hidden from every answer and error. */
	secrets?: string[];
}

export interface ZenviaCredentials {
	chatApiToken?: string;
	clientSdkToken?: string;
	environment: 'production' | 'homologation';
	customBaseUrls?: boolean;
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
