import { TEST_CLIENT_SDK_TOKEN, TEST_TOKEN } from '../../../helpers/runNode';
import type { RunNodeResult } from '../../../helpers/runNode';
import { useZenvia } from '../../../helpers/zenvia';

const env = useZenvia();

const startParameters = { resource: 'interaction', operation: 'start', departmentId: { __rl: true, mode: 'id', value: '1' } };
const finishParameters = { resource: 'interaction', operation: 'finish', interactionHash: 'some-hash' };
const FINISH_PATH = '/core/api/v1/interactions/some-hash/finish';

const attempts = (path: string) => env.emu.requests().filter((request) => request.path === path).length;

/** Everything n8n could show or store about a run: output items and the error, serialised. */
const visible = (result: RunNodeResult) =>
	JSON.stringify(result.items) + JSON.stringify(result.error ?? {}) + String(result.error?.stack ?? '');

describe('zenviaRequest retries', () => {
	it('retries 503 on a PUT and succeeds on the third attempt', async () => {
		const hash = (await env.run(startParameters)).items[0].json.interactionHash as string;
		const path = `/core/api/v1/interactions/${hash}/finish`;
		env.emu.setFault({ path, status: 503, times: 2 });

		const result = await env.run({ ...finishParameters, interactionHash: hash });

		expect(result.error).toBeUndefined();
		expect(attempts(path)).toBe(3);
		expect(result.items[0].json.message).toBe('Finish sent successfully');
	});

	it('gives up after four attempts and says so', async () => {
		env.emu.setFault({ path: FINISH_PATH, status: 502 });

		const { error } = await env.run(finishParameters);

		expect(attempts(FINISH_PATH)).toBe(4);
		expect(error?.httpCode).toBe('502');
		// A PUT answered 502 may have been carried out: the error says to check before running again.
		expect(error?.description).toMatch(/^Zenvia Chat failed to answer\. It failed 4 times in a row\. Try again later\. Zenvia may have acted on the request/);
	});

	it('warns that a write may have taken effect exactly when an attempt may have: not for a read, not for a refusal', async () => {
		env.emu.setFault({ path: '/api/external/departments', status: 502 });
		const read = await env.run({ resource: 'department', operation: 'getAll' });
		expect(read.error?.httpCode).toBe('502');
		expect(read.error?.description).not.toMatch(/may have acted/);

		env.emu.clearFaults();
		env.emu.setFault({ path: '/core/api/v1/interactions', method: 'POST', status: 422 });
		const refused = await env.run(startParameters);
		expect(refused.error?.httpCode).toBe('422');
		expect(refused.error?.description).not.toMatch(/may have acted/);
	});

	it('waits as long as Retry-After asks on a 429', async () => {
		env.emu.setFault({ path: FINISH_PATH, status: 429, retryAfter: 1, times: 1 });
		const begun = Date.now();

		await env.run(finishParameters);

		const [first, second] = env.emu.requests().filter((request) => request.path === FINISH_PATH);
		expect(second).toBeDefined();
		expect(Date.parse(second.at) - Date.parse(first.at)).toBeGreaterThanOrEqual(950);
		expect(Date.now() - begun).toBeGreaterThanOrEqual(950);
	});

	it('does not wait for a Retry-After longer than a minute', async () => {
		env.emu.setFault({ path: FINISH_PATH, status: 429, retryAfter: 3600 });

		const { error } = await env.run(finishParameters);

		expect(attempts(FINISH_PATH)).toBe(1);
		expect(error?.httpCode).toBe('429');
	});

	it.each([
		['a 502', { status: 502 }],
		['a 504', { status: 504 }],
		['a connection lost after the request arrived', { dropAfterReceive: true }],
	])('never resends a POST after %s, so no message is sent twice', async (_, fault) => {
		env.emu.setFault({ path: '/core/api/v1/interactions', method: 'POST', ...fault });

		const { error } = await env.run(startParameters);

		expect(attempts('/core/api/v1/interactions')).toBe(1);
		// Following "run it again" blindly could open a second interaction: the error says to check first.
		expect(error?.description).toMatch(/Zenvia may have acted on the request .* check in Zenvia Chat .* before running the node again/);
	});

	it('does not resend a POST answered 503, and says it may have taken effect', async () => {
		env.emu.setFault({ path: '/core/api/v1/interactions', method: 'POST', status: 503, times: 1 });

		const { error } = await env.run(startParameters);

		expect(attempts('/core/api/v1/interactions')).toBe(1);
		expect(error?.httpCode).toBe('503');
		expect(error?.description).toMatch(/Zenvia may have acted on the request/);
	});

	it('resends a POST answered 429: Zenvia did not act on it', async () => {
		env.emu.setFault({ path: '/core/api/v1/interactions', method: 'POST', status: 429, retryAfter: 0, times: 1 });

		const { error, items } = await env.run(startParameters);

		expect(error).toBeUndefined();
		expect(attempts('/core/api/v1/interactions')).toBe(2);
		expect(env.emu.state.interactions.size).toBe(1);
		expect(items[0].json.interactionHash).toEqual(expect.any(String));
	});

	it('retries a PUT whose connection was dropped', async () => {
		const hash = (await env.run(startParameters)).items[0].json.interactionHash as string;
		const path = `/core/api/v1/interactions/${hash}/typing`;
		env.emu.setFault({ path, drop: true, times: 1 });

		const result = await env.run({ resource: 'interaction', operation: 'notifyTyping', interactionHash: hash });

		expect(result.error).toBeUndefined();
		expect(attempts(path)).toBe(2);
	});

	it('reports a host that refuses connections after retrying', async () => {
		const closed = 'http://127.0.0.1:9';
		const { error } = await env.run(finishParameters, { credentials: { chatApiBaseUrl: closed } });

		expect(error?.message).toBe('Could not get an answer from Zenvia Chat at http://127.0.0.1:9');
		expect(error?.description).toMatch(/ECONNREFUSED after 4 attempt\(s\)/);
	});
});

