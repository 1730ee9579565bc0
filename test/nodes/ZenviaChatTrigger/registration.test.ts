import type { IDataObject, IWebhookFunctions } from 'n8n-workflow';

import { LatestDesks } from '../../../nodes/ZenviaChatTrigger/latestDesks';
import { acceptRegistration, waiterFor } from '../../../nodes/ZenviaChatTrigger/waits';
import { DESK_ENTRY, conversationKeyOf, signRegistration } from '../../../nodes/ZenviaChat/helpers/waitDesk';
import { recordingResponse } from '../../helpers/webhookContext';
import type { RecordedResponse } from '../../helpers/webhookContext';

const INTAKE = 'http://127.0.0.1:5678/webhook/6f1c2a3e-0000-4000-8000-000000000006/zenvia-chat';
const KEY = 'a'.repeat(64);

/** A published trigger's webhook call carrying a waiting node's registration. */
function registrationCall(staticData: IDataObject, body: string, header: string) {
	const written: RecordedResponse = { ended: false };
	const response = recordingResponse(written);
	const context = {
		getMode: () => 'webhook',
		getWorkflow: () => ({ id: 'wf1' }),
		getWorkflowStaticData: () => staticData,
		getRequestObject: () => ({ rawBody: Buffer.from(body) }),
		getResponseObject: () => response,
		logger: { info: jest.fn(), warn: jest.fn(), debug: jest.fn() },
	} as unknown as IWebhookFunctions;
	return { context, written, header };
}

