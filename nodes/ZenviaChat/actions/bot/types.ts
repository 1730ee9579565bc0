import type { IDataObject } from 'n8n-workflow';

import type { MessageType } from '../interaction/types';

/** Request and answer bodies of the external bot API (more-zenvia-apis.md, "External bot"). */

export interface BotMessageBody extends IDataObject {
	content: string;
	content_type: MessageType;
	attachment?: { url: string; size?: number };
}

export interface BotTransferBody extends IDataObject {
	department_id?: number;
}

export interface BotAnswer extends IDataObject {
	message: string;
	status: number;
}
