import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type { IDataObject, INode } from 'n8n-workflow';

import { customerOutcomes } from '../../../../../nodes/ZenviaChat/actions/customer/answer';
import type { CustomerEntry, RefusedCustomer, SavedCustomer } from '../../../../../nodes/ZenviaChat/actions/customer/types';
import type { ItemOutcome } from '../../../../../nodes/ZenviaChat/helpers/outcome';

const node = { name: 'Zenvia Chat' } as INode;
const saved = (id: number, fields: Record<string, unknown>, agentId: number | null = null) =>
	({ account_id: 1, id, fields, customer_key: `key-${id}`, date_creation: '', change_date: null, active: true, agent_id: agentId }) as SavedCustomer;
const refused = (fields: Record<string, unknown>, reason: string, agentId: number | null = null): RefusedCustomer => ({
	fields: fields as IDataObject,
	agent_id: agentId,
	errors: [reason],
});

/** The customer_key an item got, or the message of its error. */
function summary(outcome: ItemOutcome) {
	return outcome.ok ? outcome.value.customerKey : `refused: ${(outcome.error as Error).message}`;
}

function thrown(run: () => unknown): unknown {
	try {
		run();
	} catch (error) {
		return error;
	}
	throw new Error('expected customerOutcomes to throw');
}

const ana = { main_identifier: 'Ana', channel_email: 'ana@example.com' };
const caio = { main_identifier: 'Caio', channel_email: 'caio@example.com' };