describe('zenviaRequest errors', () => {
	it.each([
		['{message, status}', { message: 'Interaction not found', status: 404 }, 404, 'Interaction not found'],
		['{error, status, success}', { error: 'Invalid token', status: 401, success: false }, 401, 'Invalid token'],
		[
			'{success, message, error, error_type}',
			{ success: false, message: 'Department inactive', error: 'validation', error_type: 'DEPARTMENT' },
			422,
			'Department inactive (DEPARTMENT)',
		],
	])('reads the API message from the %s shape', async (_, body, status, said) => {
		env.emu.setFault({ path: FINISH_PATH, status, body });

		const { error } = await env.run(finishParameters);

		expect(error?.message).toBe(`Zenvia Chat answered HTTP ${status}: ${said}`);
		expect(error?.httpCode).toBe(String(status));
	});

	it('explains a 401: which token was refused and where to get the current one', async () => {
		const wrong = await env.run(finishParameters, { credentials: { chatApiToken: 'a-wrong-token-123' } });
		expect(wrong.error?.message).toBe('Zenvia Chat answered HTTP 401: Invalid token');
		expect(wrong.error?.description).toBe(
			'The Chat API Token is wrong or was regenerated (a new token disables the previous one). Copy the current one from Menu > Settings > Integrations > API in the Zenvia admin into the Chat API Token field of the Zenvia Chat API credential.',
		);
	});

	it('sends the ClientSDK token to a Chat API route only if it sits in the Chat API field, and is refused', async () => {
		const swapped = await env.run(
			finishParameters,
			{ credentials: { chatApiToken: TEST_CLIENT_SDK_TOKEN, clientSdkToken: TEST_TOKEN } },
		);
		expect(swapped.error?.httpCode).toBe('401');
		expect(visible(swapped)).not.toContain(TEST_CLIENT_SDK_TOKEN);
		expect(visible(swapped)).not.toContain(TEST_TOKEN);
	});

	it('says so when a success answer is not JSON', async () => {
		env.emu.setFault({ path: FINISH_PATH, status: 200, bodyKind: 'not-json' });

		const { error } = await env.run(finishParameters);

		expect(error?.message).toBe('Zenvia Chat answered HTTP 200 with a body that is not JSON, an unreadable answer');
	});

	it('takes a JSON null answer to a write as an accepted request with no details', async () => {
		env.emu.setFault({ path: FINISH_PATH, status: 200, body: null });

		const { error, items } = await env.run(finishParameters);

		expect(error).toBeUndefined();
		expect(items.map((item) => item.json)).toMatchObject([{ interactionHash: 'some-hash', success: true, emptyAnswer: true }]);
	});

	it('names an HTML error page for what it is', async () => {
		env.emu.setFault({ path: FINISH_PATH, status: 500, bodyKind: 'html' });

		const { error } = await env.run(finishParameters);

		expect(error?.message).toBe('Zenvia Chat answered HTTP 500: an HTML page instead of JSON (a proxy or gateway error page)');
	});
});

describe('the token is never shown', () => {
	it('is redacted from an API answer that echoes it, in errors and in outputs', async () => {
		env.emu.setFault({ path: FINISH_PATH, status: 422, body: { message: `Token ${TEST_TOKEN} may not finish this`, status: 422 } });
		const failed = await env.run(finishParameters);

		expect(failed.error?.message).toBe('Zenvia Chat answered HTTP 422: Token [redacted] may not finish this');
		expect(visible(failed)).not.toContain(TEST_TOKEN);

		env.emu.clearFaults();
		env.emu.setFault({ path: FINISH_PATH, status: 200, body: { message: `ok ${TEST_TOKEN}`, echo: { token: TEST_TOKEN } } });
		const answered = await env.run(finishParameters);

		expect(answered.items[0].json).toEqual({ interactionHash: 'some-hash', message: 'ok [redacted]', echo: { token: '[redacted]' } });
		expect(visible(answered)).not.toContain(TEST_TOKEN);
	});

	it('is absent from network errors of a query-token request, and from Continue On Fail items', async () => {
		const closed = { chatApiBaseUrl: 'http://127.0.0.1:9' };
		const report = { resource: 'report', operation: 'getOngoing', returnAll: false, limit: 5 };
		const failed = await env.run(report, { credentials: closed });
		const continued = await env.run(report, { credentials: closed, continueOnFail: true, items: [{}, {}] });

		expect(failed.error).toBeDefined();
		expect(visible(failed)).not.toContain(TEST_TOKEN);
		expect(continued.items).toHaveLength(2);
		expect(continued.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(visible(continued)).not.toContain(TEST_TOKEN);
	});
});
