import { NodeOperationError } from 'n8n-workflow';
import type { IHookFunctions } from 'n8n-workflow';

import { ZenviaChatTrigger } from '../../../nodes/ZenviaChatTrigger/ZenviaChatTrigger.node';
import { callWebhook, jsonCall } from '../../helpers/webhookContext';
import { ALL_EVENT_NAMES, allDocumentedEvents, chatApiEvents, whatsAppApiEvents } from './documentedEvents';

const HASH = '322e458c-540c-4c11-ab5c-d38d39f57213';
const doc = (api: typeof chatApiEvents, event: string) => api.find((entry) => entry.event === event)!.payload;

/** n8n's answer when `webhook()` returns neither workflowData nor a response of its own. */
function expectDropped(outcome: Awaited<ReturnType<typeof callWebhook>>) {
	expect(outcome.result).toEqual({});
	expect(outcome.response).toEqual({ ended: false });
}

describe('Zenvia Chat Trigger: event filter', () => {
	test.each(allDocumentedEvents.map((entry) => [entry.event, entry.source, entry] as const))(
		'%s ("%s") starts one execution when picked',
		async (event, _source, entry) => {
			const outcome = await callWebhook(jsonCall(entry.payload, { events: [event] }));
			expect(outcome.items).toHaveLength(1);
			expect(outcome.items?.[0]).toMatchObject({ event, interactionHash: HASH });
			expect(outcome.response.ended).toBe(false);
		},
	);

	test.each(allDocumentedEvents.map((entry) => [entry.event, entry.source, entry] as const))(
		'%s ("%s") starts nothing when every other event is picked',
		async (event, _source, entry) => {
			const others = ALL_EVENT_NAMES.filter((name) => name !== event);
			expectDropped(await callWebhook(jsonCall(entry.payload, { events: others })));
		},
	);

	test('"All Events" lets every documented event through, typing ones included', async () => {
		for (const entry of allDocumentedEvents) {
			const outcome = await callWebhook(jsonCall(entry.payload, { events: ['*'] }));
			expect(outcome.items).toEqual([expect.objectContaining({ event: entry.event })]);
		}
	});

	test('typing and stopped typing cost nothing unless picked', async () => {
		const events = ['queued', 'accepted', 'unavailable', 'finished', 'transferred', 'message'];
		for (const payload of [doc(chatApiEvents, 'typing'), doc(chatApiEvents, 'cleared'), doc(whatsAppApiEvents, 'typing')]) {
			expectDropped(await callWebhook(jsonCall(payload, { events })));
		}
	});

	test('with no event picked nothing starts', async () => {
		expectDropped(await callWebhook(jsonCall(doc(chatApiEvents, 'finished'), {})));
	});
});

describe('Zenvia Chat Trigger: output', () => {
	test('a Chat API message keeps message, agent and extra as sent', async () => {
		const outcome = await callWebhook(jsonCall(doc(chatApiEvents, 'message'), { events: ['message'] }));
		expect(outcome.items).toEqual([
			{
				event: 'message',
				interactionHash: HASH,
				message: { hash: '3110a5da-87c7-4f6d-a4ab-2b1ed5edfd46', content: 'Message', type: 'text', url: 'http://...' },
				agent: { id: 111, name: 'Atendente' },
				extra: {},
			},
		]);
	});

	test('queued carries its position', async () => {
		const outcome = await callWebhook(jsonCall(doc(chatApiEvents, 'queued'), { events: ['queued'] }));
		expect(outcome.items).toEqual([{ event: 'queued', interactionHash: HASH, position: 1, extra: {} }]);
	});

	test('WhatsApp API v1 fields get camelCase names', async () => {
		const transfer = await callWebhook(jsonCall(doc(whatsAppApiEvents, 'transferred'), { events: ['transferred'] }));
		expect(transfer.items).toEqual([
			{ event: 'transferred', interactionHash: HASH, externalId: 'abcd1234', departmentId: '1545' },
		]);
		const message = await callWebhook(jsonCall(doc(whatsAppApiEvents, 'message'), { events: ['message'] }));
		expect(message.items).toEqual([
			{
				event: 'message',
				interactionHash: HASH,
				externalId: 'abcd1234',
				message: { content: 'Message', type: 'text' },
				agent: { id: 123, name: 'Agent' },
			},
		]);
	});

	test('"Raw Body Only" outputs the body exactly as sent', async () => {
		const payload = { ...doc(whatsAppApiEvents, 'transferred'), undocumented: { a: 1 } };
		const outcome = await callWebhook(jsonCall(payload, { events: ['transferred'], options: { rawBody: true } }));
		expect(outcome.items).toEqual([payload]);
	});

	test('fields the documents do not show are left out of the normalized item', async () => {
		const payload = { ...doc(chatApiEvents, 'accepted'), undocumented: true };
		const outcome = await callWebhook(jsonCall(payload, { events: ['accepted'] }));
		expect(outcome.items).toEqual([{ event: 'accepted', interactionHash: HASH, extra: {} }]);
	});
});

