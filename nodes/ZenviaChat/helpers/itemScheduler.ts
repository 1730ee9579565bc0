import type { ItemOutcome } from './outcome';

/**
 * Runs the per-item work of one execution with a bounded number of items sending at a time, with
 * the outcome a one-by-one loop would give.
 *
 * Each item goes through three steps:
 * 1. Checks: it reads and checks its fields. Items do this one at a time, in input order: the next
 *    item starts its checks only once this one has passed them (reached `turn`) or ended. So an
 *    item refused for bad input stops the run before any later item, of any conversation, has
 *    even read its fields. Checks also wait while an item that passed its own is still queued
 *    for a slot: checking more could not send anything sooner, and the checks run back to back
 *    (one hands over to the next on a microtask, which n8n's event loop does not get between), so
 *    the answers of the requests in flight would sit unread until every item had been checked.
 *    Waiting there, the event loop reads each answer as it comes, the freed slot goes to the
 *    queued item, and the next item's checks run while that request is on its way.
 * 2. Its conversation's turn: items that name the same conversation (an interaction, a WhatsApp
 *    customer) send one after the other, in input order.
 * 3. A slot: at most `inFlight` items hold their turn at once; the others queue in input order.
 *
 * Every step is constant work per item (a queue, a map from conversation to the last item's end),
 * so 10,000 items cost about 10,000 steps whether they share one conversation or not.
 *
 * Checks run on microtasks, so without a break a long run of them would keep the event loop from
 * sending the requests already made and reading their answers: with requests in flight, the
 * answers then come back in waves, and between waves the loop sits idle waiting for them. With
 * `slice`, once checks have run for `slice.ms` while a request is in flight, without the event
 * loop having had a turn since (a pause, or an answer that freed a slot for held checks), the next
 * item's checks wait for `slice.pause()` (a timer: the event loop's I/O runs first). A slice of
 * 0 ms or less is none.
 *
 * With `stopOnFailure`, a failed item stops every later item that has not started sending (those
 * waiting for a request inside the limiter are cancelled through `onFailure`); earlier items still
 * run, so the failure reported is the earliest one.
 */

export interface ScheduleOptions<T> {
	count: number;
	inFlight: number;
	/**
	 * Runs one item. `turn(conversation)` is called once the item has passed its checks and resolves
	 * when it may send; it rejects with SkippedAfterFailure when an earlier item failed meanwhile.
	 */
	run: (index: number, turn: (conversation: string | undefined) => Promise<void>) => Promise<T>;
	stopOnFailure: boolean;
	/** Called with the index of each failure that lowers the stop point. */
	onFailure?: (index: number) => void;
	/** Errors that mean "cancelled after a failure": the item counts as never run. */
	isCancellation?: (error: unknown) => boolean;
	/** How long checks may run back to back while requests are in flight (see above). */
	slice?: TimeSlice;
}

export interface TimeSlice {
	ms: number;
	now: () => number;
	pause: () => Promise<void>;
}


export interface ScheduleResult<T> {
	/** By input index; an item that never sent (stopped after a failure) is left undefined. */
	outcomes: Array<ItemOutcome<T> | undefined>;
	/** The earliest item that failed, when stopOnFailure ended the run. */
	firstFailure?: { index: number; error: unknown };
	/** How many scheduling steps the run took: the work the scheduler itself did. */
	steps: number;
}

/** An item that never sent: an earlier item failed while it waited for its turn. */
export class SkippedAfterFailure extends Error {
	constructor() {
		super('Not sent: an earlier item failed');
	}
}

/** A first-in, first-out queue with constant-time take (Array.shift is linear). */
class Queue<T> {
	private entries: T[] = [];
	private head = 0;

	push(entry: T): void {
		this.entries.push(entry);
	}

	take(): T | undefined {
		if (this.head >= this.entries.length) return undefined;
		const entry = this.entries[this.head];
		this.entries[this.head++] = undefined as T;
		if (this.head > 1024 && this.head * 2 > this.entries.length) {
			this.entries = this.entries.slice(this.head);
			this.head = 0;
		}
		return entry;
	}
}

