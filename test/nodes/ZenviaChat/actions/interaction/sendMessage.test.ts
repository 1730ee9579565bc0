import type { INodeParameters } from 'n8n-workflow';

import { startInteraction, useZenvia } from '../../../../helpers/zenvia';

const env = useZenvia();
const run = (operation: string, parameters: INodeParameters) => env.run({ resource: 'interaction', operation, ...parameters });

describe('Interaction > Send Message', () => {
	it('sends a text message without a URL', async () => {
		const hash = await startInteraction(env);

		const { items, error } = await run('sendMessage', { interactionHash: hash, content: 'Hello!', messageType: 'text' });

		expect(error).toBeUndefined();
		expect(env.emu.requests()).toEqual([
			expect.objectContaining({
				method: 'POST',
				path: `/core/api/v1/interactions/${hash}/messages`,
				body: { token: '[redacted]', content: 'Hello!', type: 'text' },
			}),
		]);
		expect(items[0].json).toEqual({
			interactionHash: hash,
			message: 'Message created successfully',
			status: 200,
			data: { interaction_hash: hash },
		});
		expect(env.emu.state.interactions.get(hash)?.messages.map((message) => message.content)).toEqual(['Hello!']);
	});

	it('left at its default, sends to the input item\'s interactionHash, as Start outputs it', async () => {
		const start = await env.run(
			{ resource: 'interaction', operation: 'start', departmentId: { __rl: true, mode: 'id', value: '1' } },
			{ items: [{}, {}] },
		);
		env.emu.clearRequests();

		const { items, error } = await env.run({ resource: 'interaction', operation: 'sendMessage', content: 'Hi' }, { items: start.items.map((item) => item.json) });

		expect(error).toBeUndefined();
		const hashes = start.items.map((item) => item.json.interactionHash as string);
		expect(env.emu.requests().map(({ path }) => path)).toEqual(hashes.map((hash) => `/core/api/v1/interactions/${hash}/messages`));
		expect(items.map((item) => item.json.interactionHash)).toEqual(hashes);
	});

	it('reads a hash given as a resource locator value too', async () => {
		const hash = await startInteraction(env);

		const { error } = await run('sendMessage', { interactionHash: { __rl: true, mode: 'id', value: hash }, content: 'Hi' });

		expect(error).toBeUndefined();
		expect(env.emu.requests()[0].path).toBe(`/core/api/v1/interactions/${hash}/messages`);
	});

	it.each(['image', 'video', 'audio', 'file'])('sends a %s message with its URL', async (messageType) => {
		const hash = await startInteraction(env);

		await run('sendMessage', {
			interactionHash: hash,
			content: 'Our logo',
			messageType,
			url: 'https://files.example.com/logo.png',
		});

		expect(env.emu.requests()[0].body).toEqual({
			token: '[redacted]',
			content: 'Our logo',
			type: messageType,
			url: 'https://files.example.com/logo.png',
		});
	});

	it.each([
		['={{ "" }}', 'Media URL must be an http(s) URL, got (empty)'],
		['files.example.com/logo.png', 'Media URL must be an http(s) URL, got files.example.com/logo.png'],
		['javascript:alert(1)', 'Media URL must be an http(s) URL, got javascript:alert(1)'],
	])('refuses a media message whose URL is %j', async (url, message) => {
		const { error } = await run('sendMessage', { interactionHash: 'h', content: 'x', messageType: 'image', url });

		expect(error?.message).toBe(message);
		expect(env.emu.requests()).toEqual([]);
	});

	it('refuses an empty content', async () => {
		const { error } = await run('sendMessage', { interactionHash: 'h', content: '={{ "  " }}', messageType: 'text' });

		expect(error?.message).toBe('Content is required: got an empty value');
		expect(env.emu.requests()).toEqual([]);
	});

	it('encodes the hash into the path, so it cannot reach another endpoint', async () => {
		await run('sendMessage', { interactionHash: '../../reports?x=1', content: 'x', messageType: 'text' });

		expect(env.emu.requests()[0].path).toBe('/core/api/v1/interactions/..%2F..%2Freports%3Fx%3D1/messages');
	});
});
