import { deliveredItem, eventOutcome, limitOutcome, replyOutcome } from '../../../../../nodes/ZenviaChat/actions/waits/outcome';

const HASH = '322e458c-540c-4c11-ab5c-d38d39f57213';

describe('what a wait outputs: one outcome field for every wait', () => {
	test.each([
		[
			'the customer\'s reply',
			replyOutcome({ event: 'new_message', interactionHash: HASH, content: 'Maria', contentType: 'text' }, 1200),
			{ outcome: 'reply', interactionHash: HASH, content: 'Maria', contentType: 'text', waitedMs: 1200 },
		],
		[
			'a media reply',
			replyOutcome({ event: 'new_message', interactionHash: HASH, content: 'https://x/y.png', contentType: 'image' }, 5),
			{ outcome: 'reply', interactionHash: HASH, content: 'https://x/y.png', contentType: 'image', waitedMs: 5 },
		],
		['the customer leaving', replyOutcome({ event: 'finished_interaction', interactionHash: HASH }, 9), { outcome: 'customerLeft', interactionHash: HASH, waitedMs: 9 }],
		[
			'an interaction event',
			eventOutcome({ event: 'finished', interactionHash: HASH, extra: { crmId: '7' } }, 30),
			{ outcome: 'event', event: 'finished', interactionHash: HASH, extra: { crmId: '7' }, waitedMs: 30 },
		],
		['no reply within the limit', limitOutcome('noReply', { interactionHash: HASH }, 600000), { outcome: 'noReply', interactionHash: HASH, waitedMs: 600000 }],
		['no event within the limit', limitOutcome('timeout', { interactionHash: HASH }, 60000), { outcome: 'timeout', interactionHash: HASH, waitedMs: 60000 }],
	])('%s', (_case, output, expected) => {
		expect(output).toEqual(expected);
	});

	test.each([
		[{ item: { event: 'new_message', interactionHash: HASH } }, true],
		[{ item: { event: 'new_message' } }, false],
		[{ item: 'x' }, false],
		[{}, false],
		[undefined, false],
	])('%j holds an event: %s', (body, holds) => {
		expect(deliveredItem(body) !== undefined).toBe(holds);
	});
});
