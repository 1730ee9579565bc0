import type { INodeParameters } from 'n8n-workflow';

import { startInteraction, useZenvia } from '../../../../helpers/zenvia';

const env = useZenvia();
const run = (operation: string, parameters: INodeParameters) => env.run({ resource: 'interaction', operation, ...parameters });

describe('Interaction > Update', () => {
	it('sends the mood, tags, customer key and note, and the emulator keeps them', async () => {
		const hash = await startInteraction(env);

		const { items, error } = await run('update', {
			interactionHash: hash,
			updateFields: {
				mood: 'NEGATIVE',
				tagIds: '1, 999,42',
				customerKey: '0010-abcd-efgh-ijkd-1c422e49fdff',
				note: 'Called back on Monday',
			},
		});

		expect(error).toBeUndefined();
		expect(env.emu.requests()).toEqual([
			expect.objectContaining({
				method: 'PUT',
				path: `/core/api/v1/interactions/${hash}`,
				body: {
					token: '[redacted]',
					mood: 'NEGATIVE',
					tag_ids: ['1', '999', '42'],
					customer_key: '0010-abcd-efgh-ijkd-1c422e49fdff',
					note: 'Called back on Monday',
				},
			}),
		]);
		expect(items).toEqual([
			{
				json: { interactionHash: hash, message: 'Interaction updated successfully', status: 200 },
				pairedItem: { item: 0 },
			},
		]);
		const stored = env.emu.state.interactions.get(hash);
		expect(stored).toMatchObject({ mood: 'NEGATIVE', note: 'Called back on Monday' });
	});

	it('sends only the fields that were set', async () => {
		const hash = await startInteraction(env);

		await run('update', { interactionHash: hash, updateFields: { note: 'Only a note', tagIds: '' } });

		expect(env.emu.requests()[0].body).toEqual({ token: '[redacted]', note: 'Only a note' });
	});

	it('refuses an update with nothing to change', async () => {
		const { error } = await run('update', { interactionHash: 'any-hash', updateFields: {} });

		expect(error?.message).toBe('Update Fields is empty: add the mood, tag IDs, customer key or note to change');
		expect(env.emu.requests()).toEqual([]);
	});

	it('refuses tag ids that are not ids', async () => {
		const { error } = await run('update', { interactionHash: 'any-hash', updateFields: { tagIds: '1, two words' } });

		expect(error?.message).toBe('Tag IDs must be ids separated by commas, and two words is not an id');
		expect(env.emu.requests()).toEqual([]);
	});

	it('reports an unknown interaction with the status and a hint', async () => {
		const { error } = await run('update', { interactionHash: 'no-such-hash', updateFields: { note: 'x' } });

		expect(error?.httpCode).toBe('404');
		expect(error?.message).toMatch(/^Zenvia Chat answered HTTP 404/);
		expect(error?.description).toBe('Zenvia Chat does not know this item: check the hash or id sent.');
	});
});
