import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ItemOutcome } from '../helpers/outcome';
import type { ItemRun } from '../transport';

export type { ItemOutcome } from '../helpers/outcome';

/** What every operation module exports. */
export interface ZenviaOperation {
	description: INodeProperties[];
	/** Answers one input item: one object, or a list that becomes one output item per element. */
	execute(this: IExecuteFunctions, run: ItemRun): Promise<IDataObject | IDataObject[]>;
}

/**
 * An operation over a bulk endpoint, which sends many input items in one request: it answers
 * every input item at once, one outcome per item in input order.
 */
export interface ZenviaBulkOperation {
	description: INodeProperties[];
	/** `batchRun` gives each request its run: the batch's items, their time limit, the execution's limiter. */
	executeAll(this: IExecuteFunctions, itemIndexes: number[], batchRun: (itemIndexes: number[]) => ItemRun): Promise<ItemOutcome[]>;
}

/** resource -> operation, so the router's dispatch table is checked by the compiler. */
export interface ZenviaChatOperations {
	department: 'getAll';
	interaction: 'start' | 'update' | 'sendMessage' | 'notifyTyping' | 'notifyStoppedTyping' | 'finish' | 'leaveMessageForTeam' | 'waitForEvent';
	whatsapp: 'getDepartments' | 'sendMessage' | 'notifyTyping' | 'notifyStoppedTyping';
	report: 'getDigitalChannels' | 'getHistory' | 'getConversationMessages' | 'getOngoing';
	customer: 'createOrUpdate' | 'getFormFields';
	agent: 'getOnline' | 'getMany' | 'get' | 'create' | 'update';
	task: 'import';
	bot: 'accept' | 'sendMessage' | 'sendAndWait' | 'transfer' | 'finish';
}

export type ZenviaChatResource = keyof ZenviaChatOperations;

export type OperationTable = {
	[R in ZenviaChatResource]: Record<ZenviaChatOperations[R], ZenviaOperation | ZenviaBulkOperation>;
};
