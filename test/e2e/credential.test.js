// @ts-check
'use strict';

const { nodeOutput } = require('../../scripts/e2e');
const { execute } = require('./setup/context');
const { CHAT_TOKEN, CLIENT_SDK_TOKEN } = require('./setup/constants');
const { TOKEN, received } = require('./setup/requests');

describe('One Zenvia Chat API credential in a real n8n', () => {
	it('lists Chat API departments, starts an interaction in one and sends a WhatsApp message, each with its own token', async () => {
		const execution = await execute('e2eBothTokens');
		expect(execution.ok).toBe(true);

		const [department] = nodeOutput(execution, 'Chat API Departments');
		expect(department).toMatchObject({ id: 1, name: 'Support', state: 1 });
		expect(nodeOutput(execution, 'Start')[0].interactionHash).toEqual(expect.any(String));
		expect(nodeOutput(execution, 'WhatsApp')[0]).toMatchObject({ externalId: '5511900001111' });
		// The emulator refuses the other kind of token on each of these routes, like Zenvia.
		expect((await received()).map(({ method, path, query, body }) => [method, path, query.token ?? body?.token])).toEqual([
			['GET', '/api/external/departments', TOKEN],
			['POST', '/core/api/v1/interactions', TOKEN],
			['POST', '/api/v1/whatsapp', TOKEN],
		]);
		expect((await received())[1].body).toMatchObject({ department_id: 1 });
		expect(execution.output).not.toContain(CHAT_TOKEN);
		expect(execution.output).not.toContain(CLIENT_SDK_TOKEN);
	});

	it('fails before any request, naming the token, the admin screen and the operation, when the credential lacks the token', async () => {
		const execution = await execute('e2eOneToken');
		expect(execution.ok).toBe(false);
		/** @type {any} */
		const run = execution.run?.data;
		expect(run?.resultData?.error).toMatchObject({
			name: 'NodeOperationError',
			message: 'WhatsApp > Send Message needs the ClientSDK Token, and the credential has none',
			description:
				'Copy the token from Menu > Settings > Integrations > ClientSDK in the Zenvia admin and paste it into the ClientSDK Token field of the Zenvia Chat API credential.',
			node: { name: 'WhatsApp' },
		});
		expect(await received()).toEqual([]);
		expect(execution.output).not.toContain(CHAT_TOKEN);
	});
});
