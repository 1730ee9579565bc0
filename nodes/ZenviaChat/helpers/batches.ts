import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ItemRun } from '../transport';
import type { ItemOutcome } from './outcome';
import { requirePositiveInteger } from './validation';

export const DEFAULT_ITEMS_PER_REQUEST = 100;

/**
 * How many input items one request to a bulk endpoint carries: an entry of the bulk operations'
 * Options collection. Named so it is not taken for Requests in Flight (how many go at once).
 */
export const itemsPerRequestOption: INodeProperties = {
	displayName: 'Items per Request',
	name: 'itemsPerRequest',
	type: 'number',
	typeOptions: { minValue: 1 },
	default: DEFAULT_ITEMS_PER_REQUEST,
	description:
		'How many input items go to Zenvia in one request (the API takes a list). The requests are sent one after the other.',
};

type ItemError = NodeApiError | NodeOperationError;

/** Errors raised here are already n8n's own; anything else becomes one, kept whole. */
function asItemError(context: IExecuteFunctions, error: unknown): ItemError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	return new NodeOperationError(context.getNode(), error as Error);
}

/** A batch's answer turned into one outcome per entry sent, in the order they were sent. */
export type SendBatch<T> = (entries: T[], run: ItemRun, itemIndexes: number[]) => Promise<ItemOutcome[]>;

/**
 * The shared shape of every bulk operation: read and check every item before any request (a bad
 * item stops the node, or with "Continue On Fail" becomes its own error and is not sent), then
 * send the good ones in batches, each with its own run (time limit, limiter). Without "Continue On
 * Fail" the node stops at the first batch with a failure, so no later batch is sent.
 */
export async function executeInBatches<T>(
	context: IExecuteFunctions,
	itemIndexes: number[],
	batchRun: (itemIndexes: number[]) => ItemRun,
	read: (itemIndex: number) => T,
	send: SendBatch<T>,
): Promise<ItemOutcome[]> {
	const continueOnFail = context.continueOnFail();
	const { itemsPerRequest = DEFAULT_ITEMS_PER_REQUEST } = context.getNodeParameter('options', 0, {}) as { itemsPerRequest?: unknown };
	const size = requirePositiveInteger(context.getNode(), 0, 'Items per Request', itemsPerRequest);
	const outcomes = new Map<number, ItemOutcome>();
	const ready: Array<{ itemIndex: number; entry: T }> = [];
	for (const itemIndex of itemIndexes) {
		try {
			ready.push({ itemIndex, entry: read(itemIndex) });
		} catch (error) {
			const refused = asItemError(context, error);
			if (!continueOnFail) throw refused;
			outcomes.set(itemIndex, { ok: false, error: refused });
		}
	}

	for (let start = 0; start < ready.length; start += size) {
		const batch = ready.slice(start, start + size);
		const batchIndexes = batch.map(({ itemIndex }) => itemIndex);
		let answered: ItemOutcome[];
		try {
			answered = await send(
				batch.map(({ entry }) => entry),
				batchRun(batchIndexes),
				batchIndexes,
			);
		} catch (error) {
			const failed = asItemError(context, error);
			if (!continueOnFail) throw failed;
			answered = batch.map(() => ({ ok: false, error: failed }));
		}
		answered.forEach((outcome, position) => outcomes.set(batchIndexes[position], outcome));
		const failed = answered.find((outcome) => !outcome.ok);
		if (failed && !failed.ok && !continueOnFail) throw failed.error;
	}
	return itemIndexes.map((itemIndex) => outcomes.get(itemIndex) as ItemOutcome);
}
