import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type { INode, JsonObject } from 'n8n-workflow';

import type { ItemOutcome } from '../node.type';
import type { CustomerEntry, RefusedCustomer, SavedCustomer, UpsertCustomersAnswer } from './types';

/** JSON with sorted keys, so an echoed value equals the one sent whatever its key order. */
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

/**
 * Whether an answered customer echoes the entry sent: the same agent and every field sent with the
 * same value; `exact` also wants no other field (a saved customer may carry more, e.g. fields the
 * account fills in itself).
 */
function echoes(answered: { fields?: unknown; agent_id?: unknown }, entry: CustomerEntry, exact: boolean): boolean {
	const fields = (answered.fields ?? {}) as Record<string, unknown>;
	if ((answered.agent_id ?? null) !== (entry.agent_id ?? null)) return false;
	if (exact) return canonical(fields) === canonical(entry.fields);
	return Object.entries(entry.fields).every(([name, value]) => canonical(fields[name]) === canonical(value));
}

/** The first answer not yet taken that echoes the entry; identical entries take them in order. */
function takeEcho<T extends { fields?: unknown; agent_id?: unknown }>(
	answers: T[],
	taken: boolean[],
	entry: CustomerEntry,
	exact: boolean,
): T | undefined {
	const position = answers.findIndex((answer, index) => !taken[index] && echoes(answer, entry, exact));
	if (position < 0) return undefined;
	taken[position] = true;
	return answers[position];
}

function unmatched(node: INode, answer: UpsertCustomersAnswer, message: string, itemIndex: number): NodeApiError {
	return new NodeApiError(node, answer as unknown as JsonObject, {
		message,
		description: 'The answer cannot be matched to the input items. Check in Zenvia which customers were saved before running again.',
		itemIndex,
	});
}

/**
 * Zenvia answers a batch with the saved customers and the refused ones, each echoing the fields
 * sent. Each input item gets the answer that echoes its own fields, whatever the order Zenvia
 * lists them in (only identical entries are told apart by order). An answer that leaves an item
 * unmatched is refused whole: guessing would give one customer another's customer_key.
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
		throw unmatched(
			node,
			answer,
			`Zenvia Chat answered a batch of ${entries.length} customers with ${saved.length} saved and ${refused.length} refused`,
			itemIndexes[0],
		);
	}
	const savedTaken: boolean[] = [];
	const refusedTaken: boolean[] = [];
	// Exact echoes first, for every entry: of two identical entries the first saved and the second
	// refused stay so, and no entry takes the customer of a longer entry that merely contains its
	// fields. Only then may a saved customer that carries more fields than were sent match.
	const exact = entries.map((entry) => {
		const customer = takeEcho(saved, savedTaken, entry, true);
		return customer ? { customer } : { refusal: takeEcho(refused, refusedTaken, entry, true) };
	});
	return entries.map((entry, position): ItemOutcome => {
		const itemIndex = itemIndexes[position];
		const { customer: exactCustomer, refusal } = exact[position] as { customer?: SavedCustomer; refusal?: RefusedCustomer };
		if (refusal) {
			const reasons = (refusal.errors ?? []).map(String);
			return {
				ok: false,
				error: new NodeOperationError(node, `Zenvia Chat refused this customer: ${reasons.join('; ') || 'no reason given'}`, {
					itemIndex,
					description: 'Correct the fields Zenvia names and run this item again. The other customers of its batch were saved.',
				}),
			};
		}
		const customer = exactCustomer ?? takeEcho(saved, savedTaken, entry, false);
		if (!customer) {
			throw unmatched(node, answer, `Zenvia Chat's answer lists no customer with the fields of item ${itemIndex + 1}`, itemIndex);
		}
		// Lifted to the top so the next node can use {{ $json.customerKey }} directly.
		return { ok: true, value: { customerKey: customer.customer_key, ...customer } };
	});
}
