import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData, JsonObject } from 'n8n-workflow';

import { peekConversationField } from '../helpers/conversationField';
import { scheduleItems } from '../helpers/itemScheduler';
import { startItemClock, stopItemClock } from '../transport';
import { AdaptiveLimiter, RequestCancelled, shareLimiter } from '../transport/rateLimiter';
import * as agent from './agent';
import { readRequestsInFlight } from './batching';
import * as bot from './bot';
import { readItemTimeLimit } from './common.descriptions';
import * as customer from './customer';
import * as department from './department';
import * as interaction from './interaction';
import type { OperationTable, ZenviaBulkOperation, ZenviaChatResource, ZenviaOperation } from './node.type';
import * as report from './report';
import * as task from './task';
import * as whatsapp from './whatsapp';

const operations: OperationTable = {
	department,
	interaction,
	whatsapp,
	report,
	customer,
	agent,
	task,
	bot,
};

/** The field naming the conversation an item writes to; its items must reach Zenvia in order. */
const CONVERSATION_FIELD: Partial<Record<ZenviaChatResource, string>> = {
	interaction: 'interactionHash',
	whatsapp: 'customerExternalId',
	bot: 'interactionHash',
};

/** Resource and operation cannot be expressions (noDataExpression), so item 0 speaks for all. */
function findOperation(this: IExecuteFunctions): {
	resource: ZenviaChatResource;
	operation: ZenviaOperation | ZenviaBulkOperation;
} {
	const resource = this.getNodeParameter('resource', 0) as ZenviaChatResource;
	const operation = this.getNodeParameter('operation', 0) as string;
	const found = (operations[resource] as Record<string, ZenviaOperation | ZenviaBulkOperation> | undefined)?.[operation];
	if (!found) {
		throw new NodeOperationError(this.getNode(), `The operation "${operation}" is not known for the resource "${resource}"`);
	}
	return { resource, operation: found };
}

/** The item's conversation, or undefined when it has none (e.g. Start) or the field is unreadable. */
function conversationKey(this: IExecuteFunctions, field: string | undefined, itemIndex: number): string | undefined {
	if (!field) return undefined;
	try {
		const value = peekConversationField.call(this, field, itemIndex);
		const key = typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '';
		// An unreadable or empty field fails in the operation itself, with its own message.
		return key === '' ? undefined : key;
	} catch {
		return undefined;
	}
}

/** Describes a failed item for "Continue On Fail": what happened, never how the request was made. */
function errorItem(error: unknown): IDataObject {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) {
		const item: IDataObject = { error: error.message };
		if (error.description) item.description = error.description;
		if (error instanceof NodeApiError && error.httpCode) item.httpCode = error.httpCode;
		return item;
	}
	return { error: error instanceof Error ? error.message : String(error) };
}

function failure(this: IExecuteFunctions, error: unknown, itemIndex: number): Error {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) {
		error.context.itemIndex = itemIndex;
	}
	// Both constructors hand back an error that is already theirs, unchanged.
	if (error instanceof NodeApiError) return new NodeApiError(this.getNode(), error as unknown as JsonObject);
	return new NodeOperationError(this.getNode(), error as Error, { itemIndex });
}

/** A failed item: its error item with "Continue On Fail", otherwise the error that stops the node. */
function failedItem(this: IExecuteFunctions, error: unknown, itemIndex: number): INodeExecutionData {
	if (this.continueOnFail()) return { json: errorItem(error), pairedItem: { item: itemIndex } };
	throw failure.call(this, error, itemIndex);
}

/** A bulk operation answers all items in one go; the router still pairs and fails each one. */
async function runBulk(this: IExecuteFunctions, operation: ZenviaBulkOperation, count: number): Promise<INodeExecutionData[]> {
	const itemIndexes = Array.from({ length: count }, (_, index) => index);
	let outcomes;
	try {
		outcomes = await operation.executeAll.call(this, itemIndexes);
	} catch (error) {
		// Raised before any item got its own outcome: with "Continue On Fail" every item carries it.
		if (this.continueOnFail()) return itemIndexes.map((itemIndex) => failedItem.call(this, error, itemIndex));
		const itemIndex = (error as { context?: { itemIndex?: number } }).context?.itemIndex ?? 0;
		return [failedItem.call(this, error, itemIndex)];
	}
	return outcomes.map((outcome, itemIndex) =>
		'error' in outcome ? failedItem.call(this, outcome.error, itemIndex) : { json: outcome.json, pairedItem: { item: itemIndex } },
	);
}

/**
 * The one per-item loop: items run with a bounded number in flight, and every input item is
 * answered, failed or not, in input order with its pairing kept. A bulk operation (customers,
 * tasks) answers all items in one go instead.
 */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	if (items.length === 0) return [[]];
	const { resource, operation } = findOperation.call(this);
	if ('executeAll' in operation) return [await runBulk.call(this, operation, items.length)];
	const continueOnFail = this.continueOnFail();
	const limiter = new AdaptiveLimiter(readRequestsInFlight.call(this));
	shareLimiter(this, limiter);
	const field = CONVERSATION_FIELD[resource];

	// The transport tells the limiter when an item reaches its first request: it has passed its checks.
	const passedChecks = new Map<number, () => void>();
	limiter.onItemRequest = (itemIndex) => passedChecks.get(itemIndex)?.();

	const { outcomes, firstFailure } = await scheduleItems({
		count: items.length,
		inFlight: limiter.maxInFlight,
		keyOf: (itemIndex) => conversationKey.call(this, field, itemIndex),
		run: async (itemIndex, passed) => {
			passedChecks.set(itemIndex, passed);
			try {
				startItemClock(this, itemIndex, readItemTimeLimit.call(this, itemIndex));
				return await operation.execute.call(this, itemIndex);
			} finally {
				stopItemClock(this, itemIndex);
				passedChecks.delete(itemIndex);
			}
		},
		stopOnFailure: !continueOnFail,
		onFailure: (itemIndex) => limiter.cancelAfter(itemIndex),
		isCancellation: (error) => error instanceof RequestCancelled,
	});
	if (firstFailure) throw failure.call(this, firstFailure.error, firstFailure.index);

	const output: INodeExecutionData[] = [];
	outcomes.forEach((outcome, itemIndex) => {
		const pairedItem = { item: itemIndex };
		if (!outcome) return;
		if (!outcome.ok) {
			output.push({ json: errorItem(outcome.error), pairedItem });
			return;
		}
		const result = outcome.value;
		for (const json of Array.isArray(result) ? result : [result]) {
			output.push({ json, pairedItem });
		}
	});
	return [output];
}
