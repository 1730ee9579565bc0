import type { INodeParameters } from 'n8n-workflow';

import { useZenvia } from '../../../../helpers/zenvia';
import type { RunOptions } from '../../../../helpers/zenvia';

const env = useZenvia();
const run = (operation: string, parameters: INodeParameters, options?: RunOptions) =>
	env.run({ resource: 'bot', operation, ...parameters }, options);

/** A conversation Zenvia handed to the bot, as a new_interaction event would. */
async function newBotInteraction(): Promise<string> {
	const hash = 'b0b00000-0000-4000-8000-000000000001';
	env.emu.state.bots.set(hash, { hash, departmentId: 1, state: 'waiting', transferredTo: null, messages: [] });
	return hash;
}

describe('Bot', () => {
	it('accepts, sends text and media, transfers and the emulator records each call in order', async () => {
		const interactionHash = await newBotInteraction();

		const accepted = await run('accept', { interactionHash });
		await run('sendMessage', { interactionHash, content: 'Hi! I am the bot.', messageType: 'text' });
		await run('sendMessage', { interactionHash, content: 'Our menu', messageType: 'image', url: 'https://files.example.com/menu.png', attachmentSize: 2048 });
		const transferred = await run('transfer', { interactionHash, departmentId: { __rl: true, mode: 'id', value: '2' } });

		expect(accepted.items[0].json).toEqual({ interactionHash, message: 'Message received successfully', status: 200 });
		expect(transferred.error).toBeUndefined();
		expect(env.emu.requests().map(({ method, path, body }) => ({ method, path, body }))).toEqual([
			{ method: 'PUT', path: `/api/v1/bot/${interactionHash}/accept`, body: { token: '[redacted]' } },
			{ method: 'POST', path: `/api/v1/bot/${interactionHash}/message`, body: { token: '[redacted]', content: 'Hi! I am the bot.', content_type: 'text' } },
			{
				method: 'POST',
				path: `/api/v1/bot/${interactionHash}/message`,
				body: { token: '[redacted]', content: 'Our menu', content_type: 'image', attachment: { url: 'https://files.example.com/menu.png', size: 2048 } },
			},
			{ method: 'PUT', path: `/api/v1/bot/${interactionHash}/transfer`, body: { token: '[redacted]', department_id: 2 } },
		]);
		expect(env.emu.state.bots.get(interactionHash)).toMatchObject({ state: 'transferred', transferredTo: 2 });
	});

	it('transfers without a department, back to the one the interaction started in', async () => {
		const interactionHash = await newBotInteraction();
		await run('accept', { interactionHash });

		await run('transfer', { interactionHash, departmentId: { __rl: true, mode: 'list', value: '' } });

		expect(env.emu.requests()[1].body).toEqual({ token: '[redacted]' });
		expect(env.emu.state.bots.get(interactionHash)?.transferredTo).toBeNull();
	});

	it('finishes, and a call Zenvia refuses names the status and its message', async () => {
		const interactionHash = await newBotInteraction();

		const early = await run('sendMessage', { interactionHash, content: 'Too early', messageType: 'text' });
		const finished = await run('finish', { interactionHash });

		expect(early.error?.message).toBe('Zenvia Chat answered HTTP 422: The interaction was not accepted by the bot yet.');
		expect(early.error?.description).toBe('Zenvia Chat refused the fields sent: correct the field the message names.');
		expect(finished.items[0].json.message).toBe('Message received successfully');
	});

	it('uses the bot base URL of the credential', async () => {
		const { error } = await run('accept', { interactionHash: 'h' });
		expect(error?.message).toBe('Zenvia Chat answered HTTP 422: Interaction not found for this bot');
	});

	it.each([
		[{ content: '={{ "" }}', messageType: 'text' }, 'Content is required: got an empty value'],
		[{ content: 'x', messageType: 'file', url: 'ftp://files.example.com/a' }, 'Media URL must be an http(s) URL, got ftp://files.example.com/a'],
		[{ content: 'x', messageType: 'file', url: 'https://files.example.com/a', attachmentSize: 1.5 }, 'Attachment Size must be a whole number of bytes, got 1.5'],
		[{ interactionHash: ' ', content: 'x', messageType: 'text' }, 'Interaction Hash is required: got an empty value'],
	])('Send Message refuses %p before any request', async (parameters, message) => {
		const { error } = await run('sendMessage', { interactionHash: 'h', ...parameters });

		expect(error?.message).toBe(message);
		expect(env.emu.requests()).toEqual([]);
	});
});
