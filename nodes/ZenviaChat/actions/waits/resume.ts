import type { IWebhookDescription, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import { RESUMED_ANSWER } from '../../helpers/waitDesk';
import { APPROVE_QUERY, approvingFromQuery, gateOutput, isHumanReviewGate } from './approval';
import { deliveredItem, eventOutcome, replyOutcome } from './outcome';

/**
 * Where a waiting execution is resumed (Send and Wait for Reply, Wait for Event): n8n's restart
 * webhook /webhook-waiting/<execution>/<node>, as n8n's own send-and-wait nodes declare it. n8n
 * serves it only while an execution waits at the node; it registers nothing anywhere, so the node
 * has no webhookMethods (the lifecycle a trigger's remote webhook needs).
 */
export const resumeWebhooks: IWebhookDescription[] = [
	{
		name: 'default',
		httpMethod: 'POST',
		responseMode: 'onReceived',
		// Empty, n8n answers with webhook()'s webhookResponse; unset, with the text "firstEntryJson".
		responseData: '',
		path: '={{ $nodeId }}',
		restartWebhook: true,
		isFullPath: true,
	},
];

/**
 * The execution custom data entry holding when the current wait began (the `since` its resume URL
 * carries: signed with the URL for Send and Wait for Reply, beside the resume token for Wait for
 * Event). An execution that comes back to the same node waits there again under the same
 * URL path: only the call made for the current wait may resume it.
 */
export const WAIT_SINCE = 'zenviaChatWaitSince';

/** The execution's custom data entry, or undefined where n8n gives none. */
function carried(context: IWebhookFunctions, key: string): string | undefined {
	try {
		return context.customData?.get(key);
	} catch {
		return undefined;
	}
}

/**
 * The waiting node's webhook (n8n's restart webhook, /webhook-waiting/<execution>/<node>): the
 * Zenvia Chat Trigger posts the event here, n8n has already checked the URL's signature or resume
 * token, and what this returns becomes the node's output. The answer carries a marker so the
 * trigger can tell a resume from n8n's own pages.
 */
export async function resumeWebhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
	const item = deliveredItem(this.getBodyData());
	if (!item) {
		this.getResponseObject().status(400).json({ message: 'Expected the event a Zenvia Chat Trigger delivers' });
		return { noWebhookResponse: true };
	}
	const query = this.getQueryData() as { since?: unknown; [APPROVE_QUERY]?: unknown };
	const current = carried(this, WAIT_SINCE);
	if (current !== undefined && String(query.since) !== current) {
		// 409 as n8n answers for an execution that moved on: the trigger then handles the event as
		// an ordinary one (or, after a call of its own that timed out, as delivered by that call).
		this.getResponseObject().status(409).json({ message: 'This event is for an earlier wait of this node; the execution now waits for a newer answer' });
		return { noWebhookResponse: true };
	}
	const since = Number(query.since);
	const waitedMs = Number.isFinite(since) && since > 0 ? Math.max(0, Date.now() - since) : 0;
	const operation = this.getNodeParameter('operation', '') as string;
	let json = operation === 'sendAndWait' ? replyOutcome(item, waitedMs) : eventOutcome(item, waitedMs);
	// n8n's Human-review gate: the AI Agent reads approved, and chatInput as the customer's feedback.
	if (operation === 'sendAndWait' && isHumanReviewGate(this.getNode().type)) json = gateOutput(json, approvingFromQuery(query[APPROVE_QUERY]));
	return {
		webhookResponse: { status: RESUMED_ANSWER },
		workflowData: [[{ json, pairedItem: { item: 0 } }]],
	};
}
