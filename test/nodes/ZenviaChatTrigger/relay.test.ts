import {
	RELAY_CALLER_HEADER,
	RELAY_HEADER,
	RELAY_MAX_AGE_MS,
	nodeWebhookPath,
	relayAnswerLog,
	relayFailureLog,
	relayMark,
	shouldRelay,
	testListenerUrl,
	verifyRelayMark,
} from '../../../nodes/ZenviaChatTrigger/relay';
import { PRODUCTION_URL, TEST_URL, WEBHOOK_ID, callInMode } from './relayCall';
import type { RelayCall } from './relayCall';

const SECRET = 's3cr3t-Zenvia-0123456789';
const finished = { interaction_hash: '322e458c-540c-4c11-ab5c-d38d39f57213', state: 'finished', extra: { crmId: '7' } };
const RELAY_ON = { events: ['finished'], options: { relayToTestListener: true } };

describe('shouldRelay: relay or not, given the mode, the option and the mark', () => {
	test.each([
		// mode, option, marked, relays
		['webhook', true, false, true],
		['webhook', true, true, false],
		['webhook', false, false, false],
		['webhook', false, true, false],
		// The test listener never relays: a relayed call cannot loop.
		['manual', true, false, false],
		['manual', true, true, false],
		['manual', false, false, false],
		// Other modes never serve a Zenvia call; they never relay either.
		['trigger', true, false, false],
		['integrated', true, false, false],
		['internal', true, false, false],
	])('mode %s, option %s, marked %s: %s', (mode, enabled, marked, relays) => {
		expect(shouldRelay({ mode, enabled, marked })).toBe(relays);
	});
});

describe('testListenerUrl: the Test URL beside the Production URL', () => {
	const path = `${WEBHOOK_ID}/zenvia-chat`;

	test('swaps the webhook endpoint for webhook-test on the same base', () => {
		expect(testListenerUrl(PRODUCTION_URL, path)).toBe(TEST_URL);
		expect(testListenerUrl(`http://127.0.0.1:5678/webhook/${path}`, path)).toBe(`http://127.0.0.1:5678/webhook-test/${path}`);
	});

	test('keeps a base path (n8n served under /n8n/)', () => {
		expect(testListenerUrl(`https://example.com/n8n/webhook/${path}`, path)).toBe(`https://example.com/n8n/webhook-test/${path}`);
	});

	test('the path of a node without a webhook id (older workflows)', () => {
		const older = nodeWebhookPath({ name: 'Zenvia Chat Trigger' }, 'wf1');
		expect(older).toBe('wf1/zenvia%20chat%20trigger/zenvia-chat');
		expect(testListenerUrl(`https://n8n.example.com/webhook/${older}`, older)).toBe(`https://n8n.example.com/webhook-test/${older}`);
		expect(nodeWebhookPath({ name: 'x', webhookId: WEBHOOK_ID }, 'wf1')).toBe(path);
	});

	test.each([
		['not a URL', 'webhook/x'],
		['another webhook', `https://n8n.example.com/webhook/other/zenvia-chat`],
		['no endpoint before the path', `https://n8n.example.com/${path}`],
	])('%s: no Test URL', (_case, url) => {
		expect(testListenerUrl(url, path)).toBeUndefined();
	});
});

describe('the relay mark', () => {
	const claims = { webhookId: WEBHOOK_ID, callerIp: '203.0.113.7', body: JSON.stringify(finished) };
	const now = 1_760_000_000_000;
	const mark = relayMark(SECRET, { ...claims, timestamp: now });

	test('v1.<time>.<signature>: neither the secret nor anything made only of it', () => {
		expect(mark).toMatch(/^v1\.1760000000000\.[0-9a-f]{64}$/);
		expect(mark).not.toContain(SECRET);
	});

	test('verifies with the same secret, webhook, caller and body, within five minutes either way', () => {
		expect(verifyRelayMark(SECRET, mark, claims, now)).toBe(true);
		expect(verifyRelayMark(SECRET, mark, { ...claims, body: Buffer.from(claims.body) }, now + RELAY_MAX_AGE_MS)).toBe(true);
		expect(verifyRelayMark(SECRET, mark, claims, now - RELAY_MAX_AGE_MS)).toBe(true);
	});

	test.each([
		['another secret', () => verifyRelayMark(`${SECRET}x`, mark, claims, now)],
		['no secret', () => verifyRelayMark('', mark, claims, now)],
		['another webhook', () => verifyRelayMark(SECRET, mark, { ...claims, webhookId: 'other' }, now)],
		['another caller address', () => verifyRelayMark(SECRET, mark, { ...claims, callerIp: '198.51.100.1' }, now)],
		['another body', () => verifyRelayMark(SECRET, mark, { ...claims, body: claims.body.replace('finished', 'accepted') }, now)],
		['too old', () => verifyRelayMark(SECRET, mark, claims, now + RELAY_MAX_AGE_MS + 1)],
		['from the future', () => verifyRelayMark(SECRET, mark, claims, now - RELAY_MAX_AGE_MS - 1)],
		['another time in the mark', () => verifyRelayMark(SECRET, mark.replace('1760000000000', '1760000000001'), claims, now)],
		['unsigned', () => verifyRelayMark(SECRET, relayMark(undefined, { ...claims, timestamp: now }), claims, now)],
		['malformed', () => verifyRelayMark(SECRET, 'v1.x.y', claims, now)],
		['empty', () => verifyRelayMark(SECRET, '', claims, now)],
	])('refused: %s', (_case, check) => {
		expect(check()).toBe(false);
	});
});

