import { useZenvia } from '../../../../helpers/zenvia';

const env = useZenvia({ records: 1000, seed: 42 });

const getMessages = (protocolId: string) =>
	env.run({ resource: 'report', operation: 'getConversationMessages', protocolId });

describe('Report > Get Conversation Messages', () => {
	it('asks the messages of the protocol and outputs one item per message', async () => {
		const { items, error } = await getMessages(' 100001 ');

		expect(error).toBeUndefined();
		expect(env.emu.requests()).toEqual([
			expect.objectContaining({
				method: 'GET',
				path: '/api/ms/external/history/100001/messages',
				query: { token: '[redacted]' },
			}),
		]);
		expect(items.length).toBeGreaterThan(1);
		items.forEach((item, n) => {
			expect(item.json).toMatchObject({ id: 100_001_000 + n + 1, content: expect.any(String), direction: expect.any(String) });
			expect(item.pairedItem).toEqual({ item: 0 });
		});
	});

	it('encodes the protocol ID so it cannot change the path', async () => {
		const { error } = await getMessages('1/../../reports?x=1');
		expect(env.emu.requests()[0].path).toBe('/api/ms/external/history/1%2F..%2F..%2Freports%3Fx%3D1/messages');
		expect(error?.message).toBe('Zenvia Chat answered HTTP 404: Protocol not found');
	});

	it('refuses an empty protocol ID without sending a request', async () => {
		const { items, error } = await getMessages('   ');
		expect(error?.message).toBe('Protocol ID is required: got an empty value');
		expect(items).toEqual([]);
		expect(env.emu.requests()).toEqual([]);
	});
});
