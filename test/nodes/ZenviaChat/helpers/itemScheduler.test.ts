import { SkippedAfterFailure, scheduleItems } from '../../../../nodes/ZenviaChat/helpers/itemScheduler';
import type { ScheduleOptions } from '../../../../nodes/ZenviaChat/helpers/itemScheduler';

/** Lets every pending promise callback run: microtasks all run before the next macrotask. */
const settle = async () => await new Promise<void>((resolve) => setImmediate(resolve));

type Command = { kind: 'turn' } | { kind: 'end'; value: string } | { kind: 'fail'; error: unknown };

/**
 * Items that move only when the test says so. Each item first waits for a command: `pass` (its
 * checks passed: it calls turn with its conversation), `finish` (it ends without sending) or `fail`
 * (refused in its checks). Once its turn came it waits for a second command: `finish` or `fail`.
 * A command to an item that is not waiting for one throws, so each call also asserts where the
 * item is.
 */
function harness(conversations: Array<string | undefined>) {
	const started: number[] = [];
	const turned: number[] = [];
	const sending: number[] = [];
	const skipped: number[] = [];
	const waiting = new Map<number, (command: Command) => void>();
	let holding = 0;
	let maxHolding = 0;
	const next = async (index: number) => await new Promise<Command>((resolve) => waiting.set(index, resolve));

	const run: ScheduleOptions<string>['run'] = async (index, turn) => {
		started.push(index);
		const first = await next(index);
		if (first.kind === 'end') return first.value;
		if (first.kind === 'fail') throw first.error;
		turned.push(index);
		try {
			await turn(conversations[index]);
		} catch (error) {
			skipped.push(index);
			throw error;
		}
		sending.push(index);
		holding++;
		maxHolding = Math.max(maxHolding, holding);
		try {
			const last = await next(index);
			if (last.kind === 'turn') throw new Error(`item ${index} passed its checks twice`);
			if (last.kind === 'fail') throw last.error;
			return last.value;
		} finally {
			holding--;
		}
	};

	const command = async (index: number, entry: Command) => {
		const resolve = waiting.get(index);
		if (!resolve) throw new Error(`item ${index} is not waiting for a command`);
		waiting.delete(index);
		resolve(entry);
		await settle();
	};

	return {
		started,
		turned,
		sending,
		skipped,
		run,
		pass: async (index: number) => await command(index, { kind: 'turn' }),
		finish: async (index: number, value = `sent ${index}`) => await command(index, { kind: 'end', value }),
		fail: async (index: number, error: unknown = new Error(`item ${index} refused`)) => await command(index, { kind: 'fail', error }),
		isWaiting: (index: number) => waiting.has(index),
		maxHolding: () => maxHolding,
	};
}

function schedule(overrides: Partial<ScheduleOptions<string>> & Pick<ScheduleOptions<string>, 'run' | 'count'>) {
	return scheduleItems<string>({ inFlight: 3, stopOnFailure: false, ...overrides });
}

const values = (outcomes: Array<{ ok: boolean; value?: unknown; error?: unknown } | undefined>) =>
	outcomes.map((outcome) => (outcome === undefined ? undefined : outcome.ok ? outcome.value : `error: ${(outcome.error as Error).message}`));

/** A small deterministic generator, so the mixed runs below are the same on every run. */
function seeded(seed: number) {
	let state = seed;
	return () => {
		state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
		return state / 2 ** 31;
	};
}

