import type { IDataObject } from 'n8n-workflow';

/** Request and answer bodies of the agent endpoints (more-zenvia-apis.md, "Agents"). */

export type AgentProfile = 'ADMIN' | 'AGENT';

export interface Agent extends IDataObject {
	id: number;
	name: string;
	photo: string | null;
	phone_extension: string;
	signature: string | null;
	email: string;
	deleted_at: string | null;
	ativo: boolean;
	active: boolean;
	new_status: string;
	department: { id: number; name: string } | null;
}

export interface OnlineAgentsAnswer extends IDataObject {
	agents: Array<{ id: number; name: string; photo: string | null }>;
	/** Seconds: the average answer time of the last 100 interactions. */
	averageService: number;
	count: number;
	status: number;
}

export interface AgentWriteBody extends IDataObject {
	name?: string;
	email?: string;
	password?: string;
	profile?: AgentProfile;
	text_limit?: number;
}
