import type { IDataObject } from 'n8n-workflow';

/**
 * The events Zenvia posts to the webhook URL, from the "Triggers" sections of
 * interactions-api.md (Chat API: events carry `extra`) and whatsapp-api-v1.md (WhatsApp API v1:
 * events carry `external_id`). All but `message` are told apart by their `state`.
 */
export const EVENTS = [
	{ value: 'queued', name: 'Queued', description: 'The interaction entered the queue (carries its position)' },
	{ value: 'accepted', name: 'Accepted', description: 'An agent accepted the interaction' },
	{ value: 'unavailable', name: 'Unavailable', description: 'No agent is available for the interaction' },
	{ value: 'finished', name: 'Finished', description: 'An agent finished the interaction' },
	{ value: 'typing', name: 'Agent Typing', description: 'An agent started typing. Frequent: each one costs an execution.' },
	{ value: 'cleared', name: 'Agent Stopped Typing', description: 'An agent stopped typing. Frequent: each one costs an execution.' },
	{ value: 'transferred', name: 'Transferred', description: 'An agent moved the interaction to another department (WhatsApp API v1)' },
	{ value: 'message', name: 'Agent Message', description: 'An agent sent a message (text or media)' },
	// Posted to a department's external bot (more-zenvia-apis.md), told apart by `type`.
	{ value: 'new_interaction', name: 'Bot: New Interaction', description: 'An interaction waits for the bot to accept it (carries its department)' },
	{ value: 'new_message', name: 'Bot: Customer Message', description: 'The customer wrote to the bot (carries content and content type)' },
	{ value: 'finished_interaction', name: 'Bot: Interaction Finished', description: 'An interaction the bot served has ended' },
] as const;

export const BOT_TYPES: readonly string[] = ['new_interaction', 'new_message', 'finished_interaction'];

export type ZenviaEvent = (typeof EVENTS)[number]['value'];

/** What a payload the node does not recognise becomes when "Pass Unknown States Through" is on. */
export const UNKNOWN_EVENT = 'unknown';

/** The event filter's value meaning "every documented event". */
export const ALL_EVENTS = '*';

export const STATES: readonly string[] = EVENTS.map((event) => event.value).filter(
	(value) => value !== 'message' && !BOT_TYPES.includes(value),
);

type Field = IDataObject[string];

/**
 * A posted event with the fields the documents show. Nothing is trusted: any field may be
 * missing or of another type when the caller is not Zenvia, so each use checks what it reads.
 */
export interface EventPayload extends IDataObject {
	interaction_hash?: Field;
	/** Every event but the agent's new message. */
	state?: Field;
	/** WhatsApp API v1 events: the customer's id in the caller's system. */
	external_id?: Field;
	/** `queued` */
	position?: Field;
	/** `transferred`, a string in the document */
	department_id?: Field;
	/** `message`: `{ hash?, content, type, url? }` */
	message?: Field;
	/** `message`: `{ id, name }` */
	agent?: Field;
	/** Chat API events: what the caller passed when starting the interaction. */
	extra?: Field;
	/** Bot events: `new_interaction`, `new_message` or `finished_interaction`. */
	type?: Field;
	/** Bot `new_message`: what the customer wrote, and its kind (text, image...). */
	content?: Field;
	content_type?: Field;
}

export function isPlainObject(value: unknown): value is IDataObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The event a payload announces, or `unknown` for a `state` the documents do not list (or a
 * payload with neither a `state` nor a `message` object). The agent's new message is the one
 * interaction event without a `state`; the bot events carry a `type` instead.
 */
export function classify(payload: EventPayload): ZenviaEvent | typeof UNKNOWN_EVENT {
	if (typeof payload.type === 'string' && BOT_TYPES.includes(payload.type)) return payload.type as ZenviaEvent;
	if (payload.state === undefined || payload.state === null) {
		return isPlainObject(payload.message) ? 'message' : UNKNOWN_EVENT;
	}
	return typeof payload.state === 'string' && STATES.includes(payload.state)
		? (payload.state as ZenviaEvent)
		: UNKNOWN_EVENT;
}
