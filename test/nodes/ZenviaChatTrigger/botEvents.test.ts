import { DESK_ENTRY, WAIT_PASS_ENTRY, conversationKeyOf } from '../../../nodes/ZenviaChat/helpers/waitDesk';
import type { WaitDesk } from '../../../nodes/ZenviaChat/helpers/waitDesk';
import { callWebhook, jsonCall } from '../../helpers/webhookContext';
import { botEvents } from './documentedEvents';

const HASH = '322e458c-540c-4c11-ab5c-d38d39f57213';
const payload = (event: string) => botEvents.find((entry) => entry.event === event)!.payload;

describe('Zenvia Chat Trigger: bot events', () => {
	test('new_interaction gives the hash and the department', async () => {
		const outcome = await callWebhook(jsonCall(payload('new_interaction'), { events: ['new_interaction'] }));
		expect(outcome.items).toEqual([{ event: 'new_interaction', interactionHash: HASH, departmentId: 99999 }]);
	});

	test('new_message gives the content and its type', async () => {
		const outcome = await callWebhook(jsonCall(payload('new_message'), { events: ['new_message'] }));
		expect(outcome.items).toEqual([
			{ event: 'new_message', interactionHash: HASH, content: 'I want to talk to a person', contentType: 'text' },
		]);
	});

	test('finished_interaction gives the hash', async () => {
		const outcome = await callWebhook(jsonCall(payload('finished_interaction'), { events: ['finished_interaction'] }));
		expect(outcome.items).toEqual([{ event: 'finished_interaction', interactionHash: HASH }]);
	});

	test('a bot event is told apart by its type: an interaction event of the same hash is not one', async () => {
		const outcome = await callWebhook(jsonCall({ interaction_hash: HASH, state: 'finished' }, { events: ['finished_interaction'] }));
		expect(outcome.result).toEqual({});
	});

	test('an unknown type is refused like an unknown state', async () => {
		const outcome = await callWebhook(jsonCall({ type: 'new_reaction', interaction_hash: HASH }, { events: ['*'] }));
		expect(outcome.response).toMatchObject({
			status: 422,
			body: { message: expect.stringContaining('the type "new_reaction" is not one of new_interaction, new_message, finished_interaction') },
		});
	});

	test('the shared secret guards bot events too', async () => {
		const refused = await callWebhook(jsonCall(payload('new_message'), { events: ['new_message'] }, { webhookCredential: { secret: 's3cret' } }));
		expect(refused.response.status).toBe(401);
		expect(refused.items).toBeUndefined();
		const allowed = await callWebhook(jsonCall(payload('new_message'), { events: ['new_message'] }, { webhookCredential: { secret: 's3cret' }, query: { secret: 's3cret' } }));
		expect(allowed.items).toHaveLength(1);
	});

	test('the IP allow-list guards bot events too', async () => {
		const refused = await callWebhook(
			jsonCall(payload('new_interaction'), { events: ['new_interaction'], options: { allowedIps: '203.0.113.7' } }, { ip: '198.51.100.1' }),
		);
		expect(refused.response.status).toBe(403);
	});

	describe('the wait pass on the item (how a worker in queue mode finds the desk)', () => {
		test('the published workflow\'s item carries the desk\'s address and its conversation\'s key beside json, not the desk\'s key', async () => {
			const outcome = await callWebhook({ ...jsonCall(payload('new_message'), { events: ['new_message'] }), mode: 'webhook' });
			const desk = outcome.staticData[DESK_ENTRY] as WaitDesk;
			const item = outcome.result.workflowData?.[0]?.[0];
			expect(item?.json).toEqual({ event: 'new_message', interactionHash: HASH, content: 'I want to talk to a person', contentType: 'text' });
			expect(item?.[WAIT_PASS_ENTRY]).toEqual({
				intake: 'http://127.0.0.1:5678/webhook/6f1c2a3e-0000-4000-8000-000000000006/zenvia-chat',
				keys: { [`interaction:${HASH}`]: conversationKeyOf(desk.key, `interaction:${HASH}`) },
			});
			expect(JSON.stringify(item)).not.toContain(desk.key);
		});

		test.each(['manual', 'trigger'] as const)('no pass outside the published workflow (%s)', async (mode) => {
			const outcome = await callWebhook({ ...jsonCall(payload('new_message'), { events: ['new_message'] }), mode });
			expect(outcome.result.workflowData?.[0]?.[0]).toEqual({ json: expect.any(Object) });
		});

		test('a raw body that names item fields (json, the pass) stays inside json: a caller never sets the pass', async () => {
			const forged = { ...payload('new_message'), json: { hijacked: true }, [WAIT_PASS_ENTRY]: { intake: 'http://203.0.113.9/', keys: {} } };
			const outcome = await callWebhook({ ...jsonCall(forged, { events: ['new_message'], options: { rawBody: true } }), mode: 'webhook' });
			const item = outcome.result.workflowData?.[0]?.[0];
			expect(item?.json).toEqual(forged);
			expect((item?.[WAIT_PASS_ENTRY] as { intake: string }).intake).toBe('http://127.0.0.1:5678/webhook/6f1c2a3e-0000-4000-8000-000000000006/zenvia-chat');
		});
	});
});
