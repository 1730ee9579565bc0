import type { IDataObject } from 'n8n-workflow';

import { UNKNOWN_EVENT } from './events';
import type { EventPayload, ZenviaEvent } from './events';

type Field = IDataObject[string];

/**
 * The item a workflow receives: the event's name, then the documented fields with camelCase
 * names (`interaction_hash` → `interactionHash`, `external_id` → `externalId`, `department_id` →
 * `departmentId`), and the documented objects `message`, `agent` and `extra` as Zenvia sent them.
 * A field the event does not carry is left out.
 */
export interface TriggerItem extends IDataObject {
	event: ZenviaEvent | typeof UNKNOWN_EVENT;
	interactionHash: string;
	/** Only for `unknown`, whose name says nothing about what Zenvia sent. */
	state?: Field;
	externalId?: Field;
	position?: Field;
	departmentId?: Field;
	message?: Field;
	agent?: Field;
	extra?: Field;
	content?: Field;
	contentType?: Field;
}

const RENAMED: Array<[keyof EventPayload & string, keyof TriggerItem & string]> = [
	['external_id', 'externalId'],
	['position', 'position'],
	['department_id', 'departmentId'],
	['message', 'message'],
	['agent', 'agent'],
	['extra', 'extra'],
	['content', 'content'],
	['content_type', 'contentType'],
];

export function toItem(event: TriggerItem['event'], payload: EventPayload): TriggerItem {
	const item: TriggerItem = { event, interactionHash: String(payload.interaction_hash) };
	if (event === UNKNOWN_EVENT && payload.state !== undefined) item.state = payload.state;
	for (const [from, to] of RENAMED) {
		if (payload[from] !== undefined) item[to] = payload[from];
	}
	return item;
}
