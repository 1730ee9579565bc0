import { TEST_TOKEN } from '../../../../helpers/runNode';
import { sentCustomer, useZenvia, WRONG_KIND_HINT } from '../../../../helpers/zenvia';

const MESSAGE_HASH = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('WhatsApp > Send Message', () => {
	const env = useZenvia({ records: 1000, seed: 42 });

	const base = {
		resource: 'whatsapp',
		operation: 'sendMessage',
		customerExternalId: 'cust-1',
		departmentId: { __rl: true, mode: 'list', value: '2' },
		content: 'Hello',
	};

	it('sends a text message with only the set fields and lifts message_hash to the top', async () => {
		const { items, error } = await env.run(base);

		expect(error).toBeUndefined();
		expect(env.emu.requests().map(({ method, path, query, body }) => ({ method, path, query, body }))).toEqual([
			{
				method: 'POST',
				path: '/api/v1/whatsapp',
				query: {},
				body: {
					content: 'Hello',
					content_type: 'text',
					department_id: 2,
					customer: { external_id: 'cust-1' },
					token: '[redacted]',
				},
			},
		]);
		expect(items).toHaveLength(1);
		const { json, pairedItem } = items[0];
		expect(json.messageHash).toMatch(MESSAGE_HASH);
		expect(json).toEqual({
			messageHash: json.messageHash,
			externalId: 'cust-1',
			message: 'Message sent successfully',
			data: { message_hash: json.messageHash },
		});
		expect(pairedItem).toEqual({ item: 0 });
		const [interaction] = [...env.emu.state.interactions.values()];
		expect(interaction).toMatchObject({ channel: 'whatsapp', departmentId: 2, externalId: 'cust-1' });
		expect(interaction.messages.map(({ content, type, url }) => ({ content, type, url }))).toEqual([
			{ content: 'Hello', type: 'text', url: null },
		]);
	});

	it('sends every documented field: media, customer, extra as key-value pairs and external history', async () => {
		const { items, error } = await env.run({
			...base,
			customerExternalId: ' cust-2 ',
			departmentId: { __rl: true, mode: 'id', value: '3' },
			content: 'The invoice',
			messageType: 'application/pdf',
			url: 'https://files.example.com/invoice.pdf',
			customer: { name: 'Name Surname', email: 'name@example.com', phone: '11991417777', cpf: '12345678900' },
			extraInput: 'keyValue',
			extraValues: { values: [{ key: 'clientId', value: '12' }, { key: 'botId', value: '1111' }, { key: ' ', value: 'dropped' }] },
			options: { externalHistory: 'https://chathistory.example.org/c/2' },
		});

		expect(error).toBeUndefined();
		expect(env.emu.requests()[0].body).toEqual({
			content: 'The invoice',
			content_type: 'application/pdf',
			url: 'https://files.example.com/invoice.pdf',
			department_id: 3,
			customer: { name: 'Name Surname', email: 'name@example.com', phone: '11991417777', cpf: '12345678900', external_id: 'cust-2' },
			extra: { clientId: '12', botId: '1111' },
			external_history: 'https://chathistory.example.org/c/2',
			token: '[redacted]',
		});
		expect(items[0].json.externalId).toBe('cust-2');
	});

	it('sends a free MIME type, extra as JSON, and a department given by an expression', async () => {
		const { error } = await env.run(
			{
				...base,
				departmentId: { __rl: true, mode: 'id', value: '={{ $json.dept }}' },
				messageType: 'other',
				mimeType: '={{ $json.mime }}',
				url: 'http://files.example.com/a.webp',
				customer: { name: '', email: '  ' },
				extraInput: 'json',
				extraJson: '{"clientId": "12"}',
			},
			{ items: [{ dept: 1, mime: 'image/webp' }] },
		);

		expect(error).toBeUndefined();
		expect(env.emu.requests()[0].body).toEqual({
			content: 'Hello',
			content_type: 'image/webp',
			url: 'http://files.example.com/a.webp',
			department_id: 1,
			customer: { external_id: 'cust-1' },
			extra: { clientId: '12' },
			token: '[redacted]',
		});
	});

	it('answers each input item with its own message', async () => {
		const { items, error } = await env.run(
			{ ...base, customerExternalId: '={{ $json.id }}', content: '={{ $json.text }}' },
			{ items: [{ id: 'a', text: 'one' }, { id: 'b', text: 'two' }] },
		);

		expect(error).toBeUndefined();
		expect(env.emu.requests().map(({ body }) => [sentCustomer(body).external_id, (body as { content: string }).content])).toEqual([
			['a', 'one'],
			['b', 'two'],
		]);
		expect(items.map(({ json, pairedItem }) => [json.externalId, pairedItem])).toEqual([
			['a', { item: 0 }],
			['b', { item: 1 }],
		]);
	});

	it.each([
		['a missing external ID', { customerExternalId: '={{ "  " }}' }, 'Customer External ID is required: got an empty value'],
		['an empty content', { content: '={{ "" }}' }, 'Content is required: got an empty value'],
		['an empty department', { departmentId: { __rl: true, mode: 'id', value: '={{ "" }}' } }, 'Department must be a positive whole number, got (empty)'],
		['a department that is not a whole number', { departmentId: { __rl: true, mode: 'id', value: '={{ 2.5 }}' } }, 'Department must be a positive whole number, got 2.5'],
		['department zero', { departmentId: { __rl: true, mode: 'list', value: '0' } }, 'Department must be a positive whole number, got 0'],
		['a media type without a URL', { messageType: 'image/png', url: '={{ "" }}' }, 'Media URL must be an http(s) URL, got (empty)'],
		['a media type with a non-http URL', { messageType: 'video/mp4', url: 'ftp://files.example.com/a.mp4' }, 'Media URL must be an http(s) URL, got ftp://files.example.com/a.mp4'],
		['an empty free MIME type', { messageType: 'other', mimeType: '={{ "" }}', url: 'https://a.example.com' }, 'MIME Type is required: got an empty value'],
		['a free MIME type that is not one', { messageType: 'other', mimeType: 'pdf', url: 'https://a.example.com' }, 'MIME Type must look like type/subtype, e.g. image/webp, got pdf'],
		['an external history that is not a URL', { options: { externalHistory: 'chathistory' } }, 'External History URL must be an http(s) URL, got chathistory'],
		['extra JSON that is a list', { extraInput: 'json', extraJson: '[1]' }, 'Extra JSON must be a JSON object like {"clientId": "1"}, got [1]'],
	])('refuses %s before sending anything', async (_case, change, message) => {
		const { items, error } = await env.run({ ...base, ...change });

		expect(error?.message).toBe(message);
		expect(items).toEqual([]);
		expect(env.emu.requests()).toEqual([]);
	});

	it.each([
		[{ messageType: 'image/png', url: '' }, 'Parameter "Media URL" is required.'],
		[{ departmentId: { __rl: true, mode: 'id', value: '2.5' } }, 'A department ID is a positive whole number'],
	])('leaves n8n to refuse a literal %j in the editor, before sending anything', async (change, issue) => {
		const { error } = await env.run({ ...base, ...change });

		expect(error?.message).toContain(issue);
		expect(env.emu.requests()).toEqual([]);
	});


	it('reports a refused field as an item when continuing on fail, and goes on with the next item', async () => {
		const { items, error } = await env.run(
			{ ...base, customerExternalId: '={{ $json.id }}' },
			{ continueOnFail: true, items: [{ id: '' }, { id: 'ok' }] },
		);

		expect(error).toBeUndefined();
		expect(items[0]).toEqual({ json: { error: 'Customer External ID is required: got an empty value' }, pairedItem: { item: 0 } });
		expect(items[1].json.externalId).toBe('ok');
		expect(env.emu.requests()).toHaveLength(1);
	});

	it('explains a 401 and says which token this operation takes', async () => {
		const { error } = await env.run(base, { credentials: { clientSdkToken: 'not-the-token' } });

		expect(error?.message).toBe('Zenvia Chat answered HTTP 401: Invalid token');
		expect(error?.description).toBe(WRONG_KIND_HINT);
		expect(error?.httpCode).toBe('401');
		expect(JSON.stringify(env.emu.requests())).not.toContain('not-the-token');
	});

	it('is refused when the Chat API token sits in the ClientSDK field, and says which token it needs', async () => {
		const { error } = await env.run(base, { credentials: { clientSdkToken: TEST_TOKEN } });

		expect(error?.httpCode).toBe('401');
		expect(error?.description).toBe(WRONG_KIND_HINT);
	});

	it('fails before any request when the credential has no ClientSDK token, naming it', async () => {
		const { error } = await env.run(base, { credentials: { clientSdkToken: '' } });

		expect(error?.message).toBe('WhatsApp > Send Message needs the ClientSDK Token, and the credential has none');
		expect(error?.description).toBe(
			'Copy the token from Menu > Settings > Integrations > ClientSDK in the Zenvia admin and paste it into the ClientSDK Token field of the Zenvia Chat API credential.',
		);
		expect(env.emu.requests()).toEqual([]);
	});

	it('passes on what a 422 says, once (a POST is not resent)', async () => {
		env.emu.setFault({ method: 'POST', path: '/api/v1/whatsapp', status: 422, body: { message: 'The department_id field is invalid.', status: 422 } });

		const { error } = await env.run(base);

		expect(error?.message).toBe('Zenvia Chat answered HTTP 422: The department_id field is invalid.');
		expect(error?.description).toBe('Zenvia Chat refused the fields sent: correct the field the message names.');
		expect(env.emu.requests()).toHaveLength(1);
	});

	it('passes on the emulator\'s own 422 for an inactive department', async () => {
		const { error } = await env.run({ ...base, departmentId: { __rl: true, mode: 'id', value: '4' } });

		expect(error?.message).toBe('Zenvia Chat answered HTTP 422: The selected department_id is not an active department.');
	});
});
