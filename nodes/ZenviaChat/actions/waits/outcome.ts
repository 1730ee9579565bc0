import type { IDataObject } from 'n8n-workflow';

/*
 * What a wait outputs: one item whose `outcome` says how it ended, the same field for every wait,
 * so one Switch on {{ $json.outcome }} branches:
 *   Bot > Send and Wait for Reply   reply | customerLeft | noReply
 *   Interaction > Wait for Event     event | timeout
 */

export type Outcome = 'reply' | 'customerLeft' | 'noReply' | 'event' | 'timeout';

/** The event as the trigger outputs it (camelCase fields, `event` first). */
export interface DeliveredItem extends IDataObject {
	event: string;
	interactionHash: string;
}

export interface WaitOutput extends IDataObject {
	outcome: Outcome;
	waitedMs: number;
}

/** The events that end a bot's wait for a reply. */
export const REPLY_EVENTS = ['new_message', 'finished_interaction'];

/** Send and Wait for Reply, resumed by an event: the customer's message, or the customer leaving. */
export function replyOutcome(item: DeliveredItem, waitedMs: number): WaitOutput {
	if (item.event === 'new_message') {
		return { outcome: 'reply', interactionHash: item.interactionHash, content: item.content ?? '', contentType: item.contentType ?? 'text', waitedMs };
	}
	return { outcome: 'customerLeft', interactionHash: item.interactionHash, waitedMs };
}

/** Wait for Event, resumed by an event: the event as the trigger gives it. */
export function eventOutcome(item: DeliveredItem, waitedMs: number): WaitOutput {
	return { outcome: 'event', ...item, waitedMs };
}

/** What the wait gives when its limit ends it (n8n then outputs this item, set aside before waiting). */
export function limitOutcome(outcome: 'noReply' | 'timeout', conversation: IDataObject, waitedMs: number): WaitOutput {
	return { outcome, ...conversation, waitedMs };
}

/** Whether the body the trigger posted to the resume URL holds an event. */
export function deliveredItem(body: unknown): DeliveredItem | undefined {
	const item = (body as IDataObject | undefined)?.item as IDataObject | undefined;
	if (!item || typeof item !== 'object' || typeof item.event !== 'string' || typeof item.interactionHash !== 'string') return undefined;
	return item as DeliveredItem;
}
