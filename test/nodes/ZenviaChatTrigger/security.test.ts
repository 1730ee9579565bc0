import { parseIp, parseRange, rangeContains } from '../../../nodes/ZenviaChatTrigger/ipRange';
import { callWebhook, jsonCall } from '../../helpers/webhookContext';
import type { WebhookCall } from '../../helpers/webhookContext';
import { chatApiEvents } from './documentedEvents';

const SECRET = 's3cr3t-Zenvia-0123456789';
const finished = chatApiEvents.find((entry) => entry.event === 'finished')!.payload;
const call = (parameters: WebhookCall['parameters'], extra: Partial<WebhookCall> = {}) =>
	callWebhook(jsonCall(finished, { events: ['finished'], ...parameters }, extra));
/** A call to a trigger whose Zenvia Chat Webhook API credential holds SECRET. */
const guarded = (parameters: WebhookCall['parameters'], extra: Partial<WebhookCall> = {}) =>
	call(parameters, { webhookCredential: { secret: SECRET }, ...extra });

const UNAUTHORIZED = {
	ended: true,
	status: 401,
	body: { message: 'Missing or wrong secret: put it in the "secret" query parameter of the webhook URL' },
};
const NOT_ALLOWED = {
	ended: true,
	status: 403,
	body: { message: "The caller's IP address is not in the trigger's IP allow-list" },
};

describe('shared secret', () => {
	test('accepted from the query parameter', async () => {
		const outcome = await guarded({}, { query: { secret: SECRET } });
		expect(outcome.items).toHaveLength(1);
		expect(outcome.response.ended).toBe(false);
	});

	test('accepted from the X-Zenvia-Secret header', async () => {
		const outcome = await guarded({}, { headers: { 'x-zenvia-secret': SECRET } });
		expect(outcome.items).toHaveLength(1);
	});

	test.each([
		['missing', {}],
		['wrong', { query: { secret: 'nope' } }],
		['a prefix of the secret', { query: { secret: SECRET.slice(0, -1) } }],
		['longer than the secret', { query: { secret: `${SECRET}x` } }],
		['given twice', { query: { secret: [SECRET, SECRET] as unknown as string } }],
		['wrong in the header', { headers: { 'x-zenvia-secret': 'nope' } }],
	])('%s: 401 and no execution', async (_case, extra) => {
		const outcome = await guarded({}, extra);
		expect(outcome.result).toEqual({ noWebhookResponse: true });
		expect(outcome.response).toEqual(UNAUTHORIZED);
	});

	test('checked before the body, so a stranger learns nothing about it', async () => {
		const outcome = await callWebhook({ parameters: { events: ['*'] }, body: {}, rawBody: 'not json', webhookCredential: { secret: SECRET } });
		expect(outcome.response).toEqual(UNAUTHORIZED);
	});

	test('never echoed in a response or an item', async () => {
		const refused = await guarded({}, { query: { secret: 'nope' } });
		expect(JSON.stringify(refused)).not.toContain(SECRET);
		const accepted = await guarded({}, { query: { secret: SECRET } });
		expect(JSON.stringify(accepted.items)).not.toContain(SECRET);
		const raw = await guarded({ options: { rawBody: true } }, { query: { secret: SECRET } });
		expect(JSON.stringify(raw.items)).not.toContain(SECRET);
	});

	test('not required when no credential is picked', async () => {
		expect((await call({}, { query: { secret: 'anything' } })).items).toHaveLength(1);
		expect((await call({})).items).toHaveLength(1);
	});

	// A credential field may hold an expression, which can give something other than text.
	test('a credential secret that is not text refuses everyone rather than no one', async () => {
		const outcome = await call({}, { webhookCredential: { secret: 4711 }, query: { secret: '4711' } });
		expect(outcome.response).toEqual(UNAUTHORIZED);
	});

	test('a "secret" node parameter is not a secret: only the credential\'s counts', async () => {
		expect((await guarded({ secret: 'in-the-node' }, { query: { secret: 'in-the-node' } })).response).toEqual(UNAUTHORIZED);
		expect((await guarded({ secret: 'in-the-node' }, { query: { secret: SECRET } })).items).toHaveLength(1);
	});
});

