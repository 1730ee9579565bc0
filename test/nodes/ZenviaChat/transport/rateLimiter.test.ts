import { AdaptiveLimiter, LimiterTimeout, RequestCancelled } from '../../../../nodes/ZenviaChat/transport/rateLimiter';
import type { LimiterClock, RequestTicket } from '../../../../nodes/ZenviaChat/transport/rateLimiter';

/** A clock that moves only when the test advances it; sleeps end when their time is reached. */
function fakeClock() {
	let now = 0;
	const sleepers: Array<{ until: number; wake: () => void }> = [];
	const clock: LimiterClock = {
		now: () => now,
		sleep: async (ms) => await new Promise<void>((wake) => sleepers.push({ until: now + ms, wake })),
	};
	const settle = async () => {
		for (let i = 0; i < 20; i++) await Promise.resolve();
	};
	const advance = async (ms: number) => {
		now += ms;
		for (const sleeper of sleepers.filter((entry) => entry.until <= now)) {
			sleepers.splice(sleepers.indexOf(sleeper), 1);
			sleeper.wake();
		}
		await settle();
	};
	return { clock, advance, settle };
}

function track(limiter: AdaptiveLimiter, count: number, itemIndex?: (n: number) => number) {
	const granted: Array<RequestTicket & { n: number }> = [];
	const errors: unknown[] = [];
	for (let n = 0; n < count; n++) {
		limiter.acquire(itemIndex?.(n)).then(
			(ticket) => granted.push({ ...ticket, n }),
			(error) => errors.push(error),
		);
	}
	return { granted, errors };
}

