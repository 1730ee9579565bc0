import {
	REGISTRATION_MAX_AGE_MS,
	conversationKey,
	conversationsOf,
	findWaiter,
	isOwnResumeUrl,
	sameOrigin,
	isRegistration,
	readDesk,
	register,
	conversationKeyOf,
	passFor,
	readPass,
	signRegistration,
	verifyRegistration,
	verifyRegistrationFor,
} from '../../../../nodes/ZenviaChat/helpers/waitDesk';
import type { WaitDesk, Waiter } from '../../../../nodes/ZenviaChat/helpers/waitDesk';

const HASH = '322e458c-540c-4c11-ab5c-d38d39f57213';
const NOW = 1_800_000_000_000;
const waiter = (overrides: Partial<Waiter> = {}): Waiter => ({
	url: 'http://127.0.0.1:5678/webhook-waiting/12/node-1?signature=abc',
	events: ['new_message', 'finished_interaction'],
	until: NOW + 60_000,
	registeredAt: NOW,
	executionId: '12',
	...overrides,
});
const desk = (waiters: Record<string, Waiter> = {}): WaitDesk => ({ key: 'k'.repeat(64), intake: 'http://127.0.0.1:5678/webhook/w/zenvia-chat', waiters });

describe('findWaiter: which waiter an event is for', () => {
	const waiting = desk({ [conversationKey('interaction', HASH)]: waiter() });
	test.each([
		// event, payload, found
		['new_message', { interaction_hash: HASH, type: 'new_message' }, 'waiter'],
		['finished_interaction', { interaction_hash: HASH, type: 'finished_interaction' }, 'waiter'],
		// Not an event this waiter waits for.
		['new_interaction', { interaction_hash: HASH, type: 'new_interaction' }, 'none'],
		['finished', { interaction_hash: HASH, state: 'finished' }, 'none'],
		// Another conversation.
		['new_message', { interaction_hash: 'other', type: 'new_message' }, 'none'],
		['new_message', {}, 'none'],
	])('%s %j: %s', (event, payload, kind) => {
		expect(findWaiter(waiting, event, payload, NOW).kind).toBe(kind);
	});

	test('a waiter past its limit is expired', () => {
		expect(findWaiter(waiting, 'new_message', { interaction_hash: HASH }, NOW + 60_001).kind).toBe('expired');
	});

	test('a WhatsApp API v1 customer is found by external id', () => {
		const byCustomer = desk({ [conversationKey('externalId', '5511')]: waiter({ events: ['transferred'] }) });
		expect(findWaiter(byCustomer, 'transferred', { interaction_hash: HASH, external_id: '5511', state: 'transferred' }, NOW).kind).toBe('waiter');
	});

	test('no desk, no waiter', () => {
		expect(findWaiter(undefined, 'new_message', { interaction_hash: HASH }, NOW)).toEqual({ kind: 'none' });
	});
});

describe('register: one waiter per conversation, expired ones dropped', () => {
	test('the newer registration replaces the older and says so', () => {
		const kept = desk({ [conversationKey('interaction', HASH)]: waiter({ executionId: '11', url: 'http://127.0.0.1:5678/webhook-waiting/11/n' }) });
		const { replaced } = register(kept, { conversation: conversationKey('interaction', HASH), waiter: waiter() }, NOW);
		expect(replaced?.executionId).toBe('11');
		expect(kept.waiters[conversationKey('interaction', HASH)].executionId).toBe('12');
	});

	test('the same waiter registering again replaces nothing', () => {
		const kept = desk({ [conversationKey('interaction', HASH)]: waiter() });
		expect(register(kept, { conversation: conversationKey('interaction', HASH), waiter: waiter() }, NOW)).toEqual({});
	});

	test('entries past their limit are dropped', () => {
		const kept = desk({ 'interaction:old': waiter({ until: NOW - 1 }), 'interaction:live': waiter() });
		register(kept, { conversation: 'interaction:new', waiter: waiter() }, NOW);
		expect(Object.keys(kept.waiters).sort()).toEqual(['interaction:live', 'interaction:new']);
	});
});

