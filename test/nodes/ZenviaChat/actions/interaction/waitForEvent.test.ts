import type { INodeParameters } from 'n8n-workflow';

import { useZenvia } from '../../../../helpers/zenvia';

// The refusals of Wait for Event, before anything is registered; the waits themselves need a
// running n8n and its trigger (test/e2e/waits.test.js).
const env = useZenvia();
const run = (parameters: INodeParameters) => env.run({ resource: 'interaction', operation: 'waitForEvent', ...parameters });
const interactionHash = 'b0b00000-0000-4000-8000-000000000003';

describe('Interaction > Wait for Event: refused before anything is registered', () => {
	it.each([
		[['finished', 'new_message'], /^Events: new_message is not one of queued, accepted/],
		// None picked: n8n itself refuses the node (Events is required).
		[[], /Events/],
	])('events %j: %s', async (waitEvents, message) => {
		const result = await run({ interactionHash, waitEvents });
		expect(result.error?.message).toMatch(message);
	});

	it('without a published Zenvia Chat Trigger says what to add', async () => {
		const result = await run({ interactionHash, waitEvents: ['finished'] });
		expect(result.error?.message).toBe('Waiting needs a published Zenvia Chat Trigger in this workflow');
	});

	it('by a WhatsApp customer needs the Customer External ID', async () => {
		const result = await run({ waitBy: 'externalId', customerExternalId: '', waitEvents: ['transferred'] });
		expect(result.error?.message).toMatch(/Customer External ID/);
	});
});
