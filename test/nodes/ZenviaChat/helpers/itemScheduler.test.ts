import { scheduleItems } from '../../../../nodes/ZenviaChat/helpers/itemScheduler';
import type { ScheduleOptions } from '../../../../nodes/ZenviaChat/helpers/itemScheduler';

/** Items that end only when the test says so, recording what started and when. */
function controlledItems() {
	const started: number[] = [];
	const pending = new Map<number, { resolve: (value: string) => void; reject: (error: Error) => void; passed: () => void }>();
	let running = 0;
	let maxRunning = 0;
	const run = async (index: number, passed: () => void) => {
		started.push(index);
		running++;
		maxRunning = Math.max(maxRunning, running);
		try {
			return await new Promise<string>((resolve, reject) => pending.set(index, { resolve, reject, passed }));
		} finally {
			running--;
			pending.delete(index);
		}
	};
	return { started, pending, run, maxRunning: () => maxRunning };
}

const settle = async () => {
	for (let i = 0; i < 20; i++) await Promise.resolve();
};

function schedule(overrides: Partial<ScheduleOptions<string>> & Pick<ScheduleOptions<string>, 'run'>) {
	return scheduleItems<string>({ count: 6, inFlight: 3, keyOf: () => undefined, stopOnFailure: false, ...overrides });
}

describe('scheduleItems', () => {
	it('keeps at most the given number in flight and answers by input index', async () => {
		const items = controlledItems();
		const done = schedule({ run: items.run });
		await settle();
		// Each item waits for the one before it to pass its checks.
		expect(items.started).toEqual([0]);
		for (const index of [0, 1, 2]) {
			items.pending.get(index)?.passed();
			await settle();
		}
		expect(items.started).toEqual([0, 1, 2]);
		// Ending out of order: 2 first, then 0.
		items.pending.get(2)?.resolve('two');
		await settle();
		expect(items.started).toEqual([0, 1, 2, 3]);
		for (const index of [0, 1, 3, 4, 5]) {
			items.pending.get(index + 1)?.passed();
			items.pending.get(index)?.resolve(`item ${index}`);
			await settle();
		}
		const { outcomes, firstFailure } = await done;
		expect(firstFailure).toBeUndefined();
		expect(items.maxRunning()).toBe(3);
		expect(outcomes.map((outcome) => outcome?.ok && outcome.value)).toEqual(['item 0', 'item 1', 'two', 'item 3', 'item 4', 'item 5']);
	});

	it('runs items of one conversation one after the other, other conversations beside them', async () => {
		const items = controlledItems();
		const keys = ['a', 'a', 'b', 'a', 'c', 'b'];
		const done = schedule({ run: items.run, keyOf: (index) => keys[index] });
		for (let round = 0; round < 5; round++) {
			for (const entry of items.pending.values()) entry.passed();
			await settle();
		}
		// 0 (a), 2 (b), 4 (c) run together; 1 and 3 (a) and 5 (b) wait for their conversation.
		expect(items.started).toEqual([0, 2, 4]);
		items.pending.get(0)?.resolve('0');
		await settle();
		for (const entry of items.pending.values()) entry.passed();
		await settle();
		expect(items.started).toEqual([0, 2, 4, 1]);
		items.pending.get(2)?.resolve('2');
		await settle();
		expect(items.started).toEqual([0, 2, 4, 1, 5]);
		items.pending.get(5)?.passed();
		items.pending.get(1)?.resolve('1');
		await settle();
		expect(items.started).toEqual([0, 2, 4, 1, 5, 3]);
		for (const index of [3, 4, 5]) {
			items.pending.get(index)?.passed();
			items.pending.get(index)?.resolve(String(index));
		}
		const { outcomes } = await done;
		expect(outcomes.map((outcome) => outcome?.ok && outcome.value)).toEqual(['0', '1', '2', '3', '4', '5']);
	});

	it('with Continue On Fail, answers every item, failures in their place', async () => {
		const run = async (index: number) => {
			if (index % 2 === 1) throw new Error(`bad ${index}`);
			return `ok ${index}`;
		};
		const { outcomes, firstFailure } = await schedule({ run });
		expect(firstFailure).toBeUndefined();
		expect(outcomes.map((outcome) => (outcome?.ok ? outcome.value : (outcome?.error as Error).message))).toEqual([
			'ok 0',
			'bad 1',
			'ok 2',
			'bad 3',
			'ok 4',
			'bad 5',
		]);
	});

	it('stops after a failure: no later item starts, and an item refused before its request stops the next one from starting', async () => {
		const started: number[] = [];
		const failures: number[] = [];
		const { firstFailure, outcomes } = await schedule({
			stopOnFailure: true,
			onFailure: (index) => failures.push(index),
			run: async (index) => {
				started.push(index);
				if (index === 1) throw new Error('Department must be a positive whole number');
				return 'sent';
			},
		});
		expect(started).toEqual([0, 1]);
		expect(failures).toEqual([1]);
		expect(firstFailure?.index).toBe(1);
		expect((firstFailure?.error as Error).message).toBe('Department must be a positive whole number');
		expect(outcomes[2]).toBeUndefined();
	});

	it('reports the earliest failure even when a later item failed first, and lets earlier items finish', async () => {
		const items = controlledItems();
		const failures: number[] = [];
		const done = schedule({ run: items.run, stopOnFailure: true, onFailure: (index) => failures.push(index) });
		for (let round = 0; round < 3; round++) {
			for (const entry of items.pending.values()) entry.passed();
			await settle();
		}
		expect(items.started).toEqual([0, 1, 2]);
		items.pending.get(2)?.reject(new Error('item 2 refused'));
		await settle();
		// Nothing after item 2 starts; items 0 and 1 still run to their end.
		expect(items.started).toEqual([0, 1, 2]);
		items.pending.get(1)?.reject(new Error('item 1 refused'));
		items.pending.get(0)?.resolve('sent');
		const { firstFailure, outcomes } = await done;
		expect(failures).toEqual([2, 1]);
		expect(firstFailure?.index).toBe(1);
		expect((firstFailure?.error as Error).message).toBe('item 1 refused');
		expect(outcomes[0]).toEqual({ ok: true, value: 'sent' });
		expect(outcomes.slice(3)).toEqual([undefined, undefined, undefined]);
	});

	it('counts a cancelled item as never run, not as a failure', async () => {
		class Cancelled extends Error {}
		const { firstFailure, outcomes } = await schedule({
			inFlight: 1,
			stopOnFailure: true,
			isCancellation: (error) => error instanceof Cancelled,
			run: async (index) => {
				if (index === 0) throw new Cancelled();
				return 'sent';
			},
		});
		expect(firstFailure).toBeUndefined();
		expect(outcomes[0]).toBeUndefined();
		expect(outcomes[1]).toEqual({ ok: true, value: 'sent' });
	});
});