describe('scheduleItems: checks one at a time, in input order', () => {
	it('starts item k+1 only once item k has called turn or ended', async () => {
		const items = harness([undefined, undefined, undefined, undefined, undefined]);
		const done = schedule({ count: 5, inFlight: 5, run: items.run });
		await settle();
		expect(items.started).toEqual([0]);
		await settle();
		expect(items.started).toEqual([0]);

		// Item 0 passes its checks and sends; only now does item 1 read its fields.
		await items.pass(0);
		expect(items.started).toEqual([0, 1]);
		expect(items.sending).toEqual([0]);
		// Item 1 ends without sending anything: item 2 starts.
		await items.finish(1, 'nothing to send');
		expect(items.started).toEqual([0, 1, 2]);
		// Item 2 is refused in its checks (Continue On Fail): item 3 starts.
		await items.fail(2);
		expect(items.started).toEqual([0, 1, 2, 3]);
		await items.pass(3);
		expect(items.started).toEqual([0, 1, 2, 3, 4]);
		await items.pass(4);
		for (const index of [4, 0, 3]) await items.finish(index);

		const { outcomes, firstFailure } = await done;
		expect(firstFailure).toBeUndefined();
		expect(values(outcomes)).toEqual(['sent 0', 'nothing to send', 'error: item 2 refused', 'sent 3', 'sent 4']);
	});

	it('reads the next item\'s fields while the earlier ones wait for their conversation or send', async () => {
		const items = harness(['a', 'a', 'b', 'c']);
		const done = schedule({ count: 4, inFlight: 1, run: items.run });
		await settle();
		for (const index of [0, 1, 2]) {
			expect(items.started).toEqual([0, 1, 2].slice(0, index + 1));
			await items.pass(index);
		}
		// Only one slot: item 0 sends, 1 waits for its conversation (no slot: checks go on), 2 is
		// queued for the slot, so item 3 does not read its fields yet: that would send nothing sooner.
		expect(items.sending).toEqual([0]);
		expect(items.started).toEqual([0, 1, 2]);
		// Item 0 ends: 2 gets the slot, 1 (its conversation free now) queues for the next one.
		await items.finish(0);
		expect(items.sending).toEqual([0, 2]);
		expect(items.started).toEqual([0, 1, 2]);
		await items.finish(2);
		// Nothing is queued for a slot any more: item 3 reads its fields while item 1 sends.
		expect(items.sending).toEqual([0, 2, 1]);
		expect(items.started).toEqual([0, 1, 2, 3]);
		await items.pass(3);
		await items.finish(1);
		expect(items.sending).toEqual([0, 2, 1, 3]);
		await items.finish(3);
		expect(values((await done).outcomes)).toEqual(['sent 0', 'sent 1', 'sent 2', 'sent 3']);
	});

	it('reads the fields of later items while requests are on their way, not all before the first answer is read', async () => {
		// Each item's checks are synchronous work; each request ends on a later turn of the event
		// loop, as an answer from the network does. Checks must not run ahead of the answers.
		const events: string[] = [];
		const answer = async () => await new Promise<void>((resolve) => setImmediate(resolve));
		const { outcomes } = await scheduleItems<number>({
			count: 6,
			inFlight: 2,
			stopOnFailure: false,
			run: async (index, turn) => {
				events.push(`check ${index}`);
				await turn(undefined);
				await answer();
				events.push(`answer ${index}`);
				return index;
			},
		});
		expect(outcomes.map((outcome) => outcome?.ok && outcome.value)).toEqual([0, 1, 2, 3, 4, 5]);
		// Items 0 and 1 send, 2 is checked and queued; 3 waits until 0's answer was read.
		expect(events.slice(0, 4)).toEqual(['check 0', 'check 1', 'check 2', 'answer 0']);
		expect(events.indexOf('check 3')).toBeGreaterThan(events.indexOf('answer 0'));
		expect(events.indexOf('check 5')).toBeGreaterThan(events.indexOf('answer 2'));
	});

	describe('a time slice for checks while requests are in flight', () => {
		/** Items whose checks take 3 ms on a test clock and whose answers come a turn of the event loop later. */
		async function runSliced(options: { send: boolean; slice: boolean; inFlight?: number }) {
			const events: string[] = [];
			let clock = 0;
			const answer = async () => await new Promise<void>((resolve) => setImmediate(resolve));
			const slice = {
				ms: 5,
				now: () => clock,
				pause: async () => {
					events.push('pause');
					await answer();
				},
			};
			const { outcomes } = await scheduleItems<number>({
				count: 6,
				inFlight: options.inFlight ?? 10,
				stopOnFailure: false,
				slice: options.slice ? slice : undefined,
				run: async (index, turn) => {
					events.push(`check ${index}`);
					clock += 3;
					if (!options.send) return index;
					await turn(undefined);
					await answer();
					events.push(`answer ${index}`);
					return index;
				},
			});
			expect(outcomes.map((outcome) => outcome?.ok && outcome.value)).toEqual([0, 1, 2, 3, 4, 5]);
			return events;
		}

		it('without a slice, free slots let every check run before the first answer is read', async () => {
			const events = await runSliced({ send: true, slice: false });
			expect(events.indexOf('answer 0')).toBeGreaterThan(events.indexOf('check 5'));
		});

		it('with requests in flight, checks give the event loop a turn once they used up the slice', async () => {
			const events = await runSliced({ send: true, slice: true });
			// Checks 0 and 1 take 6 ms: past the 5 ms slice, so item 2 waits for a pause, and so on
			// every two items; the first answers are read before the last items are checked.
			expect(events.indexOf('check 1')).toBeLessThan(events.indexOf('pause'));
			expect(events.indexOf('pause')).toBeLessThan(events.indexOf('check 2'));
			expect(events.filter((event) => event === 'pause')).toHaveLength(2);
			expect(events.indexOf('answer 0')).toBeLessThan(events.indexOf('check 5'));
		});

		it('checks held for a slot start a new slice when an answer frees it: one at a time, no pause', async () => {
			// The answer that frees the slot came on a turn of the event loop, so the loop just had one.
			const events = await runSliced({ send: true, slice: true, inFlight: 1 });
			expect(events).not.toContain('pause');
			expect(events.filter((event) => event.startsWith('check'))).toHaveLength(6);
		});

		it('a failure while a pause is pending ends the run; the pause, once over, starts no later item', async () => {
			let endPause = () => {};
			let clock = 0;
			const started: number[] = [];
			const done = scheduleItems<number>({
				count: 5,
				inFlight: 10,
				stopOnFailure: true,
				slice: { ms: 5, now: () => clock, pause: async () => await new Promise<void>((resolve) => (endPause = resolve)) },
				run: async (index, turn) => {
					started.push(index);
					clock += 3;
					await turn(undefined);
					await settle();
					if (index === 1) throw new Error('item 1 refused');
					return index;
				},
			});
			const { outcomes, firstFailure } = await done;
			expect(started).toEqual([0, 1]);
			expect(firstFailure?.index).toBe(1);
			expect(outcomes.map((outcome) => outcome?.ok)).toEqual([true, false, undefined, undefined, undefined]);
			endPause();
			await settle();
			expect(started).toEqual([0, 1]);
		});

		it('a slice of 0 ms or less is no slice: checks run on without pausing', async () => {
			const events: string[] = [];
			await scheduleItems<number>({
				count: 4,
				inFlight: 10,
				stopOnFailure: false,
				slice: { ms: 0, now: () => 0, pause: async () => void events.push('pause') },
				run: async (index, turn) => {
					await turn(undefined);
					await settle();
					return index;
				},
			});
			expect(events).toEqual([]);
		});

		it('with nothing in flight, checks never pause: there is nothing to read', async () => {
			const events = await runSliced({ send: false, slice: true });
			expect(events).toEqual([0, 1, 2, 3, 4, 5].map((index) => `check ${index}`));
		});
	});

	it('takes the turn once, however many requests an item makes', async () => {
		const { outcomes } = await schedule({
			count: 3,
			inFlight: 1,
			run: async (index, turn) => {
				await turn('same');
				await turn('same');
				await turn('same');
				return `sent ${index}`;
			},
		});
		expect(values(outcomes)).toEqual(['sent 0', 'sent 1', 'sent 2']);
	});

	it('answers an empty input at once', async () => {
		const run = jest.fn();
		expect(await schedule({ count: 0, run })).toEqual({ outcomes: [], firstFailure: undefined, steps: 0 });
		expect(run).not.toHaveBeenCalled();
	});
});

