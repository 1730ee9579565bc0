import { CredentialTestContext } from 'n8n-core';
import type { ICredentialDataDecryptedObject, ICredentialTestFunctions } from 'n8n-workflow';

import { activeOverrides } from '../../../../credentials/ZenviaChatApi.credentials';
import { zenviaChatApiTest } from '../../../../nodes/ZenviaChat/methods/credentialTest';
import { ZenviaChat } from '../../../../nodes/ZenviaChat/ZenviaChat.node';
import { TEST_CLIENT_SDK_TOKEN, TEST_TOKEN } from '../../../helpers/runNode';
import { useZenvia } from '../../../helpers/zenvia';

const env = useZenvia();

/** Runs the Test button's function as n8n's credentials tester does: with n8n-core's test context. */
const test = (data: ICredentialDataDecryptedObject) =>
	zenviaChatApiTest.call(new CredentialTestContext() as unknown as ICredentialTestFunctions, {
		id: '1',
		name: 'Zenvia Chat account',
		type: 'zenviaChatApi',
		data: { environment: 'production', ...env.credentials(), ...data },
	});

describe('credential Test button (zenviaChatApiTest)', () => {
	it('is the test n8n finds for the credential through the node', () => {
		const node = new ZenviaChat();
		expect(node.description.credentials).toEqual([{ name: 'zenviaChatApi', required: true, testedBy: 'zenviaChatApiTest' }]);
		expect(node.methods.credentialTest.zenviaChatApiTest).toBe(zenviaChatApiTest);
	});

	it('checks both tokens, each against a read that takes it', async () => {
		const result = await test({ chatApiToken: TEST_TOKEN, clientSdkToken: TEST_CLIENT_SDK_TOKEN });

		expect(result).toEqual({ status: 'OK', message: 'Chat API Token and ClientSDK Token accepted' });
		expect(env.emu.requests().map(({ path }) => path).sort()).toEqual(['/api/external/departments', '/api/v1/departments']);
	});

	it.each([
		[{ chatApiToken: TEST_TOKEN }, 'Chat API Token accepted', '/api/external/departments'],
		[{ clientSdkToken: TEST_CLIENT_SDK_TOKEN }, 'ClientSDK Token accepted', '/api/v1/departments'],
	])('checks only the token that is filled in: %j', async (data, message, path) => {
		expect(await test(data)).toEqual({ status: 'OK', message });
		expect(env.emu.requests().map((request) => request.path)).toEqual([path]);
	});

	it('names the token that failed, says why, and never shows it', async () => {
		const result = await test({ chatApiToken: TEST_TOKEN, clientSdkToken: 'a-regenerated-token' });

		expect(result.status).toBe('Error');
		expect(result.message).toBe(
			'ClientSDK Token refused (HTTP 401: Invalid token): it is wrong or was regenerated, and a new token disables the previous one. Copy the current one from Menu > Settings > Integrations > ClientSDK.',
		);
	});

	it('says the two tokens look swapped when each is refused by its API and accepted by the other\'s', async () => {
		const result = await test({ chatApiToken: TEST_CLIENT_SDK_TOKEN, clientSdkToken: TEST_TOKEN });

		expect(result).toEqual({
			status: 'Error',
			message:
				'These look swapped: the Chat API Token field holds a ClientSDK token and the ClientSDK Token field holds a Chat API token (each is refused by its own API and accepted by the other\'s). Put the token now in Chat API Token into ClientSDK Token, and the one in ClientSDK Token into Chat API Token.',
		});
		// Each token was tried on its own API, then on the other one.
		expect(env.emu.requests().map(({ path }) => path).sort()).toEqual([
			'/api/external/departments',
			'/api/external/departments',
			'/api/v1/departments',
			'/api/v1/departments',
		]);
	});

	it.each([
		[
			{ chatApiToken: TEST_CLIENT_SDK_TOKEN },
			'The tokens look swapped: the Chat API Token field holds a ClientSDK token (the Chat API refuses it, HTTP 401: Invalid token; WhatsApp API v1 accepts it). It belongs in the ClientSDK Token field; the Chat API Token comes from Menu > Settings > Integrations > API.',
		],
		[
			{ clientSdkToken: TEST_TOKEN },
			'The tokens look swapped: the ClientSDK Token field holds a Chat API token (WhatsApp API v1 refuses it, HTTP 401: Invalid token; the Chat API accepts it). It belongs in the Chat API Token field; the ClientSDK Token comes from Menu > Settings > Integrations > ClientSDK.',
		],
		[
			{ chatApiToken: TEST_CLIENT_SDK_TOKEN, clientSdkToken: TEST_CLIENT_SDK_TOKEN },
			'The tokens look swapped: the Chat API Token field holds a ClientSDK token (the Chat API refuses it, HTTP 401: Invalid token; WhatsApp API v1 accepts it). It belongs in the ClientSDK Token field; the Chat API Token comes from Menu > Settings > Integrations > API.',
		],
	])('names the field a token pasted into the other one belongs in: %j', async (data, message) => {
		const result = await test(data);

		expect(result).toEqual({ status: 'Error', message });
		expect(result.message).not.toContain(TEST_TOKEN);
		expect(result.message).not.toContain(TEST_CLIENT_SDK_TOKEN);
	});

	it('calls a token refused by both APIs wrong or regenerated, not swapped', async () => {
		const result = await test({ chatApiToken: 'no-such-token' });

		expect(result.message).toBe(
			'Chat API Token refused (HTTP 401: Invalid token): it is wrong or was regenerated, and a new token disables the previous one. Copy the current one from Menu > Settings > Integrations > API.',
		);
	});

	it('keeps the token out of a message in which Zenvia echoes it', async () => {
		env.emu.setFault({ path: '/api/external/departments', status: 401, body: { message: `Invalid token ${TEST_TOKEN}`, status: 401 } });

		const result = await test({ chatApiToken: TEST_TOKEN });

		expect(result.message).toContain('Invalid token [redacted]');
		expect(result.message).not.toContain(TEST_TOKEN);
	});

	it('asks for a token when both are empty, without any request', async () => {
		const result = await test({ chatApiToken: '', clientSdkToken: '' });

		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/^Fill in the Chat API Token .*, the ClientSDK Token .*, or both\.$/);
		expect(env.emu.requests()).toEqual([]);
	});

	it('uses the base URLs only while Custom Base URLs is on', () => {
		const kept = { chatApiToken: 't', chatApiBaseUrl: 'http://127.0.0.1:9', whatsappApiBaseUrl: 'http://w', botApiBaseUrl: 'http://b' };
		expect(activeOverrides({ ...kept, customBaseUrls: false })).toEqual({ chatApiToken: 't', customBaseUrls: false });
		expect(activeOverrides(kept)).toEqual({ chatApiToken: 't' });
		expect(activeOverrides({ ...kept, customBaseUrls: true })).toEqual({ ...kept, customBaseUrls: true });
	});

	it('says when a host does not answer', async () => {
		const result = await test({ chatApiToken: TEST_TOKEN, chatApiBaseUrl: 'http://127.0.0.1:9' });

		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/^Chat API Token not checked: no answer from http:\/\/127\.0\.0\.1:9/);
	});
});
