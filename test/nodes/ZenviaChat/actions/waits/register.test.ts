import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { registerWait } from '../../../../../nodes/ZenviaChat/actions/waits/register';
import { REGISTRATION_HEADER, WAIT_PASS_ENTRY, conversationKeyOf, verifyRegistration } from '../../../../../nodes/ZenviaChat/helpers/waitDesk';

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

describe('A wait on a queue-mode worker (no static data): the trigger\'s wait pass', () => {
	const INTAKE = 'http://127.0.0.1:5678/webhook/6f1c2a3e-0000-4000-8000-000000000006/zenvia-chat';
	const conversation = 'interaction:abc';
	const passKey = conversationKeyOf('d'.repeat(64), conversation);

	/** A worker's execute context: empty static data and custom data, the trigger's item in run data. */
	function workerContext(triggerItem: IDataObject | undefined) {
		const customData = new Map<string, string>();
		const httpRequest = jest.fn(async () => ({ statusCode: 200, body: { registered: true, held: true } }));
		const context = {
			getNode: () => ({ id: 'ask', name: 'Ask Name', type: 'n8n-nodes-zenvia-chat.zenviaChat', typeVersion: 1, position: [0, 0], parameters: {} }),
			getWorkflowStaticData: () => ({}),
			customData: { get: (key: string) => customData.get(key), set: (key: string, value: string) => customData.set(key, value) },
			getParentNodes: () => [{ name: 'Bot Event', type: 'n8n-nodes-zenvia-chat.zenviaChatTrigger', typeVersion: 2, disabled: false }],
			getWorkflowDataProxy: () => ({
				$: (name: string, fullItem: boolean) => {
					if (name !== 'Bot Event' || !fullItem || !triggerItem) throw new Error(`Node '${name}' hasn't been executed`);
					return { first: () => triggerItem };
				},
			}),
			getSignedResumeUrl: () => 'http://127.0.0.1:5678/webhook-waiting/41/ask?signature=x',
			getExecutionId: () => '41',
			helpers: { httpRequest },
		} as unknown as IExecuteFunctions;
		return { context, httpRequest, customData };
	}
	const plan = { itemIndex: 0, conversation, events: ['new_message'], limitMs: 60_000, sendAndWait: true };

	test('registers at the pass\'s address, signed with its conversation\'s key, and carries no key on', async () => {
		const { context, httpRequest, customData } = workerContext({ json: {}, [WAIT_PASS_ENTRY]: { intake: INTAKE, keys: { [conversation]: passKey } } });
		await registerWait.call(context, plan);
		expect(httpRequest).toHaveBeenCalledTimes(1);
		const [call] = httpRequest.mock.calls[0] as unknown as [{ url: string; body: string; headers: Record<string, string> }];
		expect(call.url).toBe(INTAKE);
		expect(verifyRegistration(passKey, call.headers[REGISTRATION_HEADER], call.body, Date.now())).toBe(true);
		// The pass is read from the trigger's item each time; custom data never holds its key.
		expect([...customData.values()]).not.toContain(passKey);
	});

	test.each([
		['no pass on the trigger\'s item', { json: {} }],
		['a pass for another conversation', { json: {}, [WAIT_PASS_ENTRY]: { intake: INTAKE, keys: { 'interaction:other': passKey } } }],
		['no trigger item at all', undefined],
	])('%s: refused before anything is sent', async (_case, item) => {
		const { context, httpRequest } = workerContext(item as IDataObject | undefined);
		await expect(registerWait.call(context, plan)).rejects.toThrow('Waiting needs a published Zenvia Chat Trigger in this workflow');
		expect(httpRequest).not.toHaveBeenCalled();
	});
});