export async function scheduleItems<T>(options: ScheduleOptions<T>): Promise<ScheduleResult<T>> {
	const { count, run, stopOnFailure, onFailure, isCancellation = () => false } = options;
	const outcomes: Array<ItemOutcome<T> | undefined> = new Array(count);
	let firstFailure: ScheduleResult<T>['firstFailure'];
	let steps = 0;
	const slots = Math.max(1, Math.floor(options.inFlight) || 1);
	let freeSlots = slots;
	const slotWaiters = new Queue<() => void>();
	/** Each conversation's last item so far: the promise of its end. */
	const lastOfConversation = new Map<string, Promise<void>>();
	let nextToCheck = 0;
	let running = 0;
	/** Items past their checks, their conversation's turn come, still waiting for a slot. */
	let queuedForSlot = 0;
	/** Whether the next item's checks wait for a queued item to get its slot. */
	let checksHeld = false;

	const stoppedBefore = (index: number) => firstFailure !== undefined && index > firstFailure.index;
	/** Lets held checks go on once no item is queued for a slot (set below, where checks start). */
	let releaseChecks = () => {};

	const takeSlot = async () => {
		steps++;
		if (freeSlots > 0) {
			freeSlots--;
			return;
		}
		queuedForSlot++;
		await new Promise<void>((resolve) => slotWaiters.push(resolve));
		queuedForSlot--;
		releaseChecks();
	};
	const giveSlot = () => {
		steps++;
		const waiter = slotWaiters.take();
		if (waiter) waiter();
		else freeSlots++;
	};

	return await new Promise<ScheduleResult<T>>((resolve) => {
		const finishIfDone = () => {
			if (running === 0 && (nextToCheck >= count || stoppedBefore(nextToCheck))) resolve({ outcomes, firstFailure, steps });
		};

		const startNext = () => {
			if (nextToCheck >= count || stoppedBefore(nextToCheck)) return finishIfDone();
			const index = nextToCheck++;
			running++;
			void start(index);
		};
		const slice = options.slice && options.slice.ms > 0 ? options.slice : undefined;
		/** When the event loop last had a turn, as far as checks know. */
		let sliceStartedAt = slice?.now() ?? 0;
		const afterPause = () => {
			sliceStartedAt = slice?.now() ?? 0;
			checkNext();
		};
		/** The next item's checks: now, after a break, or once no checked item is queued for a slot. */
		const checkNext = () => {
			if (queuedForSlot > 0 && nextToCheck < count) {
				checksHeld = true;
				return;
			}
			if (slice && freeSlots < slots && nextToCheck < count && slice.now() - sliceStartedAt >= slice.ms) {
				steps++;
				void slice.pause().then(afterPause, afterPause);
				return;
			}
			startNext();
		};
		releaseChecks = () => {
			if (!checksHeld || queuedForSlot > 0) return;
			checksHeld = false;
			steps++;
			// An answer freed the slot: the event loop just had its turn, so a new slice starts.
			if (slice) sliceStartedAt = slice.now();
			void Promise.resolve().then(checkNext);
		};

		const start = async (index: number) => {
			steps++;
			let passed = false;
			let holdsSlot = false;
			let endConversation: (() => void) | undefined;
			let conversationKey: string | undefined;
			let ended: Promise<void> | undefined;
			const pass = () => {
				if (passed) return;
				passed = true;
				// On the next microtask: an item that takes its turn before its first await would
				// otherwise start the next one inside its own call, thousands of calls deep.
				void Promise.resolve().then(checkNext);
			};
			let turned: Promise<void> | undefined;
			const takeTurn = async (conversation: string | undefined) => {
				pass();
				if (conversation !== undefined) {
					const previous = lastOfConversation.get(conversation);
					ended = new Promise<void>((resolveEnd) => (endConversation = resolveEnd));
					conversationKey = conversation;
					lastOfConversation.set(conversation, ended);
					steps++;
					if (previous) await previous;
				}
				await takeSlot();
				holdsSlot = true;
				if (stoppedBefore(index)) throw new SkippedAfterFailure();
			};
			// An item takes its turn once, however many requests it makes.
			const turn = async (conversation: string | undefined) => await (turned ??= takeTurn(conversation));

			try {
				outcomes[index] = { ok: true, value: await run(index, turn) };
			} catch (error) {
				if (!(error instanceof SkippedAfterFailure) && !isCancellation(error)) {
					outcomes[index] = { ok: false, error };
					if (stopOnFailure && (!firstFailure || index < firstFailure.index)) {
						firstFailure = { index, error };
						onFailure?.(index);
					}
				}
			}
			if (holdsSlot) giveSlot();
			endConversation?.();
			if (conversationKey !== undefined && lastOfConversation.get(conversationKey) === ended) lastOfConversation.delete(conversationKey);
			running--;
			pass();
			finishIfDone();
		};

		startNext();
	});
}
