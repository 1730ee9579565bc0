import { TEST_CLIENT_SDK_TOKEN } from '../../../../helpers/runNode';
import { sentCustomer, useZenvia, WRONG_KIND_HINT } from '../../../../helpers/zenvia';

describe.each([
	['notifyTyping', '/api/v1/whatsapp/typing', 'Typing sent successfully', true],
	['notifyStoppedTyping', '/api/v1/interactions/cleared', 'Cleared sent successfully', false],
])('WhatsApp > %s', (operation, path, answer, typing) => {
	const env = useZenvia({ records: 1000, seed: 42 });

	/** Typing signals need the customer's conversation to be open, which a first message does. */
	async function openConversation(externalId: string, typingNow: boolean) {
		const response = await fetch(`${env.emu.url}/api/v1/whatsapp`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ token: TEST_CLIENT_SDK_TOKEN, content: 'Hi', department_id: 1, customer: { external_id: externalId } }),
		});
		expect(response.status).toBe(200);
		const interaction = [...env.emu.state.interactions.values()].find((stored) => stored.externalId === externalId)!;
		interaction.typing = typingNow;
		env.emu.clearRequests();
		return interaction;
	}

	it('sends a PUT with the customer\'s external_id and the token in the body', async () => {
		const interaction = await openConversation('cust-1', !typing);

		const { items, error } = await env.run({ resource: 'whatsapp', operation, customerExternalId: 'cust-1' });

		expect(error).toBeUndefined();
		expect(env.emu.requests().map(({ method, path, query, body }) => ({ method, path, query, body }))).toEqual([
			{ method: 'PUT', path, query: {}, body: { customer: { external_id: 'cust-1' }, token: '[redacted]' } },
		]);
		expect(items).toEqual([{ json: { externalId: 'cust-1', message: answer, status: 200 }, pairedItem: { item: 0 } }]);
		expect(interaction.typing).toBe(typing);
	});

	it('takes the external ID from each item', async () => {
		await openConversation('a', false);
		await openConversation('b', false);

		const { items } = await env.run(
			{ resource: 'whatsapp', operation, customerExternalId: '={{ $json.id }}' },
			{ items: [{ id: 'a' }, { id: 'b' }] },
		);

		expect(env.emu.requests().map(({ body }) => sentCustomer(body).external_id)).toEqual(['a', 'b']);
		expect(items.map(({ json, pairedItem }) => [json.externalId, pairedItem])).toEqual([
			['a', { item: 0 }],
			['b', { item: 1 }],
		]);
	});

	it('refuses a missing external ID before sending anything', async () => {
		const { error } = await env.run({ resource: 'whatsapp', operation, customerExternalId: '={{ "" }}' });

		expect(error?.message).toBe('Customer External ID is required: got an empty value');
		expect(env.emu.requests()).toEqual([]);
	});

	it('explains a 401 and says which token kind this operation takes', async () => {
		const { error } = await env.run(
			{ resource: 'whatsapp', operation, customerExternalId: 'cust-1' },
			{ credentials: { clientSdkToken: 'not-the-token' } },
		);

		expect(error?.message).toBe('Zenvia Chat answered HTTP 401: Invalid token');
		expect(error?.description).toBe(WRONG_KIND_HINT);
	});

	it('passes on a 404 for a customer with no open conversation', async () => {
		const { error } = await env.run({ resource: 'whatsapp', operation, customerExternalId: 'nobody' });

		expect(error?.message).toBe('Zenvia Chat answered HTTP 404: No open interaction for this customer.external_id');
		expect(error?.httpCode).toBe('404');
	});

	it('passes on what a 422 says', async () => {
		env.emu.setFault({ method: 'PUT', path, status: 422, body: { message: 'The customer.external_id field is required.', status: 422 } });

		const { error } = await env.run({ resource: 'whatsapp', operation, customerExternalId: 'cust-1' });

		expect(error?.message).toBe('Zenvia Chat answered HTTP 422: The customer.external_id field is required.');
		expect(error?.description).toBe('Zenvia Chat refused the fields sent: correct the field the message names.');
	});
});
