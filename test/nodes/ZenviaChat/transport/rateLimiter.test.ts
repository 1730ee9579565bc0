import { AdaptiveLimiter, RequestCancelled } from '../../../../nodes/ZenviaChat/transport/rateLimiter';
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
});