describe('scheduleItems: an item refused in its checks, with stopOnFailure', () => {
	it('[A ok, A bad, B ok]: item 2 is refused before it waits for A, so B never starts', async () => {
		const items = harness(['A', 'A', 'B']);
		const failures: number[] = [];
		const done = schedule({ count: 3, run: items.run, stopOnFailure: true, onFailure: (index) => failures.push(index) });
		await settle();
		await items.pass(0);
		expect(items.started).toEqual([0, 1]);
		await items.fail(1, new Error('Department must be a positive whole number'));
		expect(failures).toEqual([1]);
		// Item 0 still sends; nothing after item 1 is even read.
		expect(items.started).toEqual([0, 1]);
		await items.finish(0);

		const { outcomes, firstFailure } = await done;
		expect(items.started).toEqual([0, 1]);
		expect(firstFailure?.index).toBe(1);
		expect((firstFailure?.error as Error).message).toBe('Department must be a positive whole number');
		expect(values(outcomes)).toEqual(['sent 0', 'error: Department must be a positive whole number', undefined]);
	});

	it.each([
		['one conversation', ['A', 'A', 'A', 'A']],
		['other conversations', ['A', 'B', 'C', 'D']],
		['no conversation', [undefined, undefined, undefined, undefined]],
	])('the first item refused: no later item starts (%s)', async (_case, conversations) => {
		const run = jest.fn(async (index: number) => {
			if (index === 0) throw new Error('bad input');
			return 'sent';
		});
		const { outcomes, firstFailure } = await schedule({ count: conversations.length, run, stopOnFailure: true });
		expect(run).toHaveBeenCalledTimes(1);
		expect(firstFailure?.index).toBe(0);
		expect(values(outcomes)).toEqual(['error: bad input', undefined, undefined, undefined]);
	});

	it('an item refused while earlier ones wait for their conversation: they still send, no later one starts', async () => {
		const items = harness(['A', 'A', 'B', 'B']);
		const done = schedule({ count: 4, run: items.run, stopOnFailure: true });
		await settle();
		await items.pass(0);
		await items.pass(1);
		// Item 1 waits behind item 0 (conversation A); item 2 is refused in its checks.
		expect(items.sending).toEqual([0]);
		await items.fail(2, new Error('bad phone number'));
		expect(items.started).toEqual([0, 1, 2]);
		await items.finish(0);
		expect(items.sending).toEqual([0, 1]);
		await items.finish(1);

		const { outcomes, firstFailure } = await done;
		expect(items.started).toEqual([0, 1, 2]);
		expect(firstFailure?.index).toBe(2);
		expect(values(outcomes)).toEqual(['sent 0', 'sent 1', 'error: bad phone number', undefined]);
	});
});

