import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData, JsonObject } from 'n8n-workflow';

import { peekConversationField } from '../helpers/conversationField';
import { scheduleItems } from '../helpers/itemScheduler';
import { startItemClock, stopItemClock } from '../transport';
import { AdaptiveLimiter, RequestCancelled, shareLimiter } from '../transport/rateLimiter';
import { readRequestsInFlight } from './batching';
import { readItemTimeLimit } from './common.descriptions';
import * as department from './department';
import * as interaction from './interaction';
import type { OperationTable, ZenviaChatResource, ZenviaOperation } from './node.type';
import * as report from './report';
import * as whatsapp from './whatsapp';

const operations: OperationTable = {
	department,
	interaction,
	whatsapp,
	report,
};

/** The field naming the conversation an item writes to; its items must reach Zenvia in order. */
const CONVERSATION_FIELD: Partial<Record<ZenviaChatResource, string>> = {
	interaction: 'interactionHash',
	whatsapp: 'customerExternalId',
};

/** Resource and operation cannot be expressions (noDataExpression), so item 0 speaks for all. */
function findOperation(this: IExecuteFunctions): { resource: ZenviaChatResource; operation: ZenviaOperation } {
	const resource = this.getNodeParameter('resource', 0) as ZenviaChatResource;
	const operation = this.getNodeParameter('operation', 0) as string;
	const found = (operations[resource] as Record<string, ZenviaOperation> | undefined)?.[operation];
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

/**
 * The one per-item loop: items run with a bounded number in flight, and every input item is
 * answered, failed or not, in input order with its pairing kept.
 */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	if (items.length === 0) return [[]];
	const { resource, operation } = findOperation.call(this);
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
