import type { INode } from 'n8n-workflow';

import { customerOutcomes } from '../../../../../nodes/ZenviaChat/actions/customer/answer';
import type { CustomerEntry, SavedCustomer } from '../../../../../nodes/ZenviaChat/actions/customer/types';

const node = { name: 'Zenvia Chat' } as INode;
const saved = (id: number, fields: Record<string, unknown>) =>
	({ account_id: 1, id, fields, customer_key: `key-${id}`, date_creation: '', change_date: null, active: true, agent_id: null }) as SavedCustomer;

describe('customerOutcomes', () => {
	it('matches a refusal whose echoed fields come in another key order', () => {
		const entries: CustomerEntry[] = [{ fields: { a: '1', b: '2' } }, { fields: { a: '3', b: '4' }, agent_id: 9 }];
		const outcomes = customerOutcomes(node, entries, [4, 5], {
			status: 200,
			customers: [saved(1, { b: '2', a: '1' })],
			errors: [{ fields: { b: '4', a: '3' }, agent_id: 9, errors: ['agent_id: 9 not found'] }],
		});

		expect('json' in outcomes[0] && outcomes[0].json.customerKey).toBe('key-1');
		expect('error' in outcomes[1] && outcomes[1].error.message).toBe('Zenvia Chat refused this customer: agent_id: 9 not found');
		expect('error' in outcomes[1] && outcomes[1].error.context.itemIndex).toBe(5);
	});

	it('tells apart two identical rows, one saved and one refused, by their order', () => {
		const entries: CustomerEntry[] = [{ fields: { b: 'x' } }, { fields: { b: 'x' } }];
		const outcomes = customerOutcomes(node, entries, [0, 1], {
			status: 200,
			customers: [],
			errors: [
				{ fields: { b: 'x' }, agent_id: null, errors: ['field: main_identifier is required'] },
				{ fields: { b: 'x' }, agent_id: null, errors: ['field: main_identifier is required'] },
			],
		});

		expect(outcomes.every((outcome) => 'error' in outcome)).toBe(true);
	});

	it('refuses to guess when the answer does not account for every customer sent', () => {
		expect(() =>
			customerOutcomes(node, [{ fields: { a: '1' } }, { fields: { a: '2' } }], [0, 1], { status: 200, customers: [saved(1, { a: '1' })], errors: [] }),
		).toThrow('Zenvia Chat answered a batch of 2 customers with 1 saved and 0 refused');
	});
});
