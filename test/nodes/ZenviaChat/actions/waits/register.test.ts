import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { registerWait } from '../../../../../nodes/ZenviaChat/actions/waits/register';
import { DESK_ENTRY, REGISTRATION_HEADER, WAIT_PASS_ENTRY, conversationKeyOf, verifyRegistration } from '../../../../../nodes/ZenviaChat/helpers/waitDesk';

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

describe('Where a wait registers, and with which key', () => {
	const INTAKE = 'http://127.0.0.1:5678/webhook/6f1c2a3e-0000-4000-8000-000000000006/zenvia-chat';
	const DESK_KEY = 'd'.repeat(64);
	const conversation = 'interaction:abc';
	const conversationKey = conversationKeyOf(DESK_KEY, conversation);
	const passItem = (overrides: Partial<{ intake: string; keys: Record<string, string> }> = {}) => ({
		json: {},
		[WAIT_PASS_ENTRY]: { intake: INTAKE, keys: { [conversation]: conversationKey }, ...overrides },
	});

	/** An execute context: the static data and custom data given, the trigger's item in run data. */
	function waitingContext({
		staticData = {},
		triggerItem,
		carried = {},
		asTool = false,
	}: { staticData?: IDataObject; triggerItem?: IDataObject; carried?: Record<string, string>; asTool?: boolean }) {
		const customData = new Map<string, string>(Object.entries(carried));
		const httpRequest = jest.fn(async () => ({ statusCode: 200, body: { registered: true, held: true } }));
		const context = {
			getNode: () => ({ id: 'ask', name: 'Ask Name', type: 'n8n-nodes-zenvia-chat.zenviaChat', typeVersion: 1, position: [0, 0], parameters: {} }),
			getWorkflowStaticData: () => staticData,
			customData: { get: (key: string) => customData.get(key), set: (key: string, value: string) => customData.set(key, value) },
			// As an AI Agent's tool the node has no main ancestors: the trigger is the agent's.
			getParentNodes: (name: string) =>
				name === (asTool ? 'AI Agent' : 'Ask Name') ? [{ name: 'Bot Event', type: 'n8n-nodes-zenvia-chat.zenviaChatTrigger', typeVersion: 2, disabled: false }] : [],
			getExecuteData: () => ({ source: { main: [asTool ? { previousNode: 'AI Agent' } : { previousNode: 'Accept' }] } }),
			getWorkflowDataProxy: () => ({
				$: (name: string, fullItem: boolean) => {
					if (name !== 'Bot Event' || !fullItem || !triggerItem) throw new Error(`Node '${name}' hasn't been executed`);
					return { first: () => triggerItem };
				},
			}),
			evaluateExpression: () => 'http://127.0.0.1:5678/webhook-waiting/41',
			getSignedResumeUrl: () => 'http://127.0.0.1:5678/webhook-waiting/41/ask?signature=x',
			getExecutionId: () => '41',
			helpers: { httpRequest },
		} as unknown as IExecuteFunctions;
		/** The one registration call: where it went, whether this key signs it, all it sent. */
		const registration = () => {
			expect(httpRequest).toHaveBeenCalledTimes(1);
			const [call] = httpRequest.mock.calls[0] as unknown as [{ url: string; body: string; headers: Record<string, string> }];
			return { url: call.url, sent: JSON.stringify(call), signedWith: (key: string) => verifyRegistration(key, call.headers[REGISTRATION_HEADER], call.body, Date.now()) };
		};
		return { context, httpRequest, customData, registration };
	}
	const plan = { itemIndex: 0, conversation, events: ['new_message'], limitMs: 60_000, sendAndWait: true };

	test('with the desk in static data: at its address, signed with the conversation\'s key; the desk\'s own key goes nowhere', async () => {
		const { context, customData, registration } = waitingContext({ staticData: { [DESK_ENTRY]: { key: DESK_KEY, intake: INTAKE, waiters: {} } } });
		await registerWait.call(context, plan);
		expect(registration().url).toBe(INTAKE);
		expect(registration().signedWith(conversationKey)).toBe(true);
		expect(registration().signedWith(DESK_KEY)).toBe(false);
		expect(registration().sent).not.toContain(DESK_KEY);
		expect([...customData.values()].join(' ')).toContain(conversationKey);
		expect([...customData.values()].join(' ')).not.toContain(DESK_KEY);
	});

	test('without static data (resumed at its limit): with the keys custom data carried for the execution\'s last three conversations', async () => {
		const staticData = { [DESK_ENTRY]: { key: DESK_KEY, intake: INTAKE, waiters: {} } };
		// Waits on four conversations in turn, the first again last: A, B, C, D.
		let carried: Record<string, string> = {};
		for (const waitedFor of ['interaction:a', 'interaction:b', 'interaction:c', 'interaction:d']) {
			const step = waitingContext({ staticData, carried });
			await registerWait.call(step.context, { ...plan, conversation: waitedFor });
			carried = Object.fromEntries(step.customData);
		}
		// With the wait's start (resume.ts): three entries of the ten n8n keeps, whatever the number of waits.
		expect(Object.keys(carried).sort()).toEqual(['zenviaChatWaitIntake', 'zenviaChatWaitKeys', 'zenviaChatWaitSince']);
		expect(carried.zenviaChatWaitKeys.length).toBeLessThanOrEqual(255);
		for (const waitedFor of ['interaction:b', 'interaction:c', 'interaction:d']) {
			const later = waitingContext({ carried });
			await registerWait.call(later.context, { ...plan, conversation: waitedFor });
			expect(later.registration().signedWith(conversationKeyOf(DESK_KEY, waitedFor))).toBe(true);
		}
		// The oldest (A) dropped, and one never waited for: nothing to go on.
		for (const waitedFor of ['interaction:a', 'interaction:other']) {
			const other = waitingContext({ carried });
			await expect(registerWait.call(other.context, { ...plan, conversation: waitedFor })).rejects.toThrow('Waiting needs a published Zenvia Chat Trigger in this workflow');
			expect(other.httpRequest).not.toHaveBeenCalled();
		}
	});

	test('on a queue-mode worker (no static data, no custom data): with the wait pass on the trigger\'s item', async () => {
		const { context, customData, registration } = waitingContext({ triggerItem: passItem() });
		await registerWait.call(context, plan);
		expect(registration().url).toBe(INTAKE);
		expect(registration().signedWith(conversationKey)).toBe(true);
		// Carried on for a wait after n8n's own resume.
		expect([...customData.values()].join(' ')).toContain(conversationKey);
	});

	test('as an AI Agent\'s tool on a worker: with the pass on the item of the trigger above the agent', async () => {
		const { context, registration } = waitingContext({ triggerItem: passItem(), asTool: true });
		await registerWait.call(context, plan);
		expect(registration().signedWith(conversationKey)).toBe(true);
	});

	test.each([
		['no pass on the trigger\'s item', { json: {} }],
		['a pass for another conversation', passItem({ keys: { 'interaction:other': conversationKey } })],
		['a pass whose address is not on this n8n', passItem({ intake: 'http://203.0.113.9/webhook/x/zenvia-chat' })],
		['no trigger item at all', undefined],
	])('%s: refused before anything is sent', async (_case, triggerItem) => {
		const { context, httpRequest } = waitingContext({ triggerItem: triggerItem as IDataObject | undefined });
		await expect(registerWait.call(context, plan)).rejects.toThrow('Waiting needs a published Zenvia Chat Trigger in this workflow');
		expect(httpRequest).not.toHaveBeenCalled();
	});
});