describe('customerOutcomes', () => {
	it('gives each saved item its customer, customerKey lifted to the top', () => {
		const outcomes = customerOutcomes(node, [{ fields: ana }], [0], { status: 200, customers: [saved(1, ana)], errors: [] });
		expect(outcomes).toEqual([{ ok: true, value: { customerKey: 'key-1', ...saved(1, ana) } }]);
	});

	it('matches a refusal whose echoed fields come in another key order', () => {
		const entries: CustomerEntry[] = [{ fields: { a: '1', b: '2' } }, { fields: { a: '3', b: '4' }, agent_id: 9 }];
		const outcomes = customerOutcomes(node, entries, [4, 5], {
			status: 200,
			customers: [saved(1, { b: '2', a: '1' })],
			errors: [{ fields: { b: '4', a: '3' }, agent_id: 9, errors: ['agent_id: 9 not found'] }],
		});

		expect(outcomes[0].ok && outcomes[0].value.customerKey).toBe('key-1');
		const failure = outcomes[1];
		expect(failure.ok).toBe(false);
		if (failure.ok) return;
		expect(failure.error).toBeInstanceOf(NodeOperationError);
		expect((failure.error as NodeOperationError).message).toBe('Zenvia Chat refused this customer: agent_id: 9 not found');
		expect((failure.error as NodeOperationError).context.itemIndex).toBe(5);
	});

	it('tells apart two identical rows, both refused, by their order', () => {
		const entries: CustomerEntry[] = [{ fields: { b: 'x' } }, { fields: { b: 'x' } }];
		const outcomes = customerOutcomes(node, entries, [0, 1], {
			status: 200,
			customers: [],
			errors: [refused({ b: 'x' }, 'field: main_identifier is required'), refused({ b: 'x' }, 'field: main_identifier is required')],
		});

		expect(outcomes.map(summary)).toEqual([
			'refused: Zenvia Chat refused this customer: field: main_identifier is required',
			'refused: Zenvia Chat refused this customer: field: main_identifier is required',
		]);
	});

	it('gives each item its own customer when Zenvia lists them in another order than sent', () => {
		const outcomes = customerOutcomes(node, [{ fields: ana }, { fields: caio }], [0, 1], {
			status: 200,
			customers: [saved(2, caio), saved(1, ana)],
			errors: [],
		});
		expect(outcomes.map(summary)).toEqual(['key-1', 'key-2']);
		expect(outcomes[0].ok && outcomes[0].value.fields).toEqual(ana);
		expect(outcomes[1].ok && outcomes[1].value.fields).toEqual(caio);
	});

	it('matches refusals listed in another order than sent too', () => {
		const bruno = { main_identifier: 'Bruno' };
		const outcomes = customerOutcomes(node, [{ fields: ana }, { fields: bruno }, { fields: caio }], [3, 4, 5], {
			status: 200,
			customers: [saved(2, caio)],
			errors: [refused(bruno, 'field: channel_email is required'), refused(ana, 'field: channel_email is invalid')],
		});
		expect(outcomes.map(summary)).toEqual([
			'refused: Zenvia Chat refused this customer: field: channel_email is invalid',
			'refused: Zenvia Chat refused this customer: field: channel_email is required',
			'key-2',
		]);
	});

	it('tells agents apart: the same fields with another agent are another entry', () => {
		const outcomes = customerOutcomes(node, [{ fields: ana, agent_id: 7 }, { fields: ana }], [0, 1], {
			status: 200,
			customers: [saved(2, ana), saved(1, ana, 7)],
			errors: [],
		});
		expect(outcomes.map(summary)).toEqual(['key-1', 'key-2']);
	});

	it('of two identical entries, one saved and one refused: the first is saved, the second refused', () => {
		const outcomes = customerOutcomes(node, [{ fields: ana }, { fields: ana }], [0, 1], {
			status: 200,
			customers: [saved(1, ana)],
			errors: [refused(ana, 'field: main_identifier must be unique')],
		});
		expect(outcomes.map(summary)).toEqual(['key-1', 'refused: Zenvia Chat refused this customer: field: main_identifier must be unique']);
		expect(!outcomes[1].ok && (outcomes[1].error as NodeOperationError).context.itemIndex).toBe(1);
	});

	it('matches a saved customer that echoes more fields than were sent', () => {
		const outcomes = customerOutcomes(node, [{ fields: { main_identifier: 'Ana' } }, { fields: caio }], [0, 1], {
			status: 200,
			// The account fills a field in itself; Caio comes first.
			customers: [saved(2, caio), saved(1, { main_identifier: 'Ana', origin: 'n8n', channel_email: null })],
			errors: [],
		});
		expect(outcomes.map(summary)).toEqual(['key-1', 'key-2']);
	});

	it('prefers the exact echo: an entry never takes the customer of a longer entry listed before its own', () => {
		const short = { main_identifier: 'Ana' };
		const outcomes = customerOutcomes(node, [{ fields: ana }, { fields: short }], [0, 1], {
			status: 200,
			customers: [saved(2, short), saved(1, ana)],
			errors: [],
		});
		expect(outcomes.map(summary)).toEqual(['key-1', 'key-2']);
	});

	it('refuses the whole answer when a customer in it matches no input item, rather than guess', () => {
		const error = thrown(() =>
			customerOutcomes(node, [{ fields: ana }, { fields: caio }], [6, 7], {
				status: 200,
				customers: [saved(1, ana), saved(3, { main_identifier: 'Bruno', channel_email: 'bruno@example.com' })],
				errors: [],
			}),
		);
		expect(error).toBeInstanceOf(NodeApiError);
		expect((error as NodeApiError).message).toBe("Zenvia Chat's answer lists no customer with the fields of item 8");
		expect((error as NodeApiError).description).toContain('Check in Zenvia which customers were saved');
		expect((error as NodeApiError).context.itemIndex).toBe(7);
	});

	it('refuses the whole answer when a saved customer differs in a field sent', () => {
		const error = thrown(() =>
			customerOutcomes(node, [{ fields: ana }], [0], {
				status: 200,
				customers: [saved(1, { ...ana, channel_email: 'other@example.com' })],
				errors: [],
			}),
		);
		expect(error).toBeInstanceOf(NodeApiError);
	});

	it('refuses the whole answer when a refusal matches no input item', () => {
		const error = thrown(() =>
			customerOutcomes(node, [{ fields: ana }, { fields: caio }], [0, 1], {
				status: 200,
				customers: [saved(1, ana)],
				errors: [refused({ main_identifier: 'Bruno' }, 'field: channel_email is required')],
			}),
		);
		expect(error).toBeInstanceOf(NodeApiError);
		expect((error as NodeApiError).message).toBe("Zenvia Chat's answer lists no customer with the fields of item 2");
	});

	it('refuses to guess when the answer does not account for every customer sent', () => {
		const run = () =>
			customerOutcomes(node, [{ fields: { a: '1' } }, { fields: { a: '2' } }], [0, 1], { status: 200, customers: [saved(1, { a: '1' })], errors: [] });
		expect(run).toThrow('Zenvia Chat answered a batch of 2 customers with 1 saved and 0 refused');
		expect(thrown(run)).toBeInstanceOf(NodeApiError);
	});

	it('refuses an answer with more customers than were sent', () => {
		const error = thrown(() =>
			customerOutcomes(node, [{ fields: ana }], [0], { status: 200, customers: [saved(1, ana), saved(2, caio)], errors: [] }),
		);
		expect(error).toBeInstanceOf(NodeApiError);
		expect((error as NodeApiError).message).toBe('Zenvia Chat answered a batch of 1 customers with 2 saved and 0 refused');
	});
	it('pairs exact echoes for every entry before looser ones: a shorter entry never takes a longer entry\'s customer', () => {
		const short = { main_identifier: 'Ana' };
		const long = { main_identifier: 'Ana', channel_email: 'ana@example.com' };
		// Zenvia lists the longer entry's customer first, and the shorter one's with a field it added.
		const outcomes = customerOutcomes(node, [{ fields: short }, { fields: long }], [0, 1], {
			status: 200,
			customers: [saved(2, long), saved(1, { ...short, origin: 'n8n' })],
			errors: [],
		});
		expect(outcomes.map(summary)).toEqual(['key-1', 'key-2']);
	});
});
