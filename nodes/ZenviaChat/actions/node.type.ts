import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

/** What every operation module exports. */
export interface ZenviaOperation {
	description: INodeProperties[];
	/** Answers one input item: one object, or a list that becomes one output item per element. */
	execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject | IDataObject[]>;
}

/** resource -> operation, so the router's dispatch table is checked by the compiler. */
export interface ZenviaChatOperations {
	department: 'getAll';
	interaction: 'start' | 'update' | 'sendMessage' | 'notifyTyping' | 'notifyStoppedTyping' | 'finish';
	whatsapp: 'getDepartments' | 'sendMessage' | 'notifyTyping' | 'notifyStoppedTyping';
	report: 'getDigitalChannels' | 'getHistory' | 'getConversationMessages' | 'getOngoing';
}

export type ZenviaChatResource = keyof ZenviaChatOperations;

export type OperationTable = {
	[R in ZenviaChatResource]: Record<ZenviaChatOperations[R], ZenviaOperation>;
};
