import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData, JsonObject } from 'n8n-workflow';

import * as agent from './agent';
import * as bot from './bot';
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

function findOperation(this: IExecuteFunctions, itemIndex: number): ZenviaOperation | ZenviaBulkOperation {
	const resource = this.getNodeParameter('resource', itemIndex) as ZenviaChatResource;
	const operation = this.getNodeParameter('operation', itemIndex) as string;
	const found = (operations[resource] as Record<string, ZenviaOperation | ZenviaBulkOperation> | undefined)?.[operation];
	if (!found) {
		throw new NodeOperationError(this.getNode(), `The operation "${operation}" is not known for the resource "${resource}"`, {
			itemIndex,
		});
	}
	return found;
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

/** A failed item: its error item with "Continue On Fail", otherwise the error that stops the node. */
function failedItem(this: IExecuteFunctions, error: unknown, itemIndex: number): INodeExecutionData {
	if (this.continueOnFail()) return { json: errorItem(error), pairedItem: { item: itemIndex } };
	if (error instanceof NodeApiError || error instanceof NodeOperationError) {
		error.context.itemIndex = itemIndex;
	}
	// Both constructors hand back an error that is already theirs, unchanged.
	if (error instanceof NodeApiError) throw new NodeApiError(this.getNode(), error as unknown as JsonObject);
	throw new NodeOperationError(this.getNode(), error as Error, { itemIndex });
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

/** The one per-item loop: every input item is answered, failed or not, with its pairing kept. */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const output: INodeExecutionData[] = [];

	if (items.length > 0) {
		const first = findOperation.call(this, 0);
		if ('executeAll' in first) return [await runBulk.call(this, first, items.length)];
	}

	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		const pairedItem = { item: itemIndex };
		try {
			const operation = findOperation.call(this, itemIndex) as ZenviaOperation;
			const result = await operation.execute.call(this, itemIndex);
			for (const json of Array.isArray(result) ? result : [result]) {
				output.push({ json, pairedItem });
			}
		} catch (error) {
			output.push(failedItem.call(this, error, itemIndex));
		}
	}

	return [output];
}