describe('registrations: signed, recent, well formed, pointing at this n8n', () => {
	const key = 'desk-key-0123456789';
	const body = JSON.stringify({ conversation: `interaction:${HASH}`, waiter: waiter() });

	test.each([
		['signed now', signRegistration(key, body, NOW), body, NOW, true],
		['signed a moment ago', signRegistration(key, body, NOW - 1000), body, NOW, true],
		['too old (replayed)', signRegistration(key, body, NOW - REGISTRATION_MAX_AGE_MS - 1), body, NOW, false],
		['another body', signRegistration(key, body, NOW), body.replace('12', '13'), NOW, false],
		['another key', signRegistration('other-key', body, NOW), body, NOW, false],
		['not a signature', 'v1.123.abc', body, NOW, false],
		['empty', '', body, NOW, false],
	])('%s: %s', (_case, header, given, now, valid) => {
		expect(verifyRegistration(key, header, given, now)).toBe(valid);
	});

	test.each([
		[{ conversation: `interaction:${HASH}`, waiter: waiter() }, true],
		[{ conversation: `externalId:5511`, waiter: waiter() }, true],
		[{ conversation: 'somewhere:else', waiter: waiter() }, false],
		[{ conversation: `interaction:${HASH}`, waiter: { ...waiter(), until: 'soon' } }, false],
		[{ conversation: `interaction:${HASH}`, waiter: { ...waiter(), events: [1] } }, false],
		[{ conversation: `interaction:${HASH}` }, false],
		[null, false],
	])('%j is a registration: %s', (body, valid) => {
		expect(isRegistration(body)).toBe(valid);
	});

	test.each([
		['http://127.0.0.1:5678/webhook-waiting/12/node-1?signature=x', true],
		['http://127.0.0.1:5678/webhook-waiting/12/node-1', true],
		// Another host or port: the trigger never calls elsewhere.
		['http://evil.example.com/webhook-waiting/12/node-1', false],
		['http://127.0.0.1:5679/webhook-waiting/12/node-1', false],
		// Another execution than the registration names.
		['http://127.0.0.1:5678/webhook-waiting/13/node-1', false],
		['not a url', false],
	])('%s is this n8n\'s resume URL of execution 12: %s', (url, own) => {
		expect(isOwnResumeUrl(url, 'http://127.0.0.1:5678/webhook/w/zenvia-chat', '12')).toBe(own);
	});

	test.each([
		['http://127.0.0.1:5678/a', 'http://127.0.0.1:5678/b?x=1', true],
		['http://127.0.0.1:5678/a', 'https://127.0.0.1:5678/a', false],
		['http://127.0.0.1:5678/a', 'not a url', false],
		// URLs without an origin ("null") share none, though their origins compare equal.
		['data:text/plain,a', 'data:text/plain,b', false],
		['custom://host/a', 'custom://host/b', false],
	])('%s and %s share their origin: %s', (url, other, same) => {
		expect(sameOrigin(url, other)).toBe(same);
	});
});

describe('the desk in static data', () => {
	test('read when it has a key and its waiters, never written', () => {
		expect(readDesk({ zenviaChatWaits: { key: 'k', waiters: {} } })).toEqual({ key: 'k', waiters: {} });
		const malformed = { zenviaChatWaits: { key: 'k' } };
		expect(readDesk(malformed)).toBeUndefined();
		expect(malformed).toEqual({ zenviaChatWaits: { key: 'k' } });
		expect(readDesk({})).toBeUndefined();
		expect(readDesk({ zenviaChatWaits: { key: '' } })).toBeUndefined();
	});

	test('an event belongs to its interaction, then its WhatsApp customer', () => {
		expect(conversationsOf({ interaction_hash: HASH, external_id: '5511' })).toEqual([`interaction:${HASH}`, 'externalId:5511']);
	});
});

describe('the wait pass: a worker\'s way to the desk, scoped to the event\'s conversations', () => {
	const interaction = conversationKey('interaction', HASH);
	const customer = conversationKey('externalId', '5511');
	const body = JSON.stringify({ conversation: interaction, waiter: waiter() });

	test('carries the desk\'s address and one key per conversation of the event, never the desk\'s key', () => {
		const pass = passFor(desk(), { interaction_hash: HASH, external_id: '5511' });
		expect(pass).toEqual({
			intake: desk().intake,
			keys: { [interaction]: conversationKeyOf(desk().key, interaction), [customer]: conversationKeyOf(desk().key, customer) },
		});
		expect(JSON.stringify(pass)).not.toContain(desk().key);
		expect(conversationKeyOf(desk().key, interaction)).not.toBe(conversationKeyOf(desk().key, customer));
	});

	test.each([
		['an event without a conversation', desk(), {}],
		['a desk without an address', { ...desk(), intake: undefined }, { interaction_hash: HASH }],
	])('none for %s', (_case, given, payload) => {
		expect(passFor(given as WaitDesk, payload)).toBeUndefined();
	});

	test.each([
		['the conversation\'s key', () => conversationKeyOf(desk().key, interaction), true],
		// The desk's key signs nothing itself: it never has to leave static data.
		['the desk\'s own key', () => desk().key, false],
		['another conversation\'s key', () => conversationKeyOf(desk().key, customer), false],
		['a key of another desk', () => conversationKeyOf('x'.repeat(64), interaction), false],
	])('a registration for a conversation signed with %s: %s', (_case, key, verified) => {
		const header = signRegistration(key(), body, NOW);
		expect(verifyRegistrationFor(desk(), interaction, header, body, NOW)).toBe(verified);
	});

	test('a pass-signed registration goes stale like any other', () => {
		const header = signRegistration(conversationKeyOf(desk().key, interaction), body, NOW);
		expect(verifyRegistrationFor(desk(), interaction, header, body, NOW + REGISTRATION_MAX_AGE_MS + 1)).toBe(false);
	});

	test.each([
		['not an object', 'pass'],
		['no address', { keys: {} }],
		['keys not a map', { intake: 'http://x', keys: 'k' }],
		['a key that is not one', { intake: 'http://x', keys: { [interaction]: 'short' } }],
	])('readPass refuses %s', (_case, entry) => {
		expect(readPass(entry)).toBeUndefined();
	});

	test('readPass gives back what passFor made', () => {
		const pass = passFor(desk(), { interaction_hash: HASH });
		expect(readPass(JSON.parse(JSON.stringify(pass)))).toEqual(pass);
	});
});
