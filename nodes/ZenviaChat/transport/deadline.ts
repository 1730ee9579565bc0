/** How long one item may take, all requests, retries and waits included, unless the user says otherwise. */
export const DEFAULT_ITEM_TIME_LIMIT_SECONDS = 120;

interface ItemClock {
	startedAt: number;
	limitMs: number;
}

/**
 * The clock of each item being processed, kept per execution context. The router starts it when
 * an item begins; every request of that item (pages, retries, Retry-After waits) stays inside it.
 */
const clocks = new WeakMap<object, Map<number, ItemClock>>();

export function startItemClock(context: object, itemIndex: number, limitSeconds: number): void {
	let items = clocks.get(context);
	if (!items) clocks.set(context, (items = new Map()));
	items.set(itemIndex, { startedAt: Date.now(), limitMs: limitSeconds * 1000 });
}

export function stopItemClock(context: object, itemIndex: number): void {
	clocks.get(context)?.delete(itemIndex);
}

export interface ItemTime {
	/** Milliseconds left; Infinity when no clock runs (a dropdown's list, say). */
	remainingMs: number;
	elapsedMs: number;
	limitMs: number;
}

export function itemTime(context: object, itemIndex: number | undefined): ItemTime {
	const clock = itemIndex === undefined ? undefined : clocks.get(context)?.get(itemIndex);
	if (!clock) return { remainingMs: Infinity, elapsedMs: 0, limitMs: Infinity };
	const elapsedMs = Date.now() - clock.startedAt;
	return { remainingMs: clock.limitMs - elapsedMs, elapsedMs, limitMs: clock.limitMs };
}

/** "95 s", "2.5 s", "1 h 5 min": for error messages. */
export function describeDuration(ms: number): string {
	const seconds = ms / 1000;
	if (seconds < 10) return `${Math.round(seconds * 10) / 10} s`;
	if (seconds < 600) return `${Math.round(seconds)} s`;
	const minutes = Math.round(seconds / 60);
	return minutes < 120 ? `${minutes} min` : `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}
