import type { INodeParameters } from 'n8n-workflow';

import { startInteraction, useZenvia } from '../../../../helpers/zenvia';

const env = useZenvia();
const run = (operation: string, parameters: INodeParameters) => env.run({ resource: 'interaction', operation, ...parameters });

describe.each([
	['notifyTyping', 'typing', 'Typing sent successfully'],
	['notifyStoppedTyping', 'cleared', 'Cleared sent successfully'],
	['finish', 'finish', 'Finish sent successfully'],
])('Interaction > %s', (operation, suffix, answer) => {
	it(`sends PUT .../{hash}/${suffix} with the token alone`, async () => {
		const hash = await startInteraction(env);

		const { items, error } = await run(operation, { interactionHash: ` ${hash} ` });

		expect(error).toBeUndefined();
		expect(env.emu.requests()).toEqual([
			expect.objectContaining({
				method: 'PUT',
				path: `/core/api/v1/interactions/${hash}/${suffix}`,
				body: { token: '[redacted]' },
			}),
		]);
		expect(items).toEqual([{ json: { interactionHash: hash, message: answer, status: 200 }, pairedItem: { item: 0 } }]);
	});

	it('refuses an empty interaction hash', async () => {
		const { error } = await run(operation, { interactionHash: '={{ "" }}' });

		expect(error?.message).toBe('Interaction Hash is required: got an empty value');
		expect(env.emu.requests()).toEqual([]);
	});
});

describe('Interaction > Finish', () => {
	it('closes the interaction in the emulator', async () => {
		const hash = await startInteraction(env);

		await run('finish', { interactionHash: hash });

		expect(env.emu.state.interactions.get(hash)?.finished).toBe(true);
	});
});
