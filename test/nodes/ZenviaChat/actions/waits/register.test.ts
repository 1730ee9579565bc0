import type { IExecuteFunctions } from 'n8n-workflow';

import { registerWait } from '../../../../../nodes/ZenviaChat/actions/waits/register';

describe('Waits on an n8n without execution custom data (n8n 1.x)', () => {
	test('are refused before anything is sent, naming what is missing', async () => {
		const httpRequest = jest.fn();
		// n8n 1.123's execute context: no customData at all.
		const context = {
			getNode: () => ({ id: 'ask', name: 'Ask Name', type: 'n8n-nodes-zenvia-chat.zenviaChat', typeVersion: 1, position: [0, 0], parameters: {} }),
			getWorkflowStaticData: () => ({}),
			helpers: { httpRequest },
		} as unknown as IExecuteFunctions;
		const plan = { itemIndex: 0, conversation: 'interaction:abc', events: ['new_message'], limitMs: 60_000, sendAndWait: true };
		const refusal = registerWait.call(context, plan);
		await expect(refusal).rejects.toThrow('Waiting needs n8n 2.0 or later');
		await expect(registerWait.call(context, plan)).rejects.toMatchObject({ description: expect.stringContaining('this.customData') });
		expect(httpRequest).not.toHaveBeenCalled();
	});
});