describe('scheduleItems: conversations and slots', () => {
	it('sends the items of one conversation in input order, other conversations beside them', async () => {
		const items = harness(['a', 'a', 'b', 'a', 'c', 'b']);
		const done = schedule({ count: 6, inFlight: 6, run: items.run });
		await settle();
		for (const index of [0, 1, 2, 3, 4, 5]) await items.pass(index);
		// 0 (a), 2 (b) and 4 (c) send together; 1 and 3 (a) and 5 (b) wait for their conversation.
		expect(items.sending).toEqual([0, 2, 4]);
		await items.finish(0);
		expect(items.sending).toEqual([0, 2, 4, 1]);
		await items.finish(2);
		expect(items.sending).toEqual([0, 2, 4, 1, 5]);
		// Item 3 waits for item 1, not for the end of the other conversations.
		await items.finish(1);
		expect(items.sending).toEqual([0, 2, 4, 1, 5, 3]);
		for (const index of [3, 4, 5]) await items.finish(index);

		const { outcomes } = await done;
		expect(values(outcomes)).toEqual(['sent 0', 'sent 1', 'sent 2', 'sent 3', 'sent 4', 'sent 5']);
	});

	it('waits for the previous item of its conversation even when that one failed', async () => {
		const items = harness(['a', 'a']);
		const done = schedule({ count: 2, run: items.run });
		await settle();
		await items.pass(0);
		await items.pass(1);
		expect(items.sending).toEqual([0]);
		await items.fail(0, new Error('HTTP 422'));
		expect(items.sending).toEqual([0, 1]);
		await items.finish(1);
		expect(values((await done).outcomes)).toEqual(['error: HTTP 422', 'sent 1']);
	});

	it.each([
		['distinct conversations', ['a', 'b', 'c', 'd', 'e', 'f']],
		['no conversation', [undefined, undefined, undefined, undefined, undefined, undefined]],
	])('holds at most inFlight slots at once, handed out in input order (%s)', async (_case, conversations) => {
		const items = harness(conversations);
		const done = schedule({ count: 6, inFlight: 2, run: items.run });
		await settle();
		for (const index of [0, 1, 2]) await items.pass(index);
		// Item 2 is queued for a slot: item 3 reads its fields once 2 has one.
		expect(items.started).toEqual([0, 1, 2]);
		expect(items.sending).toEqual([0, 1]);
		await items.finish(1);
		expect(items.sending).toEqual([0, 1, 2]);
		expect(items.started).toEqual([0, 1, 2, 3]);
		await items.pass(3);
		await items.finish(0);
		expect(items.sending).toEqual([0, 1, 2, 3]);
		await items.pass(4);
		await items.finish(3);
		await items.pass(5);
		for (const index of [2, 4, 5]) await items.finish(index);
		expect(items.started).toEqual([0, 1, 2, 3, 4, 5]);
		expect(items.sending).toEqual([0, 1, 2, 3, 4, 5]);
		expect(items.maxHolding()).toBe(2);
		expect(values((await done).outcomes)).toEqual(['sent 0', 'sent 1', 'sent 2', 'sent 3', 'sent 4', 'sent 5']);
	});

	it('an item waiting for its conversation holds no slot', async () => {
		const items = harness(['a', 'a', 'b']);
		const done = schedule({ count: 3, inFlight: 2, run: items.run });
		await settle();
		for (const index of [0, 1, 2]) await items.pass(index);
		// Item 1 waits for item 0; item 2 takes the second slot.
		expect(items.sending).toEqual([0, 2]);
		await items.finish(0);
		expect(items.sending).toEqual([0, 2, 1]);
		await items.finish(2);
		await items.finish(1);
		expect(values((await done).outcomes)).toEqual(['sent 0', 'sent 1', 'sent 2']);
	});
});

