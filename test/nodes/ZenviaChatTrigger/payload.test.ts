import { callWebhook } from '../../helpers/webhookContext';
import type { WebhookCall } from '../../helpers/webhookContext';

const HASH = '322e458c-540c-4c11-ab5c-d38d39f57213';
const FINISHED = `{"interaction_hash":"${HASH}","state":"finished","extra":{}}`;
const parameters = { events: ['*'] };
const call = (request: Omit<WebhookCall, 'parameters'>) => callWebhook({ parameters, ...request });

const refusal = (status: number, message: string) => ({ ended: true, status, body: { message } });
const EMPTY = refusal(400, 'Empty body: expected a Zenvia Chat event as a JSON object');
const NOT_JSON = refusal(400, 'The body is not JSON: expected a Zenvia Chat event as a JSON object');
const NOT_OBJECT = refusal(400, 'The body must be a JSON object (a single Zenvia Chat event)');
const NO_HASH = refusal(422, 'The event has no "interaction_hash": expected the interaction\'s hash as a string');

describe('bodies as n8n hands them over', () => {
	test('application/json: the parsed object', async () => {
		const outcome = await call({ body: JSON.parse(FINISHED), rawBody: FINISHED });
		expect(outcome.items).toEqual([{ event: 'finished', interactionHash: HASH, extra: {} }]);
	});

	test('text/plain: the text, parsed here', async () => {
		const outcome = await call({ body: FINISHED, rawBody: FINISHED });
		expect(outcome.items).toEqual([{ event: 'finished', interactionHash: HASH, extra: {} }]);
	});

	test('no or another content type: the raw bytes, parsed here', async () => {
		const outcome = await call({ body: undefined, rawBody: ` ${FINISHED}\n` });
		expect(outcome.items).toEqual([{ event: 'finished', interactionHash: HASH, extra: {} }]);
	});

	test('bytes not read yet: read through readRawBody', async () => {
		const outcome = await call({ body: undefined, rawBody: FINISHED, rawBodyUnread: true });
		expect(outcome.items).toEqual([{ event: 'finished', interactionHash: HASH, extra: {} }]);
	});
});

describe('malformed bodies get a 4xx and start nothing', () => {
	test.each([
		['an empty body', { body: undefined, rawBody: '' }, EMPTY],
		['an empty body n8n turned into {}', { body: {}, rawBody: '' }, EMPTY],
		['only whitespace', { body: '  \n', rawBody: '  \n' }, EMPTY],
		['text that is not JSON', { body: 'state=finished', rawBody: 'state=finished' }, NOT_JSON],
		['bytes that are not JSON', { body: undefined, rawBody: '{"interaction_hash":' }, NOT_JSON],
		['a JSON array', { body: [JSON.parse(FINISHED)], rawBody: `[${FINISHED}]` }, NOT_OBJECT],
		['JSON null', { body: undefined, rawBody: 'null' }, NOT_OBJECT],
		['a JSON string', { body: '"finished"', rawBody: '"finished"' }, NOT_OBJECT],
		['an empty object', { body: {}, rawBody: '{}' }, NO_HASH],
		['no interaction_hash', { body: { state: 'finished', extra: {} }, rawBody: '' }, NO_HASH],
		['an empty interaction_hash', { body: { interaction_hash: ' ', state: 'finished' }, rawBody: '' }, NO_HASH],
		['a numeric interaction_hash', { body: { interaction_hash: 42, state: 'finished' }, rawBody: '' }, NO_HASH],
		[
			'a message without interaction_hash',
			{ body: { message: { content: 'hi', type: 'text' }, agent: { id: 1, name: 'A' } }, rawBody: '' },
			NO_HASH,
		],
	])('%s', async (_case, request, expected) => {
		const outcome = await call(request);
		expect(outcome.result).toEqual({ noWebhookResponse: true });
		expect(outcome.items).toBeUndefined();
		expect(outcome.response).toEqual(expected);
	});
});