describe('what the log says about the relay', () => {
	test('nothing above debug when the listener took the event or nobody listens (404)', () => {
		expect(relayAnswerLog(200, TEST_URL).level).toBe('debug');
		expect(relayAnswerLog(404, TEST_URL).level).toBe('debug');
	});

	test('a warning naming the cause for a refusal', () => {
		expect(relayAnswerLog(401, TEST_URL)).toEqual({ level: 'warn', message: expect.stringContaining('shared secret') });
		expect(relayAnswerLog(403, TEST_URL)).toEqual({ level: 'warn', message: expect.stringContaining('IP allow-list') });
		expect(relayAnswerLog(500, TEST_URL)).toEqual({ level: 'warn', message: expect.stringContaining('answered 500') });
	});

	test('a network failure names WEBHOOK_URL', () => {
		const line = relayFailureLog(TEST_URL, new Error('connect ECONNREFUSED 10.0.0.1:443'));
		expect(line.level).toBe('warn');
		expect(line.message).toContain('WEBHOOK_URL');
		expect(line.message).toContain('ECONNREFUSED');
		expect(line.message).toContain(TEST_URL);
	});
});

describe('the published trigger with Relay to Test Listener', () => {
	const production = (extra: Partial<RelayCall> = {}) =>
		callInMode({
			mode: 'webhook',
			parameters: RELAY_ON,
			payload: finished,
			webhookCredential: { secret: SECRET },
			query: { secret: SECRET },
			ip: '203.0.113.7',
			...extra,
		});

	test('starts its own execution and hands the same event to the Test URL, marked and signed', async () => {
		const outcome = await production();
		expect(outcome.items).toEqual([{ event: 'finished', interactionHash: finished.interaction_hash, extra: { crmId: '7' } }]);
		expect(outcome.relayed).toHaveLength(1);
		const [relayed] = outcome.relayed;
		expect(relayed).toMatchObject({ method: 'POST', url: TEST_URL, body: JSON.stringify(finished), ignoreHttpStatusErrors: true });
		expect(relayed.headers).toMatchObject({ 'content-type': 'application/json', [RELAY_CALLER_HEADER]: '203.0.113.7' });
		expect(String(relayed.headers?.[RELAY_HEADER])).toMatch(/^v1\.\d+\.[0-9a-f]{64}$/);
		// The secret travels nowhere: not in the URL, not in a header, not in the body.
		expect(JSON.stringify(relayed)).not.toContain(SECRET);
	});

	test('Zenvia\'s answer does not wait for the relay (a relay that never ends)', async () => {
		const outcome = await production({ relayAnswer: 'never' });
		expect(outcome.items).toHaveLength(1);
		expect(outcome.relayed).toHaveLength(1);
	});

	test('relays events it does not pick itself: the draft in the editor may pick them', async () => {
		const outcome = await production({ payload: { ...finished, state: 'typing' } });
		expect(outcome.result).toEqual({});
		expect(outcome.relayed).toHaveLength(1);
	});

	test('relays nothing a refused caller sent', async () => {
		const outcome = await production({ query: { secret: 'nope' } });
		expect(outcome.status).toBe(401);
		expect(outcome.relayed).toHaveLength(0);
	});

	test.each([
		['the option off', { parameters: { events: ['finished'] } }],
		['a call already marked as relayed (even with a forged mark)', { headers: { [RELAY_HEADER]: 'v1.1.forged' } }],
		['the test listener itself (mode manual)', { mode: 'manual' as const }],
	])('no relay with %s', async (_case, extra) => {
		const outcome = await production(extra);
		expect(outcome.items).toHaveLength(1);
		expect(outcome.relayed).toHaveLength(0);
	});

	test('nobody listening (404): silent', async () => {
		const outcome = await production({ relayAnswer: { status: 404 } });
		await outcome.relaySettled;
		expect(outcome.log.filter((line) => line.level !== 'debug')).toEqual([]);
	});

	test('n8n cannot reach its own URL: a warning naming WEBHOOK_URL, and production unaffected', async () => {
		const outcome = await production({ relayAnswer: { error: new Error('getaddrinfo ENOTFOUND n8n.example.com') } });
		expect(outcome.items).toHaveLength(1);
		await outcome.relaySettled;
		expect(outcome.log).toEqual([{ level: 'warn', message: expect.stringContaining('WEBHOOK_URL') }]);
	});

	test('without a credential the mark is unsigned', async () => {
		const outcome = await production({ webhookCredential: undefined, query: {} });
		expect(String(outcome.relayed[0].headers?.[RELAY_HEADER])).toMatch(/^v1\.\d+\.unsigned$/);
	});
});

