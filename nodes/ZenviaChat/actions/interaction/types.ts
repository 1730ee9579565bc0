import type { IDataObject } from 'n8n-workflow';

/** Request and answer bodies of the Chat API's interaction endpoints (interactions-api.md). */

export type MediaType = 'TEXT' | 'SMS' | 'WHATSAPP' | 'INSTAGRAM' | 'TELEGRAM';
export type MessageType = 'text' | 'image' | 'video' | 'audio' | 'file';
export type Mood = 'POSITIVE' | 'NEGATIVE';

export interface StartInteractionBody extends IDataObject {
	department_id: number;
	media_type: MediaType;
	customer?: IDataObject;
	extra?: IDataObject;
	external_history?: string;
}

export interface StartInteractionAnswer extends IDataObject {
	message: string;
	data: { interaction_hash: string };
}

export interface UpdateInteractionBody extends IDataObject {
	mood?: Mood;
	tag_ids?: string[];
	customer_key?: string;
	note?: string;
}

export interface SendMessageBody extends IDataObject {
	content: string;
	type: MessageType;
	url?: string;
}

/** The answer shared by update, typing, cleared and finish. */
export interface InteractionAnswer extends IDataObject {
	message: string;
	status?: number;
	data?: { interaction_hash?: string };
}