describe('scheduleItems: a failure after the turn, with stopOnFailure', () => {
	it('stops the later items still waiting for a slot; earlier items finish', async () => {
		const items = harness(['a', 'b', 'c', 'd', 'e', 'f']);
		const failures: number[] = [];
		const done = schedule({ count: 6, inFlight: 2, run: items.run, stopOnFailure: true, onFailure: (index) => failures.push(index) });
		await settle();
		for (const index of [0, 1, 2]) await items.pass(index);
		expect(items.sending).toEqual([0, 1]);
		await items.fail(1, new Error('HTTP 404'));
		// 2 was waiting for a slot: it does not send, and 3 to 5 never read their fields.
		expect(items.sending).toEqual([0, 1]);
		expect(items.skipped).toEqual([2]);
		expect(items.started).toEqual([0, 1, 2]);
		await items.finish(0);

		const { outcomes, firstFailure } = await done;
		expect(failures).toEqual([1]);
		expect(firstFailure?.index).toBe(1);
		expect((firstFailure?.error as Error).message).toBe('HTTP 404');
		expect(values(outcomes)).toEqual(['sent 0', 'error: HTTP 404', undefined, undefined, undefined, undefined]);
	});

	it('stops a later item waiting for its conversation behind an earlier one, once that one ends', async () => {
		const items = harness(['a', 'b', 'a']);
		const done = schedule({ count: 3, run: items.run, stopOnFailure: true });
		await settle();
		for (const index of [0, 1, 2]) await items.pass(index);
		expect(items.sending).toEqual([0, 1]);
		await items.fail(1);
		expect(items.skipped).toEqual([]);
		await items.finish(0);
		expect(items.skipped).toEqual([2]);
		expect(values((await done).outcomes)).toEqual(['sent 0', 'error: item 1 refused', undefined]);
	});

	it('reports the earliest failure even when a later item failed first; items already sending finish', async () => {
		const items = harness(['a', 'b', 'c', 'd', 'e']);
		const failures: number[] = [];
		const done = schedule({ count: 5, inFlight: 4, run: items.run, stopOnFailure: true, onFailure: (index) => failures.push(index) });
		await settle();
		for (const index of [0, 1, 2, 3]) await items.pass(index);
		expect(items.sending).toEqual([0, 1, 2, 3]);
		// Item 4 is still in its checks.
		expect(items.isWaiting(4)).toBe(true);
		await items.fail(2, new Error('item 2 refused'));
		await items.fail(1, new Error('item 1 refused'));
		// Item 4 passes its checks only now: it is stopped before sending.
		await items.pass(4);
		expect(items.skipped).toEqual([4]);
		await items.finish(3, 'sent 3 anyway');
		await items.finish(0);

		const { outcomes, firstFailure } = await done;
		expect(failures).toEqual([2, 1]);
		expect(firstFailure?.index).toBe(1);
		expect((firstFailure?.error as Error).message).toBe('item 1 refused');
		expect(items.sending).toEqual([0, 1, 2, 3]);
		expect(values(outcomes)).toEqual(['sent 0', 'error: item 1 refused', 'error: item 2 refused', 'sent 3 anyway', undefined]);
	});

	it('rejects a late turn with SkippedAfterFailure', async () => {
		const items = harness(['a', 'b']);
		const errors: unknown[] = [];
		const done = schedule({
			count: 2,
			inFlight: 2,
			stopOnFailure: true,
			run: async (index, turn) => {
				try {
					return await items.run(index, turn);
				} catch (error) {
					errors.push(error);
					throw error;
				}
			},
		});
		await settle();
		await items.pass(0);
		await items.fail(0);
		// Item 1 started when item 0 passed its checks; it reaches its turn after the failure.
		await items.pass(1);
		await done;
		expect(errors[1]).toBeInstanceOf(SkippedAfterFailure);
	});
});

