import type { IDataObject } from 'n8n-workflow';

/** Request and answer bodies of WhatsApp API v1 (whatsapp-api-v1.md). */

/** The customer as WhatsApp API v1 knows them: `external_id` is the caller's own id for them. */
export interface WhatsAppCustomer extends IDataObject {
	external_id: string;
	name?: string;
	email?: string;
	phone?: string;
	cpf?: string;
}

export interface SendWhatsAppMessageBody extends IDataObject {
	content: string;
	/** 'text', or the MIME type of the media found at `url`. */
	content_type: string;
	url?: string;
	department_id: number;
	customer: WhatsAppCustomer;
	extra?: IDataObject;
	external_history?: string;
}

export interface SendWhatsAppMessageAnswer extends IDataObject {
	message: string;
	data?: { message_hash?: string };
}

/** Typing and stopped typing carry the customer alone. */
export interface CustomerSignalBody extends IDataObject {
	customer: { external_id: string };
}

export interface CustomerSignalAnswer extends IDataObject {
	message: string;
	status?: number;
}

export interface Department extends IDataObject {
	id: number | string;
	name?: string;
	/** Interactions cannot be opened in an inactive department. */
	active?: boolean;
}

/** The document shows no answer; a bare list is what is served, a `data` wrapper is read too. */
export type DepartmentsAnswer = Department[] | { data?: Department[] };