describe('AdaptiveLimiter', () => {
	it('grants up to the in-flight limit in arrival order, the next when one ends', async () => {
		const { clock, settle } = fakeClock();
		const limiter = new AdaptiveLimiter(2, clock);
		const { granted } = track(limiter, 4);
		await settle();
		expect(granted.map((ticket) => ticket.n)).toEqual([0, 1]);
		limiter.release(granted[1]);
		await settle();
		expect(granted.map((ticket) => ticket.n)).toEqual([0, 1, 2]);
	});

	it('on a 429 pauses every request for Retry-After, halves the in-flight limit and paces below the rate that got through', async () => {
		const { clock, advance, settle } = fakeClock();
		const limiter = new AdaptiveLimiter(8, clock);
		// 40 answers in the last second, then a 429 that asks for 1 s.
		for (let n = 0; n < 40; n++) {
			const ticket = await limiter.acquire();
			limiter.release(ticket);
		}
		const [ticket] = (await Promise.all([limiter.acquire()])) as RequestTicket[];
		limiter.rateLimited(ticket, 1000);
		expect(limiter.state.inFlightLimit).toBe(4);
		expect(limiter.state.rate).toBeCloseTo(28);

		const { granted } = track(limiter, 3);
		await settle();
		expect(granted).toEqual([]);
		await advance(999);
		expect(granted).toEqual([]);
		await advance(1);
		expect(granted.map((entry) => entry.n)).toEqual([0]);
		// Paced: the next start waits 1000 / 28 ms.
		await advance(30);
		expect(granted.map((entry) => entry.n)).toEqual([0]);
		await advance(6);
		expect(granted.map((entry) => entry.n)).toEqual([0, 1]);
	});

	it('slows down once for a burst of 429s to requests sent before the slow-down', async () => {
		const { clock, settle } = fakeClock();
		const limiter = new AdaptiveLimiter(8, clock);
		const { granted } = track(limiter, 8);
		await settle();
		for (const ticket of granted) limiter.rateLimited(ticket, 1000);
		expect(limiter.state.inFlightLimit).toBe(4);
		expect(limiter.state.inFlight).toBe(0);
		expect(limiter.state.pausedUntil).toBe(1000);
	});

	it('ramps back up after a second without 429', async () => {
		const { clock, advance } = fakeClock();
		const limiter = new AdaptiveLimiter(4, clock);
		for (let n = 0; n < 10; n++) limiter.release(await limiter.acquire());
		limiter.rateLimited(await limiter.acquire(), 1000);
		const slowed = limiter.state;
		await advance(2100);
		limiter.release(await limiter.acquire());
		expect(limiter.state.inFlightLimit).toBe(slowed.inFlightLimit + 1);
		expect(limiter.state.rate).toBeGreaterThan(slowed.rate);
	});

	it('after a failure, cancels the waiting requests of later items and refuses new ones; earlier items still go', async () => {
		const { clock, settle } = fakeClock();
		const limiter = new AdaptiveLimiter(1, clock);
		const { granted, errors } = track(limiter, 4, (n) => n);
		await settle();
		limiter.cancelAfter(1);
		limiter.release(granted[0]);
		await settle();
		expect(granted.map((ticket) => ticket.n)).toEqual([0, 1]);
		expect(errors).toHaveLength(2);
		expect(errors.every((error) => error instanceof RequestCancelled)).toBe(true);
		await expect(limiter.acquire(5)).rejects.toBeInstanceOf(RequestCancelled);
	});

	describe('time limits', () => {
		/** Records how one acquire ends, without the test awaiting it. */
		function watch(promise: Promise<RequestTicket>) {
			const result: { ticket?: RequestTicket; error?: unknown } = {};
			promise.then(
				(ticket) => (result.ticket = ticket),
				(error: unknown) => (result.error = error),
			);
			return result;
		}

		it.each([
			['well before the pause ends', 500],
			['exactly when the pause ends', 1000],
		])('turns a waiter whose time limit ends %s away at once, waiting for the pause', async (_case, endsAt) => {
			const { clock, settle } = fakeClock();
			const limiter = new AdaptiveLimiter(4, clock);
			limiter.rateLimited(await limiter.acquire(0), 1000);
			expect(limiter.state.pausedUntil).toBe(1000);

			const late = watch(limiter.acquire(1, endsAt));
			// No clock advance: the wait would outlast the item's limit, so it is refused now.
			await settle();
			expect(late.ticket).toBeUndefined();
			expect(late.error).toBeInstanceOf(LimiterTimeout);
			expect((late.error as LimiterTimeout).waitingFor).toBe('pause');
			expect(limiter.state.inFlight).toBe(0);
		});

		it('turns a late waiter away at once even while others already wait out the pause', async () => {
			const { clock, advance, settle } = fakeClock();
			const limiter = new AdaptiveLimiter(4, clock);
			limiter.rateLimited(await limiter.acquire(0), 1000);
			const patient = watch(limiter.acquire(1, 5000));
			await settle();
			await advance(200);
			const late = watch(limiter.acquire(2, 900));
			await settle();
			expect(late.error).toBeInstanceOf(LimiterTimeout);
			expect((late.error as LimiterTimeout).waitingFor).toBe('pause');
			expect(patient).toEqual({});
			await advance(800);
			expect(patient.ticket).toEqual({ startedAt: 1000 });
		});

		it('lets a waiter whose time limit outlasts the pause go when the pause ends', async () => {
			const { clock, advance, settle } = fakeClock();
			const limiter = new AdaptiveLimiter(4, clock);
			limiter.rateLimited(await limiter.acquire(0), 1000);
			const late = watch(limiter.acquire(1, 500));
			const patient = watch(limiter.acquire(2, 1001));
			await settle();
			expect(late.error).toBeInstanceOf(LimiterTimeout);
			expect(patient).toEqual({});
			await advance(999);
			expect(patient).toEqual({});
			await advance(1);
			expect(patient.ticket).toEqual({ startedAt: 1000 });
		});

		it('turns a waiter blocked on the in-flight limit away when its time limit comes', async () => {
			const { clock, advance, settle } = fakeClock();
			const limiter = new AdaptiveLimiter(1, clock);
			const first = await limiter.acquire(0);
			const blocked = watch(limiter.acquire(1, 250));
			const patient = watch(limiter.acquire(2, 10_000));
			await settle();
			expect(blocked).toEqual({});
			await advance(100);
			await advance(100);
			expect(blocked).toEqual({});
			await advance(49);
			expect(blocked).toEqual({});
			await advance(1);
			expect(blocked.ticket).toBeUndefined();
			expect(blocked.error).toBeInstanceOf(LimiterTimeout);
			expect((blocked.error as LimiterTimeout).waitingFor).toBe('slot');
			// The one still in time keeps waiting and gets the slot when it frees up.
			expect(patient).toEqual({});
			limiter.release(first);
			await settle();
			expect(patient.ticket).toEqual({ startedAt: 250 });
			expect(limiter.state.inFlight).toBe(1);
		});

		it('still cancels the later items, whatever their time limits', async () => {
			const { clock, settle } = fakeClock();
			const limiter = new AdaptiveLimiter(1, clock);
			const first = await limiter.acquire(0, 10_000);
			const earlier = watch(limiter.acquire(1, 10_000));
			const later = watch(limiter.acquire(3, 10_000));
			const latest = watch(limiter.acquire(4));
			await settle();
			limiter.cancelAfter(2);
			await settle();
			expect(later.error).toBeInstanceOf(RequestCancelled);
			expect(latest.error).toBeInstanceOf(RequestCancelled);
			await expect(limiter.acquire(3, 10_000)).rejects.toBeInstanceOf(RequestCancelled);
			limiter.release(first);
			await settle();
			expect(earlier.ticket).toEqual({ startedAt: 0 });
		});
	});
});