describe('scheduleItems: cancellations', () => {
	class Cancelled extends Error {}

	it('counts a cancelled item as never run, not as a failure', async () => {
		const failures: number[] = [];
		const { firstFailure, outcomes } = await schedule({
			count: 3,
			inFlight: 1,
			stopOnFailure: true,
			onFailure: (index) => failures.push(index),
			isCancellation: (error) => error instanceof Cancelled,
			run: async (index, turn) => {
				if (index === 1) throw new Cancelled();
				await turn(undefined);
				if (index === 0) throw new Cancelled();
				return 'sent';
			},
		});
		expect(firstFailure).toBeUndefined();
		expect(failures).toEqual([]);
		expect(outcomes).toEqual([undefined, undefined, { ok: true, value: 'sent' }]);
	});

	it('a cancellation does not hide the failure that caused it', async () => {
		const items = harness(['a', 'b', 'c']);
		const done = schedule({
			count: 3,
			inFlight: 3,
			stopOnFailure: true,
			isCancellation: (error) => error instanceof Cancelled,
			run: items.run,
		});
		await settle();
		for (const index of [0, 1, 2]) await items.pass(index);
		await items.fail(0, new Error('HTTP 400'));
		// The limiter cancels the later items' requests.
		await items.fail(1, new Cancelled());
		await items.fail(2, new Cancelled());
		const { firstFailure, outcomes } = await done;
		expect(firstFailure?.index).toBe(0);
		expect(values(outcomes)).toEqual(['error: HTTP 400', undefined, undefined]);
	});
});

describe('scheduleItems: the scheduler\'s own work is linear', () => {
	const count = 10_000;

	it.each([
		['all in one conversation', () => 'same'],
		['each in its own conversation', (index: number) => `conversation ${index}`],
		['with no conversation', () => undefined],
	])('%s: at most 6 steps an item', async (_case, conversationOf) => {
		const { outcomes, steps, firstFailure } = await scheduleItems<number>({
			count,
			inFlight: 8,
			stopOnFailure: true,
			run: async (index, turn) => {
				// As zenviaRequest does (it awaits the credentials before its turn).
				await Promise.resolve();
				await turn(conversationOf(index));
				return index;
			},
		});
		expect(firstFailure).toBeUndefined();
		expect(outcomes).toHaveLength(count);
		expect(outcomes.every((outcome, index) => outcome?.ok && outcome.value === index)).toBe(true);
		expect(steps).toBeGreaterThanOrEqual(count);
		expect(steps).toBeLessThanOrEqual(6 * count);
	});

	it('an item that takes its turn before any await does not start the next one inside its own call', async () => {
		// 10,000 such items would otherwise nest 10,000 calls deep and overflow the stack.
		const { outcomes, firstFailure } = await scheduleItems<number>({
			count,
			inFlight: 8,
			stopOnFailure: true,
			run: async (index, turn) => {
				await turn('same');
				return index;
			},
		});
		expect(firstFailure).toBeUndefined();
		expect(outcomes.every((outcome, index) => outcome?.ok && outcome.value === index)).toBe(true);
	});

	it('items that end without a turn cost a step each', async () => {
		const { steps } = await scheduleItems<number>({ count, inFlight: 8, stopOnFailure: false, run: async (index) => index });
		expect(steps).toBeLessThanOrEqual(6 * count);
	});
});

