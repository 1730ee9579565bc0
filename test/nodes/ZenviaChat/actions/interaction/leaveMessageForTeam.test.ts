import { useZenvia } from '../../../../helpers/zenvia';

const env = useZenvia();
const run = (parameters: Record<string, unknown>) =>
	env.run({
		resource: 'interaction',
		operation: 'leaveMessageForTeam',
		departmentId: { __rl: true, mode: 'id', value: '1' },
		content: 'Please call me back',
		customerEmail: 'maria@example.com',
		...parameters,
	});

describe('Interaction > Leave Message for Team', () => {
	it('sends every field set with the Chat API token and lifts the interaction hash', async () => {
		const { items, error } = await run({
			messageType: 'image',
			url: 'https://files.example.com/photo.png',
			customerDetails: { name: 'Maria', phone: '11991417777', cpf: '12345678900' },
		});

		expect(error).toBeUndefined();
		expect(env.emu.requests()[0]).toMatchObject({
			method: 'POST',
			path: '/core/api/v1/offcontact',
			body: {
				token: '[redacted]',
				department_id: 1,
				content: 'Please call me back',
				content_type: 'image',
				url: 'https://files.example.com/photo.png',
				customer: { email: 'maria@example.com', name: 'Maria', phone: '11991417777', cpf: '12345678900' },
			},
		});
		expect(items[0].json).toEqual({
			interactionHash: expect.stringMatching(/^[0-9a-f-]{36}$/),
			message: 'Offcontact sent',
			interaction_hash: items[0].json.interactionHash,
			status: 200,
		});
	});

	it('names Zenvia\'s refusal (an inactive department)', async () => {
		const { error } = await run({ departmentId: { __rl: true, mode: 'id', value: '4' } });

		expect(error?.message).toBe('Zenvia Chat answered HTTP 422: The selected department_id is not an active department.');
	});

	it.each([
		[{ customerEmail: '={{ "" }}' }, 'Customer Email is required: got an empty value'],
		[{ customerEmail: 'maria' }, 'Customer Email must be an e-mail address, got maria'],
		[{ content: '={{ "" }}' }, 'Content is required: got an empty value'],
		[{ messageType: 'video', url: '={{ "" }}' }, 'Media URL must be an http(s) URL, got (empty)'],
	])('refuses %p before any request', async (override, message) => {
		const { error } = await run(override);

		expect(error?.message).toBe(message);
		expect(env.emu.requests()).toEqual([]);
	});
});