describe('IP allow-list', () => {
	const allowList = (allowedIps: string, proxyHops?: number) => ({ options: { allowedIps, proxyHops } });

	test.each([
		['an exact IPv4', '203.0.113.7', '203.0.113.7'],
		['an IPv4 in a CIDR range', '10.0.0.0/8, 198.51.100.0/24', '198.51.100.200'],
		['an IPv4-mapped socket address', '203.0.113.7', '::ffff:203.0.113.7'],
		['an IPv6 in a range', '2001:db8::/32', '2001:db8:1234::5'],
		['an exact IPv6 written differently', '2001:0db8:0000:0000:0000:0000:0000:0001', '2001:db8::1'],
	])('%s is let in', async (_case, allowedIps, ip) => {
		const outcome = await call(allowList(allowedIps), { ip });
		expect(outcome.items).toHaveLength(1);
	});

	test.each([
		['an IPv4 outside the list', '203.0.113.7, 198.51.100.0/24', '203.0.113.8'],
		['an IPv6 outside the range', '2001:db8::/32', '2001:db9::1'],
		['an IPv4 against an IPv6 range', '2001:db8::/32', '10.1.2.3'],
		['an IPv6 against an IPv4 range', '0.0.0.0/0', '2001:db8::1'],
	])('%s gets 403 and no execution', async (_case, allowedIps, ip) => {
		const outcome = await call(allowList(allowedIps), { ip });
		expect(outcome.result).toEqual({ noWebhookResponse: true });
		expect(outcome.response).toEqual(NOT_ALLOWED);
	});

	test('X-Forwarded-For is ignored unless proxies are declared', async () => {
		const outcome = await call(allowList('203.0.113.7'), { ip: '10.0.0.2', headers: { 'x-forwarded-for': '203.0.113.7' } });
		expect(outcome.response).toEqual(NOT_ALLOWED);
	});

	test('behind one proxy, the address that proxy appended counts, not a forged one', async () => {
		const through = (xff: string) => call(allowList('203.0.113.7', 1), { ip: '10.0.0.2', headers: { 'x-forwarded-for': xff } });
		expect((await through('203.0.113.7')).items).toHaveLength(1);
		expect((await through('1.2.3.4, 203.0.113.7')).items).toHaveLength(1);
		expect((await through('203.0.113.7, 1.2.3.4')).response).toEqual(NOT_ALLOWED);
	});

	test('behind two proxies, the second address from the right counts', async () => {
		const outcome = await call(allowList('203.0.113.7', 2), {
			ip: '10.0.0.2',
			headers: { 'x-forwarded-for': '203.0.113.7, 172.16.0.9' },
		});
		expect(outcome.items).toHaveLength(1);
	});

	test('fewer forwarded addresses than declared proxies: refused', async () => {
		const outcome = await call(allowList('203.0.113.7', 2), { ip: '10.0.0.2', headers: { 'x-forwarded-for': '203.0.113.7' } });
		expect(outcome.response).toEqual(NOT_ALLOWED);
	});

	test('an unreadable entry refuses everyone', async () => {
		const outcome = await call(allowList('203.0.113.7, 203.0.113.300'), { ip: '203.0.113.7' });
		expect(outcome.response).toEqual({
			ended: true,
			status: 403,
			body: { message: "The trigger's IP allow-list has an entry that is not an IP address or CIDR range" },
		});
	});

	test('checked before the secret', async () => {
		const outcome = await guarded(allowList('203.0.113.7'), { ip: '10.0.0.2' });
		expect(outcome.response.status).toBe(403);
	});

	test('both guards pass: the event starts the workflow', async () => {
		const outcome = await guarded(allowList('203.0.113.0/24'), { ip: '203.0.113.7', query: { secret: SECRET } });
		expect(outcome.items).toHaveLength(1);
	});
});

describe('ipRange', () => {
	test.each([
		['203.0.113.7', (0xffffn << 32n) | 0xcb007107n],
		['::1', 1n],
		['::', 0n],
		['[2001:db8::1]', 0x20010db8000000000000000000000001n],
		['fe80::1%eth0', 0xfe800000000000000000000000000001n],
		['::ffff:10.0.0.1', (0xffffn << 32n) | 0x0a000001n],
	])('parseIp(%s)', (text, expected) => {
		expect(parseIp(text)).toBe(expected);
	});

	test.each(['', '1.2.3', '1.2.3.4.5', '256.0.0.1', '1.2.3.x', '1::2::3', '1:2:3:4:5:6:7:8:9', '12345::', 'localhost', '1:2:3:4:5:6:7'])(
		'parseIp(%s) is undefined',
		(text) => {
			expect(parseIp(text)).toBeUndefined();
		},
	);

	test.each(['10.0.0.0/33', '2001:db8::/129', '10.0.0.0/', '10.0.0.0/8/8', '10.0.0.0/x', 'nope/8'])('parseRange(%s) is undefined', (text) => {
		expect(parseRange(text)).toBeUndefined();
	});

	test('a /0 IPv4 range holds every IPv4 address and no other IPv6 one', () => {
		const range = parseRange('0.0.0.0/0')!;
		expect(rangeContains(range, parseIp('255.255.255.255')!)).toBe(true);
		expect(rangeContains(range, parseIp('2001:db8::1')!)).toBe(false);
	});

	test('range bounds', () => {
		const range = parseRange('192.168.4.0/22')!;
		expect(rangeContains(range, parseIp('192.168.4.0')!)).toBe(true);
		expect(rangeContains(range, parseIp('192.168.7.255')!)).toBe(true);
		expect(rangeContains(range, parseIp('192.168.8.0')!)).toBe(false);
		expect(rangeContains(range, parseIp('192.168.3.255')!)).toBe(false);
	});
});