describe('scheduleItems: without stopOnFailure', () => {
	it('answers every item exactly once, in its place', async () => {
		const calls = new Map<number, number>();
		const { outcomes, firstFailure } = await schedule({
			count: 8,
			run: async (index, turn) => {
				calls.set(index, (calls.get(index) ?? 0) + 1);
				if (index % 4 === 1) throw new Error(`bad ${index}`);
				await turn(index % 2 === 0 ? 'even' : undefined);
				if (index % 4 === 3) throw new Error(`refused ${index}`);
				return `ok ${index}`;
			},
		});
		expect(firstFailure).toBeUndefined();
		expect([...calls.entries()].sort(([a], [b]) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7].map((index) => [index, 1]));
		expect(values(outcomes)).toEqual(['ok 0', 'error: bad 1', 'ok 2', 'error: refused 3', 'ok 4', 'error: bad 5', 'ok 6', 'error: refused 7']);
	});

	it('keeps its promises through a mixed run of waits, refusals and failures', async () => {
		const random = seeded(42);
		const count = 300;
		const inFlight = 4;
		const conversations = Array.from({ length: count }, () => (random() < 0.2 ? undefined : `c${Math.floor(random() * 5)}`));
		const plans = Array.from({ length: count }, () => ({
			refused: random() < 0.1,
			failed: random() < 0.1,
			checks: Math.floor(random() * 3),
			sends: Math.floor(random() * 3),
		}));
		const pause = async (ticks: number) => {
			for (let tick = 0; tick < ticks; tick++) await settle();
		};
		const started: number[] = [];
		const turnCalled = new Set<number>();
		const ended = new Set<number>();
		const sendingOf = new Map<string, number[]>();
		const startedTooEarly: number[] = [];
		let holding = 0;
		let maxHolding = 0;

		const { outcomes, firstFailure } = await scheduleItems<string>({
			count,
			inFlight,
			stopOnFailure: false,
			run: async (index, turn) => {
				if (index > 0 && !turnCalled.has(index - 1) && !ended.has(index - 1)) startedTooEarly.push(index);
				started.push(index);
				const plan = plans[index];
				try {
					await pause(plan.checks);
					if (plan.refused) throw new Error(`bad ${index}`);
					turnCalled.add(index);
					await turn(conversations[index]);
					holding++;
					maxHolding = Math.max(maxHolding, holding);
					const conversation = conversations[index];
					if (conversation !== undefined) sendingOf.set(conversation, [...(sendingOf.get(conversation) ?? []), index]);
					try {
						await pause(plan.sends);
						if (plan.failed) throw new Error(`refused ${index}`);
						return `ok ${index}`;
					} finally {
						holding--;
					}
				} finally {
					ended.add(index);
				}
			},
		});

		expect(firstFailure).toBeUndefined();
		expect(startedTooEarly).toEqual([]);
		expect(started).toEqual(Array.from({ length: count }, (_, index) => index));
		expect(maxHolding).toBeLessThanOrEqual(inFlight);
		expect(maxHolding).toBeGreaterThan(1);
		for (const indexes of sendingOf.values()) expect(indexes).toEqual([...indexes].sort((a, b) => a - b));
		expect(values(outcomes)).toEqual(
			plans.map((plan, index) => (plan.refused ? `error: bad ${index}` : plan.failed ? `error: refused ${index}` : `ok ${index}`)),
		);
	});
});
