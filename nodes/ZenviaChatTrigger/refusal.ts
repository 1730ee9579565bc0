import type { IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

/** Why a request is answered with an error instead of starting the workflow. */
export interface Refusal {
	status: 400 | 401 | 403 | 422;
	message: string;
}

/**
 * Answers the caller with the refusal as JSON and tells n8n the response is written, so no
 * execution starts. (Throwing instead would make n8n record a failed execution.)
 */
export function refuse(context: IWebhookFunctions, refusal: Refusal): IWebhookResponseData {
	context.getResponseObject().status(refusal.status).json({ message: refusal.message });
	return { noWebhookResponse: true };
}
