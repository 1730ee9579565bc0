import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData, JsonObject } from 'n8n-workflow';

import { startItemClock, stopItemClock } from '../transport';
import { readItemTimeLimit } from './common.descriptions';
import * as interaction from './interaction';
import type { OperationTable, ZenviaChatResource, ZenviaOperation } from './node.type';
import * as report from './report';
import * as whatsapp from './whatsapp';

const operations: OperationTable = {
	interaction,
	whatsapp,
	report,
};

function findOperation(this: IExecuteFunctions, itemIndex: number): ZenviaOperation {
	const resource = this.getNodeParameter('resource', itemIndex) as ZenviaChatResource;
	const operation = this.getNodeParameter('operation', itemIndex) as string;
	const found = (operations[resource] as Record<string, ZenviaOperation> | undefined)?.[operation];
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

/** The one per-item loop: every input item is answered, failed or not, with its pairing kept. */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const output: INodeExecutionData[] = [];

	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		const pairedItem = { item: itemIndex };
		try {
			const operation = findOperation.call(this, itemIndex);
			startItemClock(this, itemIndex, readItemTimeLimit.call(this, itemIndex));
			const result = await operation.execute.call(this, itemIndex).finally(() => stopItemClock(this, itemIndex));
			for (const json of Array.isArray(result) ? result : [result]) {
				output.push({ json, pairedItem });
			}
		} catch (error) {
			if (this.continueOnFail()) {
				output.push({ json: errorItem(error), pairedItem });
				continue;
			}
			if (error instanceof NodeApiError || error instanceof NodeOperationError) {
				error.context.itemIndex = itemIndex;
			}
			// Both constructors hand back an error that is already theirs, unchanged.
			if (error instanceof NodeApiError) throw new NodeApiError(this.getNode(), error as unknown as JsonObject);
			throw new NodeOperationError(this.getNode(), error as Error, { itemIndex });
		}
	}

	return [output];
}
