import { CredentialTestContext } from 'n8n-core';
import type { ICredentialDataDecryptedObject, ICredentialTestFunctions } from 'n8n-workflow';

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

	it('catches tokens pasted into each other\'s fields', async () => {
		const result = await test({ chatApiToken: TEST_CLIENT_SDK_TOKEN, clientSdkToken: TEST_TOKEN });

		expect(result.status).toBe('Error');
		expect(result.message).toContain('Chat API Token refused (HTTP 401: Invalid token)');
		expect(result.message).toContain('ClientSDK Token refused (HTTP 401: Invalid token)');
		expect(result.message).not.toContain(TEST_TOKEN);
		expect(result.message).not.toContain(TEST_CLIENT_SDK_TOKEN);
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

	it('says when a host does not answer', async () => {
		const result = await test({ chatApiToken: TEST_TOKEN, chatApiBaseUrl: 'http://127.0.0.1:9' });

		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/^Chat API Token not checked: no answer from http:\/\/127\.0\.0\.1:9/);
	});
});
