import { sleep } from 'n8n-workflow';

/**
 * One per execution, shared by every request the node sends in it. Zenvia answers 429 when a
 * client goes over its rate limit; resending right away only earns more 429s. So on a 429 the whole
 * execution pauses for Retry-After, halves the requests in flight and paces request starts at a
 * little under the rate that got through; with no 429 for a while, both ramp back up.
 */

export interface LimiterClock {
	now: () => number;
	sleep: (ms: number) => Promise<void>;
}

export interface RequestTicket {
	startedAt: number;
}

/** A request not sent because an earlier item failed and the execution stops. */
export class RequestCancelled extends Error {
	constructor() {
		super('Not sent: an earlier item failed');
	}
}

/** A request not sent because its item's time limit ends before the limiter would let it go. */
export class LimiterTimeout extends Error {
	constructor(readonly waitingFor: 'pause' | 'slot') {
		super(waitingFor === 'pause' ? 'the pause Zenvia asked for (429)' : 'a free request slot');
	}
}

interface Waiter {
	itemIndex?: number;
	/** When the item's time limit ends, on the limiter's clock. */
	endsAt: number;
	resolve: (ticket: RequestTicket) => void;
	reject: (error: Error) => void;
}

/**
 * While requests wait for a slot, the limiter looks at their time limits at least this often. A
 * short step also means no timer outlives the last waiter by more than this.
 */
const WATCH_STEP_MS = 100;

const realClock: LimiterClock = { now: () => Date.now(), sleep: async (ms) => await sleep(ms) };

/** The share of the rate that got through kept after a 429. */
const DECREASE = 0.7;
/** Pace ramps up this much (at least 1 request/s) for each second without a 429. */
const RAMP_UP = 0.05;
const RAMP_STEP_MS = 1000;
const RATE_WINDOW_MS = 1000;
const MIN_RATE = 1;
const MIN_ESTIMATE = 2;

export class AdaptiveLimiter {
	readonly maxInFlight: number;
	private inFlightLimit: number;
	private inFlight = 0;
	/** Requests per second, Infinity until the first 429. */
	private rate = Infinity;
	private pausedUntil = 0;
	private nextStartAt = 0;
	private lastDecreaseAt = -Infinity;
	private lastRampAt = 0;
	private recentSuccesses: number[] = [];
	private waiters: Waiter[] = [];
	private pumping = false;
	private cancelAbove = Infinity;
	/** Wakes the pump when a slot frees up while it waits. */
	private wake: (() => void) | undefined;

	constructor(
		maxInFlight: number,
		private readonly clock: LimiterClock = realClock,
	) {
		this.maxInFlight = Math.max(1, Math.floor(maxInFlight) || 1);
		this.inFlightLimit = this.maxInFlight;
	}

	/** What the limiter currently allows; for tests and the benchmark's notes. */
	get state() {
		return { inFlight: this.inFlight, inFlightLimit: this.inFlightLimit, rate: this.rate, pausedUntil: this.pausedUntil };
	}

	/**
	 * Resolves when a request may be sent; pair every ticket with one `release` or `rateLimited`.
	 * Rejects with LimiterTimeout, without sending, when the wait would end past `endsAt`.
	 */
	async acquire(itemIndex?: number, endsAt = Infinity): Promise<RequestTicket> {
		if (itemIndex !== undefined && itemIndex > this.cancelAbove) throw new RequestCancelled();
		// Known at once: the execution's pause ends after this request's time limit.
		if (endsAt <= this.pausedUntil) throw new LimiterTimeout('pause');
		return await new Promise<RequestTicket>((resolve, reject) => {
			this.waiters.push({ itemIndex, endsAt, resolve, reject });
			void this.pump();
		});
	}

	/** An item failed and the execution stops: later items send nothing more. */
	cancelAfter(itemIndex: number): void {
		this.cancelAbove = Math.min(this.cancelAbove, itemIndex);
		const cancelled = this.waiters.filter((waiter) => waiter.itemIndex !== undefined && waiter.itemIndex > this.cancelAbove);
		this.waiters = this.waiters.filter((waiter) => !cancelled.includes(waiter));
		for (const waiter of cancelled) waiter.reject(new RequestCancelled());
	}

