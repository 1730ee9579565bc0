import type { IDataObject } from 'n8n-workflow';

/** Request and answer bodies of the task import (more-zenvia-apis.md, "Tasks: import"). */

export interface TaskEntry extends IDataObject {
	task: { id: string; name: string; description?: string; expires_at?: string };
	customer: { id: string; name?: string; emails?: string[]; phones?: string[]; document?: string };
	agents: string[];
}

export interface ImportTasksBody extends IDataObject {
	tasks: TaskEntry[];
}

export interface ImportTasksAnswer extends IDataObject {
	status: number;
	errors?: string[];
}
