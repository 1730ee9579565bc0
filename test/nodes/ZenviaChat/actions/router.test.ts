import { useEmulator } from '../../../helpers/emulator';
import { runNode } from '../../../helpers/runNode';

const env = useEmulator();

const start = { resource: 'interaction', operation: 'start', departmentId: { __rl: true, mode: 'id', value: '={{ $json.department }}' } };

describe('router', () => {
	it('answers every item in order with Continue On Fail, a failed one as an error item', async () => {
		const { items, error } = await runNode({
			parameters: start,
			items: [{ department: 1 }, { department: 'x' }, { department: 4 }, { department: 2 }],
			credentials: env.credentials(),
			continueOnFail: true,
		});

		expect(error).toBeUndefined();
		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }, { item: 3 }]);
		expect(items[0].json.interactionHash).toEqual(expect.any(String));
		expect(items[1].json).toEqual({ error: 'Department must be a positive whole number, got x' });
		expect(items[2].json).toEqual({
			error: 'Zenvia Chat answered HTTP 422: The selected department_id is not an active department.',
			description: 'Zenvia Chat refused the fields sent: correct the field the message names.',
			httpCode: '422',
		});
		expect(items[3].json.interactionHash).toEqual(expect.any(String));
		// The refused item sent nothing; the other three reached the API.
		expect(env.emu.requests()).toHaveLength(3);
	});

	it('stops at the first failed item without Continue On Fail, naming the item', async () => {
		const { items, error } = await runNode({
			parameters: start,
			items: [{ department: 1 }, { department: 'x' }, { department: 2 }],
			credentials: env.credentials(),
		});

		expect(items).toEqual([]);
		expect(error?.message).toBe('Department must be a positive whole number, got x');
		expect(error?.context?.itemIndex).toBe(1);
		expect(env.emu.requests()).toHaveLength(1);
	});
});
