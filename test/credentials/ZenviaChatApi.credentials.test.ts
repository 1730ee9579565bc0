import { NodeHelpers } from 'n8n-workflow';
import type { INodeParameters } from 'n8n-workflow';

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
		expect(Object.keys(fields)).toEqual([
			'chatApiToken',
			'clientSdkToken',
			'environment',
			'customBaseUrls',
			'chatApiBaseUrl',
			'whatsappApiBaseUrl',
			'botApiBaseUrl',
		]);
	});

	it('shows under each token, as a hint, the Zenvia screen it comes from and what it serves', () => {
		const fields = Object.fromEntries(credential.properties.map((property) => [property.name, property]));
		expect(fields.chatApiToken.hint).toBe(
			'In the Zenvia admin (zchat-admin.zenvia.com): Menu > Settings > Integrations > API > Generate Token. Used by Interaction, Report and Department operations. Generating a new token disables the previous one.',
		);
		expect(fields.clientSdkToken.hint).toBe(
			'In the Zenvia admin (app.omnize.com.br): Menu > Settings > Integrations > ClientSDK > Generate Token. Used by WhatsApp, Customer, Agent, Task and Bot operations. Generating a new token disables the previous one.',
		);
	});

	it('hides the three base URLs behind Custom Base URLs, off by default', () => {
		const fields = Object.fromEntries(credential.properties.map((property) => [property.name, property]));
		expect(fields.customBaseUrls).toMatchObject({ displayName: 'Custom Base URLs', type: 'boolean', default: false });
		for (const name of ['chatApiBaseUrl', 'whatsappApiBaseUrl', 'botApiBaseUrl']) {
			expect(fields[name].displayOptions).toEqual({ show: { customBaseUrls: [true] } });
		}
	});

	it('is handed to the node without the base URLs while the switch is off, as n8n resolves a credential', () => {
		const stored = { chatApiToken: 't', chatApiBaseUrl: 'http://127.0.0.1:4010', whatsappApiBaseUrl: 'http://127.0.0.1:4010' };
		const resolve = (data: INodeParameters) => NodeHelpers.getNodeParameters(credential.properties, data, true, false, null, null);

		expect(resolve({ ...stored, customBaseUrls: false })).toEqual({ chatApiToken: 't', clientSdkToken: '', environment: 'production', customBaseUrls: false });
		expect(resolve({ ...stored, customBaseUrls: true })).toMatchObject({ chatApiBaseUrl: 'http://127.0.0.1:4010', whatsappApiBaseUrl: 'http://127.0.0.1:4010' });
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
