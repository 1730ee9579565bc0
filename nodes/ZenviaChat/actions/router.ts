import { NodeApiError, NodeOperationError, sleep } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData, JsonObject } from 'n8n-workflow';

import { scheduleItems } from '../helpers/itemScheduler';
import { readingConstantsOnce, readingFieldReferencesDirectly } from '../helpers/parameters';
import { displayedOperation } from '../operationNames';
import { Deadline, credentialsOnce } from '../transport';
import type { ItemRun, ZenviaExecution } from '../transport';
import { AdaptiveLimiter, RequestCancelled } from '../transport/rateLimiter';
import * as agent from './agent';
import { readRequestsInFlight } from './batching';
import * as bot from './bot';
import { readItemTimeLimit } from './common.descriptions';
import * as customer from './customer';
import * as department from './department';
import { defaultsWithExpressions, operationNames } from './description';
import * as interaction from './interaction';
import type { ItemOutcome, OperationTable, ZenviaBulkOperation, ZenviaOperation } from './node.type';
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

/** Resource and operation cannot be expressions (noDataExpression), so item 0 speaks for all. */
function findOperation(this: IExecuteFunctions): { operation: ZenviaOperation | ZenviaBulkOperation; name: string } {
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	const found = (operations as unknown as Record<string, Record<string, ZenviaOperation | ZenviaBulkOperation> | undefined>)[resource]?.[operation];
	if (!found) {
		throw new NodeOperationError(this.getNode(), `The operation "${operation}" is not known for the resource "${resource}"`);
	}
	return { operation: found, name: displayedOperation(operationNames, resource, operation) };
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

/** "items 1, 2 and 4" (as the editor counts, from 1), a few at most. */
function describeItems(indexes: number[]): string {
	const shown = indexes.slice(0, 5).map((index) => String(index + 1));
	const more = indexes.length - shown.length;
	if (more > 0) return `items ${shown.join(', ')} and ${more} more`;
	if (shown.length === 1) return `item ${shown[0]}`;
	return `items ${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}`;
}

/**
 * The error that stops the node, on its item. Without "Continue On Fail" n8n outputs nothing of the
 * node, so the error says which other items had already reached Zenvia: a rerun sends them again.
 */
function failure(this: IExecuteFunctions, error: unknown, itemIndex: number, delivered: number[] = []): Error {
	const stopped =
		error instanceof NodeApiError || error instanceof NodeOperationError
			? error
			: new NodeOperationError(this.getNode(), error as Error, { itemIndex });
	stopped.context.itemIndex = itemIndex;
	if (delivered.length > 0) {
		const note = `The node stopped at item ${itemIndex + 1}. Zenvia had already received ${describeItems(delivered)} (${delivered.length} in all): running the node again sends ${delivered.length === 1 ? 'it' : 'them'} again.`;
		stopped.description = stopped.description ? `${stopped.description} ${note}` : note;
	}
	// Both constructors hand back an error that is already theirs, unchanged.
	if (stopped instanceof NodeApiError) return new NodeApiError(this.getNode(), stopped as unknown as JsonObject);
	return new NodeOperationError(this.getNode(), stopped, { itemIndex });
}

/**
 * A bulk operation (customers, tasks) answers all items in one go, one request per batch; each
 * batch is one run, with the time limit of its items (the shortest, when they differ).
 */
async function runBulk(this: IExecuteFunctions, operation: ZenviaBulkOperation, execution: ZenviaExecution, count: number) {
	const itemIndexes = Array.from({ length: count }, (_, index) => index);
	const batchRun = (indexes: number[]): ItemRun => {
		const deadline = new Deadline(Math.min(...indexes.map((index) => readItemTimeLimit.call(this, index))) * 1000);
		return { itemIndex: indexes[0], execution, deadline, ready: async () => deadline.start() };
	};
	let outcomes: ItemOutcome[];
	try {
		outcomes = await operation.executeAll.call(this, itemIndexes, batchRun);
	} catch (error) {
		// Raised before any item got its own outcome: with "Continue On Fail" every item carries it.
		if (this.continueOnFail()) return itemIndexes.map((itemIndex) => ({ json: errorItem(error), pairedItem: { item: itemIndex } }));
		throw failure.call(this, error, (error as { context?: { itemIndex?: number } }).context?.itemIndex ?? 0);
	}
	return outcomes.map((outcome, itemIndex): INodeExecutionData => {
		if (outcome.ok) return { json: outcome.value, pairedItem: { item: itemIndex } };
		if (this.continueOnFail()) return { json: errorItem(outcome.error), pairedItem: { item: itemIndex } };
		throw failure.call(this, outcome.error, itemIndex);
	});
}

/**
 * Item checks run back to back for at most this long while requests are in flight, then the event
 * loop gets a turn to send what they made and read the answers (see itemScheduler.ts). A few
 * milliseconds: short next to an API's round trip, long next to the pause itself.
 */
const CHECKS_SLICE = { ms: 5, now: Date.now, pause: async () => await sleep(0) };

/**
 * The one per-item loop. Each item gets its run: its index, its time limit, the execution's
 * limiter and credential, and its turn (see itemScheduler.ts). Every input item is answered, failed
 * or not, in input order with its pairing kept.
 */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	if (items.length === 0) return [[]];
	// Outside the read-once layer, so both share its one copy of the node.
	const reading = readingFieldReferencesDirectly(readingConstantsOnce(this, defaultsWithExpressions));
	return await routeItems.call(reading, items.length);
}

async function routeItems(this: IExecuteFunctions, count: number): Promise<INodeExecutionData[][]> {
	const { operation, name } = findOperation.call(this);
	const limiter = new AdaptiveLimiter(readRequestsInFlight.call(this));
	const execution: ZenviaExecution = { operationName: name, limiter, credentials: credentialsOnce(this), connections: new Map() };
	if ('executeAll' in operation) return [await runBulk.call(this, operation, execution, count)];
	const continueOnFail = this.continueOnFail();

	const { outcomes, firstFailure } = await scheduleItems({
		count,
		inFlight: limiter.maxInFlight,
		run: async (itemIndex, turn) => {
			const deadline = new Deadline(readItemTimeLimit.call(this, itemIndex) * 1000);
			const run: ItemRun = {
				itemIndex,
				execution,
				deadline,
				ready: async () => {
					await turn(run.conversation);
					deadline.start();
				},
			};
			return await operation.execute.call(this, run);
		},
		stopOnFailure: !continueOnFail,
		onFailure: (itemIndex) => limiter.cancelAfter(itemIndex),
		isCancellation: (error) => error instanceof RequestCancelled,
		slice: CHECKS_SLICE,
	});
	if (firstFailure) {
		const delivered = outcomes.flatMap((outcome, index) => (outcome?.ok ? [index] : []));
		throw failure.call(this, firstFailure.error, firstFailure.index, delivered);
	}

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
