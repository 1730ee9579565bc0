import { SELECTED_TOKEN_KEY, ZenviaChatApi } from '../../credentials/ZenviaChatApi.credentials';

const credential = new ZenviaChatApi();
const both = { chatApiToken: 'chat-token', clientSdkToken: 'sdk-token', environment: 'production' };

describe('Zenvia Chat API credential', () => {
	it('holds both tokens as optional password fields, and no single token field', () => {
		const fields = Object.fromEntries(credential.properties.map((property) => [property.name, property]));
		for (const name of ['chatApiToken', 'clientSdkToken']) {
			expect(fields[name].typeOptions?.password).toBe(true);
			expect(fields[name].required).toBeFalsy();
		}
		expect(fields.chatApiToken.description).toContain('Integrations > API');
		expect(fields.clientSdkToken.description).toContain('Integrations > ClientSDK');
		expect(Object.keys(fields)).toEqual([
			'chatApiToken',
			'clientSdkToken',
			'environment',
			'chatApiBaseUrl',
			'whatsappApiBaseUrl',
			'botApiBaseUrl',
		]);
	});

	it('links to the credentials section of the package README', () => {
		expect(credential.documentationUrl).toBe('https://www.npmjs.com/package/n8n-nodes-zenvia-chat#credentials');
	});

	it('puts the token the node selected in the query of a read', async () => {
		const options = await credential.authenticate(
			{ ...both, [SELECTED_TOKEN_KEY]: 'sdk-token' },
			{ method: 'GET', url: '/api/v1/departments', qs: { limit: 1 } },
		);
		expect(options.qs).toEqual({ limit: 1, token: 'sdk-token' });
		expect(options.body).toBeUndefined();
	});

	it('puts the token the node selected in the JSON body of a write', async () => {
		const options = await credential.authenticate(
			{ ...both, [SELECTED_TOKEN_KEY]: 'chat-token' },
			{ method: 'PUT', url: '/x', body: { note: 'n' } },
		);
		expect(options.body).toEqual({ note: 'n', token: 'chat-token' });
	});

	it('falls back to the Chat API token, else the ClientSDK token, outside the node', async () => {
		expect((await credential.authenticate(both, { url: '/x' })).qs).toEqual({ token: 'chat-token' });
		expect((await credential.authenticate({ clientSdkToken: 'sdk-token' }, { url: '/x' })).qs).toEqual({ token: 'sdk-token' });
	});
});
