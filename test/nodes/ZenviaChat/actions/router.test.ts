import * as itemScheduler from '../../../../nodes/ZenviaChat/helpers/itemScheduler';
import { startInteractions, useZenvia } from '../../../helpers/zenvia';

const env = useZenvia();

const start = { resource: 'interaction', operation: 'start', departmentId: { __rl: true, mode: 'id', value: '={{ $json.department }}' } };

describe('router', () => {
	it('answers every item in order with Continue On Fail, a failed one as an error item', async () => {
		const { items, error } = await env.run(
			start,
			{
				items: [{ department: 1 }, { department: 'x' }, { department: 4 }, { department: 2 }],
				continueOnFail: true,
			},
		);

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
		const { items, error } = await env.run(start, { items: [{ department: 1 }, { department: 'x' }, { department: 2 }] });

		expect(items).toEqual([]);
		expect(error?.message).toBe('Department must be a positive whole number, got x');
		expect(error?.context?.itemIndex).toBe(1);
		expect(env.emu.requests()).toHaveLength(1);
	});
});

describe('router: items in flight', () => {
	const send = { resource: 'interaction', operation: 'sendMessage', interactionHash: '={{ $json.hash }}', content: '={{ $json.text }}' };

	it('gives the scheduler a time slice, so item checks let n8n read the answers in flight', async () => {
		const [hash] = await startInteractions(env, 1);
		const scheduled = jest.spyOn(itemScheduler, 'scheduleItems');
		try {
			const { error } = await env.run(send, { items: [{ hash, text: 'one' }] });
			expect(error).toBeUndefined();
			const slice = scheduled.mock.calls[0]?.[0].slice;
			expect(slice?.ms).toBeGreaterThan(0);
			// The pause lets timers and I/O run: a timer set before it fires before it ends.
			let timerRan = false;
			setTimeout(() => (timerRan = true), 0);
			await slice?.pause();
			expect(timerRan).toBe(true);
		} finally {
			scheduled.mockRestore();
		}
	});

	it('keeps each interaction\'s messages in input order while other interactions go ahead', async () => {
		const [first, second, third] = await startInteractions(env, 3);
		env.emu.clearRequests();
		// The first message to the first interaction is slow to answer: its next messages must wait.
		env.emu.setFault({ method: 'POST', path: `/core/api/v1/interactions/${first}/messages`, latencyMs: 300, times: 1 });
		const input = [
			{ hash: first, text: 'a1' },
			{ hash: second, text: 'b1' },
			{ hash: first, text: 'a2' },
			{ hash: third, text: 'c1' },
			{ hash: first, text: 'a3' },
			{ hash: second, text: 'b2' },
		];

		const { items, error } = await env.run(send, { items: input });

		expect(error).toBeUndefined();
		expect(items.map((item) => [item.pairedItem, item.json.interactionHash])).toEqual(
			input.map(({ hash }, index) => [{ item: index }, hash]),
		);
		const contents = (hash: string) => env.emu.state.interactions.get(hash)?.messages.map((message) => message.content);
		expect(contents(first)).toEqual(['a1', 'a2', 'a3']);
		expect(contents(second)).toEqual(['b1', 'b2']);
		expect(contents(third)).toEqual(['c1']);
		// The other interactions did not wait behind the slow one.
		const arrived = env.emu.requests().map((request) => (request.body as { content: string }).content);
		expect(arrived.indexOf('c1')).toBeLessThan(arrived.indexOf('a2'));
	});

	it('with Requests in Flight 1, sends every item in turn', async () => {
		const [first, second] = await startInteractions(env, 2);
		env.emu.clearRequests();
		env.emu.setFault({ method: 'POST', path: `/core/api/v1/interactions/${first}/messages`, latencyMs: 200, times: 1 });
		const { error } = await env.run(
			{ ...send, options: { requestsInFlight: 1 } },
			{
				items: [
					{ hash: first, text: 'a1' },
					{ hash: second, text: 'b1' },
				],
			},
		);
		expect(error).toBeUndefined();
		expect(env.emu.requests().map((request) => (request.body as { content: string }).content)).toEqual(['a1', 'b1']);
	});

	it('by default sends up to 50 requests at once, and no more', async () => {
		const hashes = await startInteractions(env, 60);
		// Every answer takes 3 s: whatever reaches Zenvia before then was in flight at the same time.
		env.emu.configure({ latencyMs: 3000 });
		const running = env.run(send, { items: hashes.map((hash, index) => ({ hash, text: `m${index}` })) });
		const arrived = () => env.emu.requests().length;
		for (let waited = 0; arrived() < 50 && waited < 2500; waited += 20) await new Promise((resolve) => setTimeout(resolve, 20));
		await new Promise((resolve) => setTimeout(resolve, 200));
		expect(arrived()).toBe(50);

		const { items, error } = await running;
		expect(error).toBeUndefined();
		expect(items).toHaveLength(60);
		expect(arrived()).toBe(60);
	});

	it('refuses a Requests in Flight that is not a positive whole number before any request', async () => {
		const { error } = await env.run({ ...send, options: { requestsInFlight: 0 } }, { items: [{ hash: 'x', text: 'a' }] });
		expect(error?.message).toBe('Requests in Flight must be a positive whole number, got 0');
		expect(env.emu.requests()).toHaveLength(0);
	});

	it('under a rate limit answered 429, delivers every item exactly once', async () => {
		env.emu.configure({ rateLimitPerSecond: 20, rateLimitBurst: 5 });
		const count = 40;
		const { items, error } = await env.run(start, { items: Array.from({ length: count }, () => ({ department: 1 })) });

		expect(error).toBeUndefined();
		expect(items).toHaveLength(count);
		expect(new Set(items.map((item) => item.json.interactionHash)).size).toBe(count);
		expect(env.emu.state.interactions.size).toBe(count);
		// The limit was reached, so the limiter had something to do.
		expect(env.emu.requests().some((request) => request.rateLimited)).toBe(true);
	});

	it('stops at the earliest failed item when a later one failed too, sending nothing after it', async () => {
		const { error } = await env.run(
			start,
			{
				items: [{ department: 1 }, { department: 4 }, { department: 1 }, { department: 'x' }, { department: 1 }],
			},
		);
		expect(error?.message).toBe('Zenvia Chat answered HTTP 422: The selected department_id is not an active department.');
		expect(error?.context?.itemIndex).toBe(1);
		// Item 4 comes after the failures and never reaches Zenvia; item 3 is refused before sending.
		expect(env.emu.requests().length).toBeLessThanOrEqual(3);
	});
});