describe('Zenvia Chat Trigger: narrower filters', () => {
	const transfer = (departmentId: unknown) => ({ ...doc(whatsAppApiEvents, 'transferred'), department_id: departmentId });

	test('department: transfers pass only to a listed department', async () => {
		const parameters = { events: ['*'], filters: { departmentIds: '12, 1545' } };
		expect((await callWebhook(jsonCall(transfer('1545'), parameters))).items).toHaveLength(1);
		expect((await callWebhook(jsonCall(transfer(12), parameters))).items).toHaveLength(1);
		expectDropped(await callWebhook(jsonCall(transfer('99'), parameters)));
		expectDropped(await callWebhook(jsonCall(transfer(undefined), parameters)));
	});

	test('department: other events are not affected', async () => {
		const parameters = { events: ['*'], filters: { departmentIds: '12' } };
		expect((await callWebhook(jsonCall(doc(whatsAppApiEvents, 'finished'), parameters))).items).toHaveLength(1);
	});

	const message = (type: unknown) => ({
		...doc(chatApiEvents, 'message'),
		message: { hash: 'm', content: 'x', type, url: 'https://files.example/x' },
	});

	test('message type: text only', async () => {
		const parameters = { events: ['message'], filters: { messageType: 'text' } };
		expect((await callWebhook(jsonCall(message('text'), parameters))).items).toHaveLength(1);
		expect((await callWebhook(jsonCall(message(null), parameters))).items).toHaveLength(1);
		for (const type of ['image', 'video', 'audio', 'file']) {
			expectDropped(await callWebhook(jsonCall(message(type), parameters)));
		}
	});

	test('message type: media only', async () => {
		const parameters = { events: ['message'], filters: { messageType: 'media' } };
		for (const type of ['image', 'video', 'audio', 'file']) {
			expect((await callWebhook(jsonCall(message(type), parameters))).items).toHaveLength(1);
		}
		expectDropped(await callWebhook(jsonCall(message('text'), parameters)));
		expectDropped(await callWebhook(jsonCall(message(undefined), parameters)));
	});

	test('message type does not affect other events', async () => {
		const parameters = { events: ['*'], filters: { messageType: 'media' } };
		expect((await callWebhook(jsonCall(doc(chatApiEvents, 'finished'), parameters))).items).toHaveLength(1);
	});

	test('only with an external ID: WhatsApp API v1 events pass, Chat API events do not', async () => {
		const parameters = { events: ['finished'], filters: { requireExternalId: true } };
		expect((await callWebhook(jsonCall(doc(whatsAppApiEvents, 'finished'), parameters))).items).toHaveLength(1);
		expectDropped(await callWebhook(jsonCall(doc(chatApiEvents, 'finished'), parameters)));
		const blank = { ...doc(whatsAppApiEvents, 'finished'), external_id: ' ' };
		expectDropped(await callWebhook(jsonCall(blank, parameters)));
	});

	const withExtra = (extra: unknown) => ({ ...doc(chatApiEvents, 'finished'), extra });

	test('extra contains a key', async () => {
		const parameters = { events: ['finished'], filters: { extraMatch: 'botId' } };
		expect((await callWebhook(jsonCall(withExtra({ botId: '1111' }), parameters))).items).toHaveLength(1);
		expect((await callWebhook(jsonCall(withExtra({ botId: null }), parameters))).items).toHaveLength(1);
		expectDropped(await callWebhook(jsonCall(withExtra({}), parameters)));
		expectDropped(await callWebhook(jsonCall(withExtra('botId'), parameters)));
	});

	test('extra contains a key with a value (numbers compared as written)', async () => {
		const parameters = { events: ['finished'], filters: { extraMatch: 'botId = 1111' } };
		expect((await callWebhook(jsonCall(withExtra({ botId: '1111', clientId: '12' }), parameters))).items).toHaveLength(1);
		expect((await callWebhook(jsonCall(withExtra({ botId: 1111 }), parameters))).items).toHaveLength(1);
		expectDropped(await callWebhook(jsonCall(withExtra({ botId: '2222' }), parameters)));
		expectDropped(await callWebhook(jsonCall(withExtra({ botId: { id: 1111 } }), parameters)));
	});

	test('filters that are set must all hold', async () => {
		const parameters = { events: ['*'], filters: { requireExternalId: true, extraMatch: 'botId' } };
		expectDropped(await callWebhook(jsonCall(doc(whatsAppApiEvents, 'finished'), parameters)));
		const both = { ...doc(whatsAppApiEvents, 'finished'), extra: { botId: '1' } };
		expect((await callWebhook(jsonCall(both, parameters))).items).toHaveLength(1);
	});
});

