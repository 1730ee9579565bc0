import { TEST_CLIENT_SDK_TOKEN, TEST_TOKEN } from '../../../helpers/runNode';
import { useZenvia } from '../../../helpers/zenvia';

const env = useZenvia();

const startParameters = { resource: 'interaction', operation: 'start', departmentId: { __rl: true, mode: 'id', value: '1' } };
const whatsappParameters = {
	resource: 'whatsapp',
	operation: 'sendMessage',
	customerExternalId: 'cust-1',
	content: 'Hi',
	departmentId: { __rl: true, mode: 'id', value: '1' },
};

describe('zenviaRequest: which token each operation sends', () => {
	it('sends the Chat API token to the Chat API and the ClientSDK token to WhatsApp API v1, from one credential', async () => {
		const chat = await env.run(startParameters);
		const whatsapp = await env.run(whatsappParameters);

		expect(chat.error).toBeUndefined();
		expect(whatsapp.error).toBeUndefined();
		// The emulator refuses the other kind, so two successes prove each request carried its own.
		expect(env.emu.requests().map(({ path }) => path)).toEqual(['/core/api/v1/interactions', '/api/v1/whatsapp']);
	});

	it.each([
		[
			'Interaction > Start',
			startParameters,
			{ chatApiToken: '' },
			'Interaction > Start needs the Chat API Token, and the credential has none',
			'Menu > Settings > Integrations > API',
		],
		[
			'WhatsApp > Send Message',
			whatsappParameters,
			{ clientSdkToken: '  ' },
			'WhatsApp > Send Message needs the ClientSDK Token, and the credential has none',
			'Menu > Settings > Integrations > ClientSDK',
		],
	])('%s with the other token only fails before any request, naming token, screen and operation', async (_, parameters, credentials, message, screen) => {
		const { error } = await env.run(parameters, { credentials });

		expect(error?.message).toBe(message);
		expect(error?.description).toContain(screen);
		expect(env.emu.requests()).toEqual([]);
	});

	it('answers every item with the named error under Continue On Fail', async () => {
		const { items, error } = await env.run(
			startParameters,
			{ items: [{}, {}], continueOnFail: true, credentials: { chatApiToken: '' } },
		);

		expect(error).toBeUndefined();
		expect(items.map(({ json }) => json.error)).toEqual([
			'Interaction > Start needs the Chat API Token, and the credential has none',
			'Interaction > Start needs the Chat API Token, and the credential has none',
		]);
	});

	it('decrypts the credential once per node execution, however many items it sends', async () => {
		const { items, error, decryptions } = await env.run(startParameters, { items: [{}, {}, {}, {}, {}] });

		expect(error).toBeUndefined();
		expect(items).toHaveLength(5);
		expect(env.emu.requests()).toHaveLength(5);
		expect(decryptions).toBe(1);
	});

	it('never shows either token in an error, even when Zenvia echoes both', async () => {
		env.emu.setFault({
			path: '/core/api/v1/interactions',
			status: 422,
			body: { message: `bad ${TEST_TOKEN} and ${TEST_CLIENT_SDK_TOKEN}`, status: 422 },
		});

		const { error } = await env.run(startParameters);

		const shown = JSON.stringify(error) + String(error?.message) + String(error?.description);
		expect(error?.httpCode).toBe('422');
		expect(shown).not.toContain(TEST_TOKEN);
		expect(shown).not.toContain(TEST_CLIENT_SDK_TOKEN);
	});
});
