import type { IDataObject, IHttpRequestMethods } from 'n8n-workflow';

/** The two Zenvia hosts: the Chat API (interactions, reports) and WhatsApp API v1 (with departments). */
export type ZenviaApi = 'chat' | 'whatsapp';

/** The documented success answer: an object (default), or a list that may also come bare. */
export type ZenviaAnswerShape = 'object' | 'objectOrList';

export interface ZenviaRequest {
	api: ZenviaApi;
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
}

export interface ZenviaCredentials {
	issuedFrom: 'chatApi' | 'clientSdk';
	token: string;
	environment: 'production' | 'homologation';
	chatApiBaseUrl?: string;
	whatsappApiBaseUrl?: string;
}

/** The error bodies Zenvia answers with: `{message, status}` or `{error, status, success}`. */
export interface ZenviaErrorBody {
	message?: unknown;
	error?: unknown;
	error_type?: unknown;
	status?: unknown;
	success?: unknown;
}