describe('Zenvia Chat Trigger: unknown states', () => {
	const snoozed = { interaction_hash: HASH, state: 'snoozed', extra: { botId: '1' } };

	test('are refused with 422 by default', async () => {
		const outcome = await callWebhook(jsonCall(snoozed, { events: ['*'] }));
		expect(outcome.result).toEqual({ noWebhookResponse: true });
		expect(outcome.response).toEqual({
			ended: true,
			status: 422,
			body: {
				message:
					'Unknown event: the state "snoozed" is not one of queued, accepted, unavailable, finished, typing, cleared, transferred (the trigger\'s "Pass Unknown States Through" option accepts it)',
			},
		});
	});

	test('a payload with neither state nor message is refused the same way', async () => {
		const outcome = await callWebhook(jsonCall({ interaction_hash: HASH }, { events: ['*'] }));
		expect(outcome.response.status).toBe(422);
		expect(outcome.response.body).toEqual({
			message:
				'Unknown event: the event has neither a "state" nor a "message" object (the trigger\'s "Pass Unknown States Through" option accepts it)',
		});
	});

	test('pass through as event "unknown" when the option is on, whatever events are picked', async () => {
		const outcome = await callWebhook(jsonCall(snoozed, { events: ['message'], options: { passUnknownStates: true } }));
		expect(outcome.items).toEqual([{ event: 'unknown', interactionHash: HASH, state: 'snoozed', extra: { botId: '1' } }]);
	});

	test('passed-through unknown events still obey the origin filters', async () => {
		const parameters = { events: ['*'], options: { passUnknownStates: true }, filters: { requireExternalId: true } };
		expectDropped(await callWebhook(jsonCall(snoozed, parameters)));
	});
});

