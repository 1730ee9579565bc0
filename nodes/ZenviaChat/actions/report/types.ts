import type { IDataObject } from 'n8n-workflow';

/** Queries and answers of the Reports API (reports-api.md). */

export type GroupBy = 'period' | 'tag' | 'department' | 'channel' | 'agent';

/** The documented `types` values: the channel an interaction happened on. */
export type ChannelType =
	| 'PHONE'
	| 'PHONE_CONF'
	| 'WHATSAPP'
	| 'FACEBOOK'
	| 'EMAIL'
	| 'SMS'
	| 'TELEGRAM'
	| 'TEXT'
	| 'MELI_QST'
	| 'MELI_MSG';

/** Filters shared by the four endpoints; lists are comma-separated. */
export interface ReportQuery extends IDataObject {
	data_type?: GroupBy;
	from?: string;
	to?: string;
	timezone?: string;
	agents?: string;
	departments?: string;
	states?: string;
	types?: string;
	tags?: string;
	/** "true" = sent (started by agents), "false" = received (started by customers). */
	active?: 'true' | 'false';
	search?: string;
}

/** `{ status, success, data }`: every Reports API answer. */
export interface ReportAnswer<Row> {
	status: number;
	success: boolean;
	data: Row[];
}

/** One Digital Channels row: a group (day, tag, ...) or, titled "Total", all of them. */
export interface DigitalChannelsRow extends IDataObject {
	title: string;
	backlog: number;
	received: number;
	made: number;
	rang?: number;
	answered: number;
	ended: number;
	not_answered: number;
	pending: number;
	postponed: number;
	discarded: number;
	missed: number;
	expired: number;
	remainder: number;
	tma: number;
	tme: number;
	tmaxe: number;
	tmpr: number;
	tmr: number;
	tmpa: number;
	tmp: number;
	sla: number;
	slapr: number;
}

/** The node's output: the row, marked so the Total row can be told apart from a group. */
export interface DigitalChannelsItem extends DigitalChannelsRow {
	isTotal: boolean;
}

export interface ReportAgent extends IDataObject {
	id: string | number;
	name: string;
	phone_extension?: string;
}

export interface ReportCustomer extends IDataObject {
	id: string | number;
	/** Each field is a string or, when the customer has several, a list of them. */
	fields: {
		channel_email?: string | string[];
		channel_external?: string | string[];
		channel_facebook?: string | string[];
		channel_mercado_livre?: string | string[];
		channel_phone?: string | string[];
		channel_telegram?: string | string[];
		document?: string | string[];
		main_identifier?: string | string[];
		main_photo?: string | string[];
	};
}

export interface ReportDepartment extends IDataObject {
	id: string | number;
	name: string;
}

/** A Service History row; `id` is the protocol. */
export interface HistoryRow extends IDataObject {
	id: string | number;
	active: boolean | string;
	agent: ReportAgent | null;
	created_at: string;
	current_state: string;
	current_state_time: string;
	customer: ReportCustomer;
	department: ReportDepartment;
	first_answer_time: string | null;
	media: string;
	mood: string | null;
	sla_overdue: boolean;
}

/** The expanded Service History adds counts and times (seconds) from "Variable Meanings". */
export interface ExpandedHistoryRow extends HistoryRow {
	expired?: boolean;
	expired_time?: number;
	missed?: boolean;
	missed_time?: number;
	canceled?: boolean;
	canceled_time?: number;
	answered?: boolean;
	ended?: boolean;
	discarded?: boolean;
	discarded_time?: number;
	queued?: number;
	queued_time?: number;
	ringing?: number;
	ringing_time?: number;
	postponed?: boolean;
	postponed_time?: number;
	pending?: boolean;
	pending_time?: number;
	transferring?: number;
	messages?: number;
	talking_time?: number;
	first_contact_time?: number;
	response_count?: number;
	response_time?: number;
	sla_time?: number;
	browser?: string;
	ip?: string;
	os?: string;
	source?: string;
	group_name?: string;
	origin?: string;
	startTime?: string;
	endTime?: string;
	state?: string;
	type?: string;
	tagCount?: number;
	tags?: string[];
	notes?: string;
}

/** An ongoing interaction; its agent also carries their ONLINE/OFFLINE status. */
export interface OngoingRow extends IDataObject {
	id: string | number;
	active: boolean | string;
	agent: (ReportAgent & { status?: 'ONLINE' | 'OFFLINE' }) | null;
	created_at: string;
	current_state: string;
	current_state_time: string;
	customer: ReportCustomer;
	department: ReportDepartment;
	media: string;
	sla_overdue: boolean;
}

/** One message of a protocol. The document shows no example, so only the id is relied on. */
export interface ConversationMessage extends IDataObject {
	id?: string | number;
}
