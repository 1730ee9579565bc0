import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type { INode, JsonObject } from 'n8n-workflow';

import type { ItemOutcome } from '../node.type';
import type { CustomerEntry, RefusedCustomer, SavedCustomer, UpsertCustomersAnswer } from './types';

/** JSON with sorted keys, so an echoed entry equals the one sent whatever its key order. */
function canonical(value: unknown): string {
	if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
	if (typeof value === 'object' && value !== null) {
		const entries = Object.entries(value as Record<string, unknown>)
			.filter(([, item]) => item !== undefined)
			.sort(([a], [b]) => a.localeCompare(b));
		return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonical(item)}`).join(',')}}`;
	}
	return JSON.stringify(value ?? null);
}

function isRefusalOf(refused: RefusedCustomer | undefined, entry: CustomerEntry): boolean {
	if (!refused) return false;
	return canonical(refused.fields ?? {}) === canonical(entry.fields) && (refused.agent_id ?? null) === (entry.agent_id ?? null);
}

/**
 * Zenvia answers a batch with the saved customers and the refused ones (echoing their fields and
 * reasons), each list in the order sent. Walking the batch in order, an entry is refused when the
 * next refusal echoes it, and saved otherwise, which puts every answer back on its input item.
 */
export function customerOutcomes(
	node: INode,
	entries: CustomerEntry[],
	itemIndexes: number[],
	answer: UpsertCustomersAnswer,
): ItemOutcome[] {
	const saved: SavedCustomer[] = Array.isArray(answer.customers) ? answer.customers : [];
	const refused: RefusedCustomer[] = Array.isArray(answer.errors) ? answer.errors : [];
	if (saved.length + refused.length !== entries.length) {
		throw new NodeApiError(node, answer as unknown as JsonObject, {
			message: `Zenvia Chat answered a batch of ${entries.length} customers with ${saved.length} saved and ${refused.length} refused`,
			description: 'The answer cannot be matched to the input items. Check in Zenvia which customers were saved before running again.',
			itemIndex: itemIndexes[0],
		});
	}
	let nextSaved = 0;
	let nextRefused = 0;
	return entries.map((entry, position): ItemOutcome => {
		const itemIndex = itemIndexes[position];
		if (isRefusalOf(refused[nextRefused], entry)) {
			const reasons = (refused[nextRefused++].errors ?? []).map(String);
			return {
				error: new NodeOperationError(node, `Zenvia Chat refused this customer: ${reasons.join('; ') || 'no reason given'}`, {
					itemIndex,
					description:
						'Correct the fields Zenvia names and run this item again. The other customers of its batch were saved.',
				}),
			};
		}
		const customer = saved[nextSaved++];
		if (!customer) {
			return {
				error: new NodeOperationError(node, 'Zenvia Chat\'s answer does not say what became of this customer', { itemIndex }),
			};
		}
		// Lifted to the top so the next node can use {{ $json.customerKey }} directly.
		return { json: { customerKey: customer.customer_key, ...customer } };
	});
}
