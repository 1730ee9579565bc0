import type { IDataObject } from 'n8n-workflow';

/** A department as the Chat API lists it (more-zenvia-apis.md, "Departments (Chat API)"). */
export interface ChatDepartment extends IDataObject {
	id: number;
	name: string;
	/** 1 active, 0 inactive: interactions cannot be started in an inactive department. */
	state: number;
	ringing_max_time?: number;
	queued_max_time?: number;
	queue?: boolean;
	bot_id?: number | null;
	queue_position_time?: number | null;
	date_creation?: string;
	change_date?: string | null;
	agents?: Array<{ id: number; name: string; photo?: string | null }>;
	channels?: Array<{ id: number; name: string; state: number }>;
}