describe('Zenvia Chat Trigger: a waiting node\'s registration', () => {
	test('is answered through n8n, after n8n has saved the static data holding it, never written before', async () => {
		const staticData: IDataObject = { [DESK_ENTRY]: { key: KEY, intake: INTAKE, waiters: {} } };
		const now = Date.now();
		const body = JSON.stringify({
			conversation: 'interaction:abc',
			waiter: { url: 'http://127.0.0.1:5678/webhook-waiting/41/ask-node?signature=x', events: ['new_message'], until: now + 60_000, registeredAt: now, executionId: '41' },
		});
		const { context, written } = registrationCall(staticData, body, '');
		const result = await acceptRegistration(context, signRegistration(conversationKeyOf(KEY, JSON.parse(body).conversation), body, now), new LatestDesks());
		// A response written here would leave before n8n saves static data (it saves once webhook()
		// has returned), and an answer posted at once to the question the node then sends would
		// find no waiter: it would start a stray execution.
		expect(result).toEqual({ webhookResponse: { registered: true, held: false } });
		expect(written).toEqual({ ended: false });
		expect((staticData[DESK_ENTRY] as IDataObject).waiters).toEqual({ 'interaction:abc': expect.objectContaining({ executionId: '41' }) });
	});

	test('of a waiter the desk already holds is answered held and changes nothing (n8n then saves nothing that could hide another)', async () => {
		const now = Date.now();
		const waiter = { url: 'http://127.0.0.1:5678/webhook-waiting/41/ask-node?signature=x', events: ['new_message'], until: now + 60_000, registeredAt: now, executionId: '41' };
		const desk = { key: KEY, intake: INTAKE, waiters: { 'interaction:abc': { ...waiter } } };
		const staticData: IDataObject = { [DESK_ENTRY]: desk };
		const before = JSON.stringify(staticData);
		const body = JSON.stringify({ conversation: 'interaction:abc', waiter });
		const { context } = registrationCall(staticData, body, '');
		expect(await acceptRegistration(context, signRegistration(conversationKeyOf(KEY, JSON.parse(body).conversation), body, now), new LatestDesks())).toEqual({ webhookResponse: { registered: true, held: true } });
		expect(JSON.stringify(staticData)).toBe(before);
	});

	test('lost to a registration that raced it is written again and answered not held', async () => {
		const now = Date.now();
		// The desk as the racing call saved it: another conversation's waiter, not this one.
		const other = { url: 'http://127.0.0.1:5678/webhook-waiting/42/ask-node?signature=y', events: ['new_message'], until: now + 60_000, registeredAt: now, executionId: '42' };
		const staticData: IDataObject = { [DESK_ENTRY]: { key: KEY, intake: INTAKE, waiters: { 'interaction:other': other } } };
		const waiter = { url: 'http://127.0.0.1:5678/webhook-waiting/41/ask-node?signature=x', events: ['new_message'], until: now + 60_000, registeredAt: now, executionId: '41' };
		const body = JSON.stringify({ conversation: 'interaction:abc', waiter });
		const { context } = registrationCall(staticData, body, '');
		expect(await acceptRegistration(context, signRegistration(conversationKeyOf(KEY, JSON.parse(body).conversation), body, now), new LatestDesks())).toEqual({ webhookResponse: { registered: true, held: false } });
		expect(Object.keys((staticData[DESK_ENTRY] as IDataObject).waiters as IDataObject).sort()).toEqual(['interaction:abc', 'interaction:other']);
	});

	test('made at the same moment as another both survive: the second save carries the first waiter', async () => {
		// n8n loads static data when each call arrives and saves it whole when the call ends: both
		// calls below loaded the desk before either wrote, so without the process's own newest copy
		// the second save would hide the first waiter.
		const desks = new LatestDesks();
		const now = Date.now();
		const loaded = () => ({ [DESK_ENTRY]: { key: KEY, intake: INTAKE, waiters: {} } }) as IDataObject;
		const first = loaded();
		const second = loaded();
		for (const [staticData, execution, hash] of [[first, '41', 'abc'], [second, '42', 'def']] as const) {
			const waiter = { url: `http://127.0.0.1:5678/webhook-waiting/${execution}/ask-node?signature=x`, events: ['new_message'], until: now + 60_000, registeredAt: now, executionId: execution };
			const body = JSON.stringify({ conversation: `interaction:${hash}`, waiter });
			const { context } = registrationCall(staticData, body, '');
			expect(await acceptRegistration(context, signRegistration(conversationKeyOf(KEY, JSON.parse(body).conversation), body, now), desks)).toEqual({ webhookResponse: { registered: true, held: expect.any(Boolean) } });
		}
		expect(Object.keys((second[DESK_ENTRY] as IDataObject).waiters as IDataObject).sort()).toEqual(['interaction:abc', 'interaction:def']);

		// And a reply that comes before either save has landed (its call loaded the old desk) finds its waiter.
		const { context } = registrationCall(loaded(), '', '');
		expect(waiterFor(context, 'new_message', { interaction_hash: 'abc', type: 'new_message' }, desks)).toMatchObject({ kind: 'waiter', waiter: { executionId: '41' } });
	});

	test('is answered held at once when this process wrote the newest desk, and confirmed by a second call when another wrote a newer one', async () => {
		const desks = new LatestDesks();
		const now = Date.now();
		const call = async (staticData: IDataObject, execution: string) => {
			const waiter = { url: `http://127.0.0.1:5678/webhook-waiting/${execution}/ask-node?signature=x`, events: ['new_message'], until: now + 60_000, registeredAt: now, executionId: execution };
			const body = JSON.stringify({ conversation: `interaction:${execution}`, waiter });
			const { context } = registrationCall(staticData, body, '');
			return await acceptRegistration(context, signRegistration(conversationKeyOf(KEY, JSON.parse(body).conversation), body, now), desks);
		};
		// This process has written nothing yet: it cannot tell whether another save will hide it.
		expect(await call({ [DESK_ENTRY]: { key: KEY, intake: INTAKE, waiters: {}, rev: 1 } }, '41')).toEqual({ webhookResponse: { registered: true, held: false } });
		// Now it has (rev 2), and what n8n loaded is that writing.
		expect(await call(desks.read('wf1', {}) ? { [DESK_ENTRY]: desks.read('wf1', {}) as IDataObject } : {}, '42')).toEqual({ webhookResponse: { registered: true, held: true } });
		// Another process saved rev 9: this one's copy is older.
		expect(await call({ [DESK_ENTRY]: { key: KEY, intake: INTAKE, waiters: {}, rev: 9, writer: 'another-process' } }, '43')).toEqual({ webhookResponse: { registered: true, held: false } });
		// Another process saved a desk with this process's revision number (revisions count per process).
		const own = desks.read('wf1', {}) as IDataObject;
		expect(await call({ [DESK_ENTRY]: { key: KEY, intake: INTAKE, waiters: {}, rev: own.rev, writer: 'another-process' } }, '44')).toEqual({ webhookResponse: { registered: true, held: false } });
	});

	describe('signed with the key of the one conversation it registers for', () => {
		const now = Date.now();
		const waiter = { url: 'http://127.0.0.1:5678/webhook-waiting/41/ask-node?signature=x', events: ['new_message'], until: now + 60_000, registeredAt: now, executionId: '41' };
		const deskData = (): IDataObject => ({ [DESK_ENTRY]: { key: KEY, intake: INTAKE, waiters: {} } });

		test('is taken for the conversation the pass names', async () => {
			const staticData = deskData();
			const body = JSON.stringify({ conversation: 'interaction:abc', waiter });
			const { context } = registrationCall(staticData, body, '');
			const header = signRegistration(conversationKeyOf(KEY, 'interaction:abc'), body, now);
			expect(await acceptRegistration(context, header, new LatestDesks())).toEqual({ webhookResponse: { registered: true, held: false } });
			expect((staticData[DESK_ENTRY] as IDataObject).waiters).toEqual({ 'interaction:abc': expect.objectContaining({ executionId: '41' }) });
		});

		test('signed with the desk\'s own key is refused 401: that key signs nothing', async () => {
			const staticData = deskData();
			const body = JSON.stringify({ conversation: 'interaction:abc', waiter });
			const { context, written } = registrationCall(staticData, body, '');
			expect(await acceptRegistration(context, signRegistration(KEY, body, now), new LatestDesks())).toEqual({ noWebhookResponse: true });
			expect(written).toMatchObject({ status: 401 });
			expect((staticData[DESK_ENTRY] as IDataObject).waiters).toEqual({});
		});

		test('is refused 401 for any other conversation, and writes nothing', async () => {
			const staticData = deskData();
			const body = JSON.stringify({ conversation: 'interaction:other', waiter });
			const { context, written } = registrationCall(staticData, body, '');
			const header = signRegistration(conversationKeyOf(KEY, 'interaction:abc'), body, now);
			expect(await acceptRegistration(context, header, new LatestDesks())).toEqual({ noWebhookResponse: true });
			expect(written).toMatchObject({ status: 401 });
			expect((staticData[DESK_ENTRY] as IDataObject).waiters).toEqual({});
		});
	});
});
