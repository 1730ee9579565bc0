/**
 * Runs the per-item work of one execution with a bounded number of items in flight, with the
 * outcome a one-by-one loop would give.
 *
 * - At most `inFlight` items run at a time. They start in input order, and each waits until the
 *   item started before it has passed its checks (reached its first request, or ended): an item
 *   refused for bad input therefore stops the run before any later item sends anything.
 * - Items that share a conversation key (the same interaction, the same WhatsApp customer) run one
 *   after the other in input order, so a conversation receives its messages in the order given;
 *   items of different conversations run side by side.
 * - With `stopOnFailure`, a failed item stops every later item from starting (those already
 *   waiting for a request slot are cancelled through `onFailure`); earlier items still run, so
 *   the failure reported is the earliest one, as in a one-by-one loop.
 */

export interface ScheduleOptions<T> {
	count: number;
	inFlight: number;
	/** Items with the same key keep their input order; undefined means no constraint. */
	keyOf: (index: number) => string | undefined;
	/** Runs one item; calls `passed` once the item has passed its checks (before its first request). */
	run: (index: number, passed: () => void) => Promise<T>;
	stopOnFailure: boolean;
	/** Called with the index of each failure that lowers the stop point. */
	onFailure?: (index: number) => void;
	/** Errors that mean "cancelled after a failure": the item counts as never run. */
	isCancellation?: (error: unknown) => boolean;
}

export type ItemOutcome<T> = { ok: true; value: T } | { ok: false; error: unknown };

export interface ScheduleResult<T> {
	/** By input index; an item that never ran (after a failure) is left undefined. */
	outcomes: Array<ItemOutcome<T> | undefined>;
	/** The earliest item that failed, when stopOnFailure ended the run. */
	firstFailure?: { index: number; error: unknown };
}

export async function scheduleItems<T>(options: ScheduleOptions<T>): Promise<ScheduleResult<T>> {
	const { count, keyOf, run, stopOnFailure, onFailure, isCancellation = () => false } = options;
	const limit = Math.max(1, Math.floor(options.inFlight) || 1);
	const outcomes: Array<ItemOutcome<T> | undefined> = new Array(count);
	// Read when the item comes up, not all at once up front: reading is CPU work that can overlap
	// the requests already in flight.
	const keys = new Map<number, string | undefined>();
	const keyAt = (index: number) => {
		if (!keys.has(index)) keys.set(index, keyOf(index));
		return keys.get(index);
	};
	const busyKeys = new Set<string>();
	/** Indexes not started yet, ascending. */
	let waiting = Array.from({ length: count }, (_, index) => index);
	let running = 0;
	let firstFailure: ScheduleResult<T>['firstFailure'];
	let previousPassed: Promise<void> = Promise.resolve();

	const stoppedBefore = (index: number) => firstFailure !== undefined && index > firstFailure.index;

	return await new Promise<ScheduleResult<T>>((resolve) => {
		const finishIfDone = () => {
			if (running === 0 && waiting.every(stoppedBefore)) resolve({ outcomes, firstFailure });
		};

		const startReady = () => {
			const kept: number[] = [];
			for (let position = 0; position < waiting.length; position++) {
				const index = waiting[position];
				if (running >= limit || stoppedBefore(index)) {
					kept.push(...waiting.slice(position));
					break;
				}
				const key = keyAt(index);
				// An item waits while an earlier item of its conversation is running.
				if (key !== undefined && busyKeys.has(key)) {
					kept.push(index);
					continue;
				}
				if (key !== undefined) busyKeys.add(key);
				running++;
				void start(index, key);
			}
			waiting = kept;
		};

		const start = async (index: number, key: string | undefined) => {
			const previous = previousPassed;
			let passed!: () => void;
			previousPassed = new Promise<void>((resolvePassed) => (passed = resolvePassed));
			await previous;
			if (!stoppedBefore(index)) {
				try {
					outcomes[index] = { ok: true, value: await run(index, passed) };
				} catch (error) {
					if (!isCancellation(error)) {
						outcomes[index] = { ok: false, error };
						if (stopOnFailure && (!firstFailure || index < firstFailure.index)) {
							firstFailure = { index, error };
							onFailure?.(index);
						}
					}
				}
			}
			passed();
			running--;
			keys.delete(index);
			if (key !== undefined) busyKeys.delete(key);
			startReady();
			finishIfDone();
		};

		startReady();
		finishIfDone();
	});
}
