import type { INodeParameters } from 'n8n-workflow';

import { useZenvia } from '../../../../helpers/zenvia';
import type { RunOptions } from '../../../../helpers/zenvia';

// The refusals of a wait, before anything is sent; the waits themselves need a running n8n and
// its trigger (test/e2e/waits.test.js).
const env = useZenvia();
const run = (resource: string, operation: string, parameters: INodeParameters, options?: RunOptions) =>
	env.run({ resource, operation, ...parameters }, options);
const interactionHash = 'b0b00000-0000-4000-8000-000000000002';

describe('Waits refused before anything is sent', () => {
	it('Send and Wait for Reply without a published Zenvia Chat Trigger says what to add, and sends nothing', async () => {
		env.emu.state.bots.set(interactionHash, { hash: interactionHash, departmentId: 1, state: 'accepted', transferredTo: null, messages: [] });
		const result = await run('bot', 'sendAndWait', { interactionHash, content: 'What is your name?' });
		expect(result.error?.message).toBe('Waiting needs a published Zenvia Chat Trigger in this workflow');
		expect(result.error?.description).toMatch(/Add a Zenvia Chat Trigger to this workflow .* and publish the workflow/);
		// On a queue-mode worker the trigger may well be there: the error says why it is not found.
		expect(result.error?.description).toMatch(/a queue-mode worker's new execution .* a wait can only be for the conversation of the Zenvia Chat Trigger event that started the execution/);
		expect(env.emu.requests()).toEqual([]);
	});

	it('Send and Wait for Reply takes one item: an execution waits for one conversation', async () => {
		const result = await run('bot', 'sendAndWait', { interactionHash, content: 'Hi' }, { items: [{}, {}] });
		expect(result.error?.message).toBe('Send and Wait for Reply takes one input item: an execution waits for one conversation');
		expect(env.emu.requests()).toEqual([]);
	});

	it.each([
		[0, 'Wait Limit (Minutes) must be a number of minutes above 0 and at most 44640, got 0'],
		['soon', 'Wait Limit (Minutes) must be a number of minutes above 0 and at most 44640, got "soon"'],
	])('a Wait Limit of %j is refused, naming the field', async (waitLimitMinutes, message) => {
		const result = await run('bot', 'sendAndWait', { interactionHash, content: 'Hi', waitLimitMinutes });
		expect(result.error?.message).toBe(message);
	});
});