	/** The request ended with an answer that is not a 429, or with a network failure. */
	release(_ticket: RequestTicket, succeeded = true): void {
		this.inFlight--;
		const now = this.clock.now();
		if (succeeded) {
			this.recentSuccesses.push(now);
			this.rampUp(now);
		}
		this.wake?.();
		void this.pump();
	}

	/**
	 * The request was answered 429. A 429 for a request sent before the last slow-down says nothing
	 * new: it only waits its turn again.
	 */
	rateLimited(ticket: RequestTicket, retryAfterMs: number): void {
		this.inFlight--;
		const now = this.clock.now();
		if (ticket.startedAt > this.lastDecreaseAt) {
			const gotThrough = this.successesSince(now - RATE_WINDOW_MS) * (1000 / RATE_WINDOW_MS);
			// Too few answers to estimate a rate (e.g. the very first request): the pause and the
			// smaller in-flight limit slow things down until a later 429 gives a measure.
			if (Number.isFinite(this.rate)) this.rate = Math.max(MIN_RATE, Math.min(this.rate, gotThrough || this.rate) * DECREASE);
			else if (gotThrough >= MIN_ESTIMATE) this.rate = gotThrough * DECREASE;
			this.inFlightLimit = Math.max(1, Math.floor(this.inFlightLimit / 2));
			this.pausedUntil = Math.max(this.pausedUntil, now + retryAfterMs);
			this.lastDecreaseAt = now;
			this.lastRampAt = this.pausedUntil;
		}
		this.wake?.();
		void this.pump();
	}

	private successesSince(from: number): number {
		this.recentSuccesses = this.recentSuccesses.filter((at) => at >= from);
		return this.recentSuccesses.length;
	}

	private rampUp(now: number): void {
		if (now - this.lastRampAt < RAMP_STEP_MS) return;
		this.lastRampAt = now;
		if (this.inFlightLimit < this.maxInFlight) this.inFlightLimit++;
		if (Number.isFinite(this.rate)) this.rate += Math.max(1, this.rate * RAMP_UP);
		if (this.recentSuccesses.length > 10_000) this.successesSince(now - RATE_WINDOW_MS);
	}

	/** Turns away every waiter whose time limit ends before `from`: its wait would outlast it. */
	private expire(from: number, why: LimiterTimeout['waitingFor']): void {
		const late = this.waiters.filter((waiter) => waiter.endsAt <= from);
		if (late.length === 0) return;
		this.waiters = this.waiters.filter((waiter) => waiter.endsAt > from);
		for (const waiter of late) waiter.reject(new LimiterTimeout(why));
	}

	/**
	 * Hands out tickets in arrival order while the pause, the pace and the in-flight limit allow. No
	 * wait outlasts a waiter's time limit: one that would is turned away when that is known (a
	 * pause), or when its limit comes (waiting for a slot).
	 */
	private async pump(): Promise<void> {
		if (this.pumping) return;
		this.pumping = true;
		try {
			while (this.waiters.length > 0) {
				const now = this.clock.now();
				this.expire(now, 'slot');
				if (this.waiters.length === 0) break;
				const paced = Number.isFinite(this.rate) ? this.nextStartAt : 0;
				const readyAt = Math.max(this.pausedUntil, paced);
				if (readyAt > now) {
					this.expire(readyAt, this.pausedUntil >= paced ? 'pause' : 'slot');
					if (this.waiters.length > 0) await this.clock.sleep(readyAt - now);
					continue;
				}
				if (this.inFlight >= this.inFlightLimit) {
					await this.slotOrStep(now);
					continue;
				}
				const waiter = this.waiters.shift() as Waiter;
				this.inFlight++;
				if (Number.isFinite(this.rate)) this.nextStartAt = Math.max(now, this.nextStartAt) + 1000 / this.rate;
				waiter.resolve({ startedAt: now });
			}
		} finally {
			this.pumping = false;
		}
	}

	/** Waits for a slot to free up, but no longer than the nearest time limit (in short steps). */
	private async slotOrStep(now: number): Promise<void> {
		const nearest = Math.min(...this.waiters.map((waiter) => waiter.endsAt));
		const freed = new Promise<void>((resolve) => (this.wake = resolve));
		const waits = [freed];
		if (Number.isFinite(nearest)) waits.push(this.clock.sleep(Math.max(1, Math.min(WATCH_STEP_MS, nearest - now))));
		await Promise.race(waits);
		this.wake = undefined;
	}
}
