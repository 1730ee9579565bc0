import { startInteractions, useZenvia } from '../../../helpers/zenvia';

/**
 * The README's promises about items, time limits and stopping, at their edges: each case here is
 * one a review found broken before the per-item path became an explicit run.
 */
const env = useZenvia();

const send = { resource: 'interaction', operation: 'sendMessage', interactionHash: '={{ $json.hash }}', content: '={{ $json.text }}' };
const MESSAGES = (hash: string) => `/core/api/v1/interactions/${hash}/messages`;

const sent = (hash: string) => env.emu.requests().filter((request) => request.path === MESSAGES(hash) && request.method === 'POST');

describe('time limit per item', () => {
	it('sends nothing past the limit while the execution waits out a 429 another item got', async () => {
		const [a, b] = await startInteractions(env, 2);
		// Item 1's message is answered 429 asking for 4 s: the whole execution pauses for it. Item 2,
		// with 3 s to live, must not be sent after the pause; it fails with the time-limit error.
		env.emu.setFault({ path: MESSAGES(a), method: 'POST', status: 429, retryAfter: 4, times: 1 });
		env.emu.setFault({ path: MESSAGES(b), method: 'POST', latencyMs: 300, times: 1 });
		const begun = Date.now();

		const { items, error } = await env.run(
			{ ...send, options: { itemTimeLimit: 3 } },
			{
				items: [
					{ hash: a, text: 'first' },
					{ hash: b, text: 'second' },
					{ hash: b, text: 'third' },
				],
				continueOnFail: true,
			},
		);
		const took = Date.now() - begun;

		expect(error).toBeUndefined();
		// Item 1 itself cannot wait 4 s within 3 s: it fails at once, without a second attempt.
		expect(items[0].json.error).toMatch(/^Gave up on Zenvia Chat after waiting/);
		expect(sent(a)).toHaveLength(1);
		// No request of any item starts past its own limit: the run ends well before 3 s + 4 s.
		expect(took).toBeLessThan(6000);
		for (const request of env.emu.requests()) expect(Date.parse(request.at) - begun).toBeLessThan(3500);
	});

	it('fails an item waiting for the 429 pause as soon as the pause would outlast its limit, naming the wait', async () => {
		const [a, b] = await startInteractions(env, 2);
		const typing = (hash: string) => `/core/api/v1/interactions/${hash}/typing`;
		// Item 1 (10 s to live) is answered 429 asking for 2 s: the execution pauses. Item 2 (1 s) is
		// answered 503 after 300 ms; its retry would have to wait out the pause, which outlasts it.
		env.emu.setFault({ path: typing(a), method: 'PUT', status: 429, retryAfter: 2, times: 1 });
		env.emu.setFault({ path: typing(b), method: 'PUT', status: 503, latencyMs: 300, times: 1 });
		const begun = Date.now();

		const { items } = await env.run(
			{
				resource: 'interaction',
				operation: 'notifyTyping',
				interactionHash: '={{ $json.hash }}',
				options: { itemTimeLimit: '={{ $json.limit }}' },
			},
			{
				items: [
					{ hash: a, limit: 10 },
					{ hash: b, limit: 1 },
				],
				continueOnFail: true,
			},
		);

		expect(items[0].json.error).toBeUndefined();
		expect(items[1].json.error).toMatch(/^Gave up on Zenvia Chat after waiting .* \(the item's time limit is 1 s\)$/);
		expect(items[1].json.description).toMatch(/the last one was answered HTTP 503, then ran out waiting for the pause Zenvia asked for \(429\)/);
		// Item 2 was not sent again: it gave up when the pause began, not when it ended.
		const retried = env.emu.requests().filter((request) => request.path === typing(b));
		expect(retried).toHaveLength(1);
		expect(Date.now() - begun).toBeGreaterThanOrEqual(1900);
	});

	it('bounds a bulk batch too: Task > Import fails at its time limit, not after a minute', async () => {
		env.emu.setFault({ path: '/api/external/tasks', method: 'POST', latencyMs: 10_000, times: 1 });
		const begun = Date.now();

		const { error } = await env.run({
			resource: 'task',
			operation: 'import',
			taskId: 't-1',
			taskName: 'Call back',
			customerId: 'c-1',
			agentEmails: 'agent@example.com',
			options: { itemTimeLimit: 2 },
		});

		expect(error?.message).toMatch(/^Gave up on Zenvia Chat after waiting 2(\.\d)? s \(the item's time limit is 2 s\)$/);
		expect(Date.now() - begun).toBeLessThan(5000);
	});

	it('a 429 asking longer than the node waits fails its item at once and does not hold the others', async () => {
		const [a, b] = await startInteractions(env, 2);
		env.emu.setFault({ path: MESSAGES(a), method: 'POST', status: 429, retryAfter: 120, times: 1 });
		const begun = Date.now();

		const { items } = await env.run(
			{ ...send, options: { requestsInFlight: 1 } },
			{
				items: [
					{ hash: a, text: 'first' },
					{ hash: b, text: 'second' },
				],
				continueOnFail: true,
			},
		);

		expect(items[0].json.httpCode).toBe('429');
		expect(items[0].json.description).toMatch(/asked to wait 120 s \(Retry-After\)/);
		expect(items[1].json.error).toBeUndefined();
		expect(sent(b)).toHaveLength(1);
		expect(Date.now() - begun).toBeLessThan(5000);
	});
});

describe('stopping on a failure, without Continue On Fail', () => {
	it('an item refused for bad input stops every later item, of any conversation, before it sends anything', async () => {
		const [a, b] = await startInteractions(env, 2);

		const { error } = await env.run(
			send,
			{
				items: [
					{ hash: a, text: 'ok' },
					{ hash: a, text: '' },
					{ hash: b, text: 'ok' },
				],
			},
		);

		expect(error?.message).toBe('Content is required: got an empty value');
		expect(error?.context?.itemIndex).toBe(1);
		expect(sent(a)).toHaveLength(1);
		expect(sent(b)).toHaveLength(0);
	});

	it('says which items had already reached Zenvia when a later-started item failed first', async () => {
		const [h1, h3] = await startInteractions(env, 2);
		// Item 1 is slow; item 2 (an unknown interaction) fails with 404 while item 3 is already done.
		env.emu.setFault({ path: MESSAGES(h1), method: 'POST', latencyMs: 500, times: 1 });

		const { error } = await env.run(
			send,
			{
				items: [
					{ hash: h1, text: 'one' },
					{ hash: 'no-such-interaction', text: 'two' },
					{ hash: h3, text: 'three' },
				],
			},
		);

		expect(error?.httpCode).toBe('404');
		expect(error?.context?.itemIndex).toBe(1);
		expect(sent(h1)).toHaveLength(1);
		expect(sent(h3)).toHaveLength(1);
		expect(error?.description).toMatch(
			/The node stopped at item 2\. Zenvia had already received items 1 and 3 \(2 in all\): running the node again sends them again\.$/,
		);
	});

	it('with one request in flight, starts nothing after the failing item', async () => {
		const [h1, h3] = await startInteractions(env, 2);

		const { error } = await env.run(
			{ ...send, options: { requestsInFlight: 1 } },
			{
				items: [
					{ hash: h1, text: 'one' },
					{ hash: 'no-such-interaction', text: 'two' },
					{ hash: h3, text: 'three' },
				],
			},
		);

		expect(error?.httpCode).toBe('404');
		expect(sent(h3)).toHaveLength(0);
		expect(error?.description).toMatch(/Zenvia had already received item 1 \(1 in all\): running the node again sends it again\.$/);
	});
});
