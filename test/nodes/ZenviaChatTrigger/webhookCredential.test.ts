import type { ICredentialTestFunctions } from 'n8n-workflow';

import { ZenviaChatTrigger } from '../../../nodes/ZenviaChatTrigger/ZenviaChatTrigger.node';
import { callWebhook, jsonCall } from '../../helpers/webhookContext';
import type { WebhookCall } from '../../helpers/webhookContext';
import { chatApiEvents } from './documentedEvents';

// A secret with every character that changes meaning in a URL or a query string.
const SECRET = 'Wh/s+c:r=t&9%2F?#';
const finished = chatApiEvents.find((entry) => entry.event === 'finished')!.payload;
const call = (extra: Partial<WebhookCall>, parameters: WebhookCall['parameters'] = {}) =>
	callWebhook(jsonCall(finished, { events: ['finished'], ...parameters }, extra));
const UNAUTHORIZED = {
	ended: true,
	status: 401,
	body: { message: 'Missing or wrong secret: put it in the "secret" query parameter of the webhook URL' },
};

describe('shared secret from the Zenvia Chat Webhook API credential', () => {
	test('the trigger offers the credential and does not require it', () => {
		expect(new ZenviaChatTrigger().description.credentials).toEqual([{ name: 'zenviaChatWebhookApi', required: false, testedBy: 'testWebhookSecret' }]);
	});

	test('its Test button refuses an empty secret and says how to write one in the URL', async () => {
		const test = new ZenviaChatTrigger().methods.credentialTest.testWebhookSecret;
		const run = (secret: string) =>
			test.call({} as ICredentialTestFunctions, { id: 'c', name: 'c', type: 'zenviaChatWebhookApi', data: { secret } });
		expect(await run('  ')).toEqual({ status: 'Error', message: 'The secret is empty: every call would be refused' });
		expect(await run(SECRET)).toEqual({ status: 'OK', message: expect.stringContaining('URL-encoded') });
		expect(JSON.stringify(await run(SECRET))).not.toContain(SECRET);
	});

	test('accepted from the query parameter (n8n hands it over decoded)', async () => {
		const outcome = await call({ webhookCredential: { secret: SECRET }, query: { secret: SECRET } });
		expect(outcome.items).toHaveLength(1);
	});

	test('accepted from the X-Zenvia-Secret header', async () => {
		const outcome = await call({ webhookCredential: { secret: SECRET }, headers: { 'x-zenvia-secret': SECRET } });
		expect(outcome.items).toHaveLength(1);
	});

	test.each([
		['missing', {}],
		['wrong', { query: { secret: 'nope' } }],
		['still URL-encoded', { query: { secret: encodeURIComponent(SECRET) } }],
	])('%s: 401 and no execution', async (_case, extra) => {
		const outcome = await call({ webhookCredential: { secret: SECRET }, ...extra });
		expect(outcome.result).toEqual({ noWebhookResponse: true });
		expect(outcome.response).toEqual(UNAUTHORIZED);
		expect(JSON.stringify(outcome)).not.toContain(SECRET);
	});

	test('a credential whose secret is empty refuses everyone rather than no one', async () => {
		const outcome = await call({ webhookCredential: { secret: '' }, query: { secret: '' } });
		expect(outcome.response).toMatchObject({ ended: true, status: 401 });
		expect(outcome.items).toBeUndefined();
	});

	test('never echoed in a response or an item', async () => {
		const accepted = await call({ webhookCredential: { secret: SECRET }, query: { secret: SECRET } }, { options: { rawBody: true } });
		expect(JSON.stringify(accepted.items)).not.toContain(SECRET);
	});
});