describe('the test listener receiving a relayed call', () => {
	/** The published trigger's relay request, captured. */
	async function relayedRequest(parameters = RELAY_ON, payload: unknown = finished) {
		const outcome = await callInMode({
			mode: 'webhook',
			parameters,
			payload,
			webhookCredential: { secret: SECRET },
			query: { secret: SECRET },
			ip: '203.0.113.7',
		});
		const [request] = outcome.relayed;
		return { headers: request.headers as Record<string, string>, body: String(request.body) };
	}
	/** That request, as the test listener (mode manual) gets it from n8n's own address. */
	const listener = async (
		request: { headers: Record<string, string>; body: string },
		parameters: RelayCall['parameters'] = { events: ['finished'] },
		extra: Partial<RelayCall> = {},
	) =>
		await callInMode({
			mode: 'manual',
			parameters,
			payload: JSON.parse(request.body),
			rawBody: request.body,
			headers: request.headers,
			ip: '10.0.0.5',
			webhookCredential: { secret: SECRET },
			...extra,
		});

	test('passes the shared secret check without the secret, and yields the same item', async () => {
		const request = await relayedRequest();
		const outcome = await listener(request);
		expect(outcome.status).toBeUndefined();
		expect(outcome.items).toEqual([{ event: 'finished', interactionHash: finished.interaction_hash, extra: { crmId: '7' } }]);
		// The listener relays nothing on: no loop.
		expect(outcome.relayed).toHaveLength(0);
	});

	test('its IP allow-list is checked against the address the published trigger saw', async () => {
		const request = await relayedRequest();
		expect((await listener(request, { events: ['*'], options: { allowedIps: '203.0.113.0/24' } })).items).toHaveLength(1);
		expect((await listener(request, { events: ['*'], options: { allowedIps: '10.0.0.5' } })).status).toBe(403);
	});

	test.each([
		['a forged mark', (request: { headers: Record<string, string>; body: string }) => ({ ...request, headers: { ...request.headers, [RELAY_HEADER]: `v1.${Date.now()}.${'0'.repeat(64)}` } })],
		['a changed body', (request: { headers: Record<string, string>; body: string }) => ({ ...request, body: request.body.replace('crmId', 'crmID') })],
		['a changed caller address', (request: { headers: Record<string, string>; body: string }) => ({ ...request, headers: { ...request.headers, [RELAY_CALLER_HEADER]: '198.51.100.1' } })],
	])('%s counts for nothing: 401 without the secret', async (_case, change) => {
		const outcome = await listener(change(await relayedRequest()));
		expect(outcome.status).toBe(401);
		expect(outcome.items).toBeUndefined();
	});

	test('a listener with another secret refuses the relay (401)', async () => {
		const outcome = await listener(await relayedRequest(), { events: ['finished'] }, { webhookCredential: { secret: 'another' } });
		expect(outcome.status).toBe(401);
	});

	test('a listener without a credential takes the relay as any call', async () => {
		const outcome = await listener(await relayedRequest(), { events: ['finished'] }, { webhookCredential: undefined });
		expect(outcome.items).toHaveLength(1);
	});

	test('the mark counts only on the test listener: the published trigger still wants the secret', async () => {
		const request = await relayedRequest();
		const outcome = await listener(request, { events: ['finished'] }, { mode: 'webhook' });
		expect(outcome.status).toBe(401);
		expect(outcome.relayed).toHaveLength(0);
	});
});
