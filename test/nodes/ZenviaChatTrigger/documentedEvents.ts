import type { IDataObject } from 'n8n-workflow';

/**
 * Every payload of the "Triggers" sections, copied verbatim from interactions-api.md (Chat API)
 * and whatsapp-api-v1.md (WhatsApp API v1), with the event each one must be classified as.
 */
export interface DocumentedEvent {
	source: string;
	event: string;
	payload: IDataObject;
}

const HASH = '322e458c-540c-4c11-ab5c-d38d39f57213';

export const chatApiEvents: DocumentedEvent[] = [
	{
		source: 'Interaction added to queue',
		event: 'queued',
		payload: { interaction_hash: HASH, state: 'queued', position: 1, extra: {} },
	},
	{ source: 'Agent accepts interaction', event: 'accepted', payload: { interaction_hash: HASH, state: 'accepted', extra: {} } },
	{
		source: 'In case of unavailable agents',
		event: 'unavailable',
		payload: { interaction_hash: HASH, state: 'unavailable', extra: {} },
	},
	{ source: 'Agent finish interaction', event: 'finished', payload: { interaction_hash: HASH, state: 'finished', extra: {} } },
	{ source: 'Agent typing', event: 'typing', payload: { interaction_hash: HASH, state: 'typing', extra: {} } },
	{ source: 'Agent stop typing', event: 'cleared', payload: { interaction_hash: HASH, state: 'cleared', extra: {} } },
	{
		source: 'Agent new message',
		event: 'message',
		payload: {
			interaction_hash: HASH,
			message: { hash: '3110a5da-87c7-4f6d-a4ab-2b1ed5edfd46', content: 'Message', type: 'text', url: 'http://...' },
			agent: { id: 111, name: 'Atendente' },
			extra: {},
		},
	},
];

export const whatsAppApiEvents: DocumentedEvent[] = [
	{
		source: 'Agent finish interaction',
		event: 'finished',
		payload: { external_id: 'abcd1234', interaction_hash: HASH, state: 'finished' },
	},
	{ source: 'Agent typing', event: 'typing', payload: { external_id: 'abcd1234', interaction_hash: HASH, state: 'typing' } },
	{
		source: 'Agent stop typing',
		event: 'cleared',
		payload: { external_id: 'abcd1234', interaction_hash: HASH, state: 'cleared' },
	},
	{
		source: 'Agent new message',
		event: 'message',
		payload: {
			external_id: 'abcd1234',
			interaction_hash: HASH,
			message: { content: 'Message', type: 'text' },
			agent: { id: 123, name: 'Agent' },
		},
	},
	{
		source: 'Agent transfer interaction to department',
		event: 'transferred',
		payload: { external_id: 'abcd1234', interaction_hash: HASH, state: 'transferred', department_id: '1545' },
	},
];

/** The events Zenvia posts to a department's external bot (more-zenvia-apis.md, "External bot"). */
export const botEvents: DocumentedEvent[] = [
	{ source: 'Bot: new interaction', event: 'new_interaction', payload: { type: 'new_interaction', interaction_hash: HASH, department_id: 99999 } },
	{
		source: 'Bot: new message',
		event: 'new_message',
		payload: { type: 'new_message', interaction_hash: HASH, content: 'I want to talk to a person', content_type: 'text' },
	},
	{ source: 'Bot: finished interaction', event: 'finished_interaction', payload: { type: 'finished_interaction', interaction_hash: HASH } },
];

export const allDocumentedEvents = [...chatApiEvents, ...whatsAppApiEvents, ...botEvents];

export const ALL_EVENT_NAMES = [
	'queued', 'accepted', 'unavailable', 'finished', 'typing', 'cleared', 'transferred', 'message',
	'new_interaction', 'new_message', 'finished_interaction',
];
