import { EVENTS, classify } from '../../../nodes/ZenviaChatTrigger/events';
import { ALL_EVENT_NAMES, botEvents, chatApiEvents, whatsAppApiEvents } from './documentedEvents';

describe('classify', () => {
	test.each(chatApiEvents.map((doc) => [doc.source, doc.event, doc.payload] as const))(
		'Chat API "%s" is %s',
		(_source, event, payload) => {
			expect(classify(payload)).toBe(event);
		},
	);

	test.each(whatsAppApiEvents.map((doc) => [doc.source, doc.event, doc.payload] as const))(
		'WhatsApp API v1 "%s" is %s',
		(_source, event, payload) => {
			expect(classify(payload)).toBe(event);
		},
	);

	test('the documents together show each event of the filter, and the filter lists each one', () => {
		const seen = new Set([...chatApiEvents, ...whatsAppApiEvents, ...botEvents].map((doc) => doc.event));
		expect([...seen].sort()).toEqual([...ALL_EVENT_NAMES].sort());
		expect(EVENTS.map((event) => event.value).sort()).toEqual([...ALL_EVENT_NAMES].sort());
	});

	test.each([
		['a state the documents do not list', { interaction_hash: 'h', state: 'snoozed' }],
		['a state in another case', { interaction_hash: 'h', state: 'QUEUED' }],
		['a state that is not a string', { interaction_hash: 'h', state: 3 }],
		['neither a state nor a message', { interaction_hash: 'h', extra: {} }],
		['a message that is not an object', { interaction_hash: 'h', message: 'hi' }],
		['a null state and no message', { interaction_hash: 'h', state: null }],
	])('%s is unknown', (_case, payload) => {
		expect(classify(payload)).toBe('unknown');
	});

	test('a state wins over a message object', () => {
		expect(classify({ interaction_hash: 'h', state: 'finished', message: { content: 'bye' } })).toBe('finished');
	});
});