describe('Zenvia Chat Trigger: description', () => {
	const node = new ZenviaChatTrigger();

	test('one POST webhook that answers on receipt', () => {
		expect(node.description.webhooks).toEqual([
			{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', responseData: '', path: 'zenvia-chat' },
		]);
		expect(node.description.group).toEqual(['trigger']);
		expect(node.description.inputs).toEqual([]);
	});

	test('the event filter offers every event and "All Events"', () => {
		const events = node.description.properties.find((property) => property.name === 'events');
		expect(events?.options?.map((option) => ('value' in option ? option.value : undefined)).sort()).toEqual(
			['*', ...ALL_EVENT_NAMES].sort(),
		);
	});

	test('nothing to register at Zenvia: the lifecycle methods only say yes', async () => {
		const hooks = node.webhookMethods.default;
		const staticData: Record<string, unknown> = {};
		const context = {
			getMode: () => 'trigger',
			getWorkflow: () => ({ id: 'lifecycle' }),
			getWorkflowStaticData: () => staticData,
			getNodeWebhookUrl: () => 'http://n8n.example.com/webhook/abc/zenvia-chat',
		} as unknown as IHookFunctions;
		await expect(hooks.checkExists.call(context)).resolves.toBe(true);
		await expect(hooks.create.call(context)).resolves.toBe(true);
		await expect(hooks.delete.call(context)).resolves.toBe(true);
	});

	test('activation sets up the wait desk: a key and the Production URL, kept on the next activation', async () => {
		const hooks = node.webhookMethods.default;
		const staticData: Record<string, { key: string; intake: string }> = {};
		const context = (mode: string) =>
			({
				getMode: () => mode,
				getWorkflow: () => ({ id: 'activation' }),
				getWorkflowStaticData: () => staticData,
				getNodeWebhookUrl: () => 'http://n8n.example.com/webhook/abc/zenvia-chat',
			}) as unknown as IHookFunctions;
		// The editor's test listener leaves it alone: its URL is not where waiting nodes register.
		await hooks.checkExists.call(context('manual'));
		expect(staticData).toEqual({});
		await hooks.checkExists.call(context('trigger'));
		const { key } = staticData.zenviaChatWaits;
		expect(staticData.zenviaChatWaits).toEqual({ key: expect.stringMatching(/^[0-9a-f]{64}$/), intake: 'http://n8n.example.com/webhook/abc/zenvia-chat', waiters: {}, rev: 1, writer: expect.any(String) });
		await hooks.checkExists.call(context('trigger'));
		expect(staticData.zenviaChatWaits).toMatchObject({ key, rev: 1 });
	});
});

// Settings may come from expressions ({{ $env.ONLY_WHATSAPP }} is text; {{ 1545 }} is a number):
// each is read for what it says, never for being truthy, and a value that says nothing is refused
// naming the setting, so a workflow never drops or passes events by accident.
describe('Zenvia Chat Trigger: settings given by expressions', () => {
	const transfer = { ...doc(whatsAppApiEvents, 'transferred'), department_id: 1545 };
	const snoozed = { interaction_hash: HASH, state: 'snoozed' };

	test('"false" as text keeps a switch off', async () => {
		const chatApiFinished = doc(chatApiEvents, 'finished');
		const off = { requireExternalId: 'false' };
		expect((await callWebhook(jsonCall(chatApiFinished, { events: ['finished'], filters: off }))).items).toHaveLength(1);
		const refused = await callWebhook(jsonCall(snoozed, { events: ['*'], options: { passUnknownStates: 'false' } }));
		expect(refused.response.status).toBe(422);
		const shaped = await callWebhook(jsonCall(chatApiFinished, { events: ['finished'], options: { rawBody: 'false' } }));
		expect(shaped.items).toEqual([expect.objectContaining({ event: 'finished', interactionHash: HASH })]);
	});

	test('"true" as text turns a switch on', async () => {
		const passed = await callWebhook(jsonCall(snoozed, { events: ['*'], options: { passUnknownStates: 'true' } }));
		expect(passed.items).toEqual([expect.objectContaining({ event: 'unknown' })]);
	});

	test('numbers in text filters are read as written', async () => {
		const byDepartment = await callWebhook(jsonCall(transfer, { events: ['transferred'], filters: { departmentIds: 1545 } }));
		expect(byDepartment.items).toHaveLength(1);
		const byExtraKey = await callWebhook(jsonCall({ ...doc(chatApiEvents, 'finished'), extra: { 7: 'x' } }, { events: ['finished'], filters: { extraMatch: 7 } }));
		expect(byExtraKey.items).toHaveLength(1);
	});

	test.each([
		['filters', 'requireExternalId', 'yes', 'Only With an External ID must be true or false, got yes'],
		['options', 'passUnknownStates', 1, 'Pass Unknown States Through must be true or false, got 1'],
		['options', 'rawBody', 'no', 'Raw Body Only must be true or false, got no'],
		['filters', 'extraMatch', { botId: 1 }, 'Extra Contains must be text, a number or true/false, got {"botId":1}'],
		['filters', 'departmentIds', 'sales', 'Transferred to Department IDs must be numeric ids separated by commas, and sales is not one'],
	])('%s > %s given %j is refused naming the setting', async (collection, name, value, message) => {
		const call = callWebhook(jsonCall(transfer, { events: ['*'], [collection]: { [name]: value } }));
		await expect(call).rejects.toThrow(`The trigger's settings: ${message}`);
		// n8n lists the failed call as an execution with this error, tied to the node.
		await expect(callWebhook(jsonCall(transfer, { events: ['*'], [collection]: { [name]: value } }))).rejects.toBeInstanceOf(
			NodeOperationError,
		);
	});

	test('an unreadable guard setting refuses every caller, telling them nothing of its value', async () => {
		const outcome = await callWebhook(jsonCall(transfer, { events: ['*'], options: { proxyHops: 'two' } }));
		expect(outcome.response.status).toBe(403);
		expect(JSON.stringify(outcome.response.body)).not.toContain('two');
		expect(outcome.items).toBeUndefined();
	});

	test('a setting an expression leaves null counts as not given', async () => {
		const parameters = { events: ['transferred'], options: { proxyHops: null, rawBody: null }, filters: { departmentIds: null } };
		expect((await callWebhook(jsonCall(transfer, parameters))).items).toEqual([expect.objectContaining({ event: 'transferred' })]);
	});
});
