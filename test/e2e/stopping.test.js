// @ts-check
'use strict';

// What the README promises about stopping on a failure without Continue On Fail, for 1 and for
// the default requests in flight, each run in a real n8n against the emulator.

const { emulator, execute } = require('./setup/context');

/** The messages Zenvia received, as the texts sent. */
async function delivered() {
	return (await emulator.requests())
		.filter((request) => request.method === 'POST' && /\/messages$/.test(request.path))
		.map((request) => /** @type {{ content: string }} */ (request.body).content);
}

/** @param {Awaited<ReturnType<typeof execute>>} execution */
const errorOf = (execution) => /** @type {any} */ (execution.run?.data)?.resultData?.error;

describe('Stopping on a failure in a real n8n', () => {
	afterEach(async () => await emulator.clearFaults());

	it('with the default 50 in flight, the error names the items Zenvia had already received', async () => {
		// Item 1 answers slowly and item 2 fails slowly, so item 3 is done before the failure is known.
		await emulator.setFault({ path: '/core/api/v1/interactions/no-such-interaction/messages', method: 'POST', status: 404, latencyMs: 300 });
		await emulator.setFault({ path: '/core/api/v1/interactions/*', method: 'POST', latencyMs: 800, times: 1 });

		const execution = await execute('e2eStopInFlightMany');

		expect(execution.ok).toBe(false);
		expect(errorOf(execution)).toMatchObject({ httpCode: '404', node: { name: 'Send Message' } });
		expect(errorOf(execution).description).toMatch(
			/The node stopped at item 2\. Zenvia had already received items 1 and 3 \(2 in all\): running the node again sends them again\.$/,
		);
		expect((await delivered()).sort()).toEqual(['one', 'three', 'two']);
	});

	it('with 1 in flight, nothing after the failing item is sent', async () => {
		const execution = await execute('e2eStopInFlightOne');

		expect(execution.ok).toBe(false);
		expect(errorOf(execution)).toMatchObject({ httpCode: '404' });
		expect(errorOf(execution).description).toMatch(/Zenvia had already received item 1 \(1 in all\): running the node again sends it again\.$/);
		expect(await delivered()).toEqual(['one', 'two']);
	});

	it('a bad-input refusal stops every later item, of another conversation too, before it sends anything', async () => {
		const execution = await execute('e2eStopBadInput');

		expect(execution.ok).toBe(false);
		expect(errorOf(execution)).toMatchObject({ message: 'Content is required: got an empty value', node: { name: 'Send Message' } });
		expect(await delivered()).toEqual(['one']);
	});
});
