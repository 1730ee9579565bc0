import type { INodeParameters } from 'n8n-workflow';

import { useZenvia } from '../../../helpers/zenvia';

/** What a success answer may be, per endpoint, and what the node makes of the others. */
const env = useZenvia({ records: 20 });

const run = (parameters: INodeParameters) => env.run(parameters);
const finish = { resource: 'interaction', operation: 'finish', interactionHash: 'some-hash' };
const FINISH_PATH = '/core/api/v1/interactions/some-hash/finish';
const ongoing = { resource: 'report', operation: 'getOngoing', limit: 5 };

describe('refusals Zenvia answers with HTTP 200', () => {
	const task = {
		resource: 'task',
		operation: 'import',
		taskId: 't-1',
		taskName: 'Call back',
		customerId: 'c-1',
		agentEmails: 'nobody@example.com',
	};

	it('fails Task > Import answered 200 with {status: 500, errors}: no task is silently left out', async () => {
		env.emu.setFault({ path: '/api/external/tasks', status: 200, body: { status: 500, errors: ['Agents not found with email = nobody@example.com'] } });

		const { error, items } = await run(task);

		expect(items).toEqual([]);
		expect(error?.message).toBe('Zenvia Chat answered HTTP 200 reporting a failure (status 500): Agents not found with email = nobody@example.com');
		expect(error?.httpCode).toBe('500');
	});

	it('fails Get Form Fields answered 200 with {status: 404, message}', async () => {
		env.emu.setFault({ path: '/api/external/form_fields', status: 200, body: { status: 404, message: 'Form not found' } });

		const { error } = await run({ resource: 'customer', operation: 'getFormFields' });

		expect(error?.message).toBe('Zenvia Chat answered HTTP 200 reporting a failure (status 404): Form not found');
		expect(error?.httpCode).toBe('404');
	});

	it('names the listed refusal, not a message beside it', async () => {
		env.emu.setFault({ path: '/api/external/tasks', status: 200, body: { message: 'Tasks received', errors: ['Agents not found with email = x@example.com'] } });

		const { error } = await run(task);

		expect(error?.message).toBe('Zenvia Chat answered HTTP 200 reporting a failure: Agents not found with email = x@example.com');
	});

	it('fails a write answered 200 with only an errors list', async () => {
		env.emu.setFault({ path: '/api/external/agents', method: 'POST', status: 200, body: { errors: ['email has already been taken'] } });

		const { error } = await run({ resource: 'agent', operation: 'create', name: 'Ana', email: 'ana@example.com', password: 'pa55-word-long', profile: 'AGENT' });

		expect(error?.message).toBe('Zenvia Chat answered HTTP 200 reporting a failure: email has already been taken');
	});

	it.each([
		['Interaction > Start', { resource: 'interaction', operation: 'start', departmentId: { __rl: true, mode: 'id', value: '1' } }, '/core/api/v1/interactions', 'an interaction hash'],
		[
			'WhatsApp > Send Message',
			{ resource: 'whatsapp', operation: 'sendMessage', customerExternalId: 'c-1', departmentId: { __rl: true, mode: 'id', value: '1' }, content: 'Hi', messageType: 'text' },
			'/api/v1/whatsapp',
			'a message hash',
		],
		[
			'Leave Message for Team',
			{ resource: 'interaction', operation: 'leaveMessageForTeam', departmentId: { __rl: true, mode: 'id', value: '1' }, content: 'Hi', customerEmail: 'ana@example.com' },
			'/core/api/v1/offcontact',
			'an interaction hash',
		],
	])('fails %s answered 200 with an empty body: Zenvia may have acted but sent no hash', async (_, parameters, path, expected) => {
		for (const bodyKind of ['empty', 'json-null'] as const) {
			env.emu.clearFaults();
			env.emu.setFault({ path, method: 'POST', status: 200, bodyKind });

			const { error, items } = await run(parameters as INodeParameters);

			expect(items).toEqual([]);
			expect(error?.message).toBe(`Zenvia Chat answered HTTP 200 with an empty body, without ${expected}`);
			expect(error?.description).toMatch(/may have acted on the request but sent no .*Check in Zenvia Chat whether it took effect/);
		}
	});
});

describe('success answers', () => {
	it.each([
		['a JSON string', 'json-string', '"ok"'],
		['a JSON number', 'json', '42'],
		['a JSON list', 'json', '[]'],
		['a body that is not JSON', 'not-json', 'upstream error 200 {not json'],
	] as const)('refuses %s on a write as an unreadable answer, with the status and an excerpt', async (what, bodyKind, text) => {
		env.emu.setFault({ path: FINISH_PATH, status: 200, bodyKind, body: bodyKind === 'json' ? JSON.parse(text) : undefined });

		const { error, items } = await run(finish);

		expect(items).toEqual([]);
		expect(error?.message).toBe(`Zenvia Chat answered HTTP 200 with ${what}, an unreadable answer`);
		expect(error?.description).toContain(`The answer began with: ${text}`);
		expect(error?.description).toContain('may have taken effect');
	});

	it.each([
		['an empty body', 'empty'],
		['JSON null', 'json-null'],
	] as const)('takes %s on a write as a success, and says so', async (_, bodyKind) => {
		env.emu.setFault({ path: FINISH_PATH, status: 200, bodyKind });

		const { error, items } = await run(finish);

		expect(error).toBeUndefined();
		expect(items.map((item) => item.json)).toEqual([
			{
				interactionHash: 'some-hash',
				success: true,
				emptyAnswer: true,
				status: 200,
				message: 'Zenvia Chat accepted the request (HTTP 200) and sent no details',
			},
		]);
	});

	it.each([
		['an empty body', 'empty'],
		['JSON null', 'json-null'],
		['a JSON string', 'json-string'],
	] as const)('refuses %s on a read', async (what, bodyKind) => {
		env.emu.setFault({ path: '/api/ms/external/ongoing', status: 200, bodyKind });

		const { error } = await run(ongoing);

		expect(error?.message).toBe(`Zenvia Chat answered HTTP 200 with ${what}, an unreadable answer`);
		expect(error?.description).not.toContain('may have taken effect');
	});

	it('reads the {error, status, success: false} shape on any route as a refusal', async () => {
		env.emu.setFault({ path: FINISH_PATH, status: 200, bodyKind: 'error-shape', body: 'Not allowed now' });

		const { error } = await run(finish);

		expect(error?.message).toBe('Zenvia Chat answered HTTP 200 reporting a failure: Not allowed now');
	});

	it('reads Get Conversation Messages answered as a bare list', async () => {
		const messages = [{ id: 1, content: 'hi' }, { id: 2, content: 'hello' }];
		env.emu.setFault({ path: '/api/ms/external/history/100001/messages', status: 200, body: messages });

		const { error, items } = await run({ resource: 'report', operation: 'getConversationMessages', protocolId: '100001' });

		expect(error).toBeUndefined();
		expect(items.map((item) => item.json)).toEqual(messages);
	});
});

describe('retries', () => {
	const startInteraction = async () => {
		const { items } = await run({ resource: 'interaction', operation: 'start', departmentId: { __rl: true, mode: 'id', value: '1' } });
		env.emu.clearRequests();
		return items[0].json.interactionHash as string;
	};

	it.each([
		['the connection dropped after the request arrived', { dropAfterReceive: true }],
		['the connection dropped mid-answer', { dropMidAnswer: true }],
	])('Finish retried after %s, answered "already finished", is a success saying so', async (_, fault) => {
		const hash = await startInteraction();
		const path = `/core/api/v1/interactions/${hash}/finish`;
		env.emu.setFault({ path, ...fault, times: 1 });

		const { error, items } = await run({ ...finish, interactionHash: hash });

		expect(error).toBeUndefined();
		expect(env.emu.requests().filter((request) => request.path === path)).toHaveLength(2);
		expect(items[0].json).toMatchObject({ interactionHash: hash, success: true, alreadyDone: true, message: 'Interaction already finished' });
		expect(items[0].json.earlierAttempt).toMatch(/^network error E/);
	});

	it('Finish retried after a 504 (Zenvia had finished it) is a success saying so', async () => {
		const hash = await startInteraction();
		const path = `/core/api/v1/interactions/${hash}/finish`;
		// Zenvia finished the interaction, then a gateway answered 504.
		await run({ ...finish, interactionHash: hash });
		env.emu.setFault({ path, status: 504, times: 1 });

		const { error, items } = await run({ ...finish, interactionHash: hash });

		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({ success: true, alreadyDone: true, earlierAttempt: 'HTTP 504' });
	});

	it('Typing retried after a 504 that then hears "already finished" is a success too', async () => {
		const hash = await startInteraction();
		await run({ ...finish, interactionHash: hash });
		env.emu.setFault({ path: `/core/api/v1/interactions/${hash}/typing`, status: 504, times: 1 });

		const { error, items } = await run({ resource: 'interaction', operation: 'notifyTyping', interactionHash: hash });

		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({ alreadyDone: true });
	});

	it('a first-attempt "already finished" is still a failure', async () => {
		const hash = await startInteraction();
		await run({ ...finish, interactionHash: hash });

		const { error } = await run({ ...finish, interactionHash: hash });

		expect(error?.message).toBe('Zenvia Chat answered HTTP 422: Interaction already finished');
	});

	it('retries a GET whose connection dropped mid-answer', async () => {
		env.emu.setFault({ path: '/api/ms/external/ongoing', dropMidAnswer: true, times: 1 });

		const { error, items } = await run(ongoing);

		expect(error).toBeUndefined();
		expect(items).toHaveLength(5);
		expect(env.emu.requests().filter((request) => request.path === '/api/ms/external/ongoing')).toHaveLength(2);
	});

	it('never resends a POST whose connection dropped mid-answer', async () => {
		env.emu.setFault({ path: '/core/api/v1/interactions', method: 'POST', dropMidAnswer: true, times: 1 });

		const { error } = await run({ resource: 'interaction', operation: 'start', departmentId: { __rl: true, mode: 'id', value: '1' } });

		expect(error).toBeDefined();
		expect(env.emu.requests()).toHaveLength(1);
	});
});

describe('the time limit of an item', () => {
	it('stops a hung server at the item limit, across attempts, and says how long it waited', async () => {
		env.emu.setFault({ path: '/api/ms/external/ongoing', latencyMs: 5_000 });
		const begun = Date.now();

		const { error } = await run({ ...ongoing, options: { itemTimeLimit: 2 } });

		expect(Date.now() - begun).toBeLessThan(4_500);
		expect(error?.message).toMatch(/^Gave up on Zenvia Chat after waiting 2(\.\d)? s \(the item's time limit is 2 s\)$/);
		expect(error?.description).toContain('Time Limit per Item (Seconds)');
	});

	it('does not start a Retry-After wait that would pass the limit', async () => {
		env.emu.setFault({ path: '/api/ms/external/ongoing', status: 429, retryAfter: 30, times: 1 });
		const begun = Date.now();

		const { error } = await run({ ...ongoing, options: { itemTimeLimit: 5 } });

		expect(Date.now() - begun).toBeLessThan(3_000);
		expect(error?.message).toMatch(/^Gave up on Zenvia Chat after waiting/);
		expect(error?.description).toContain('was answered HTTP 429 asking to wait 30 s');
	});

	it('says how long Zenvia asked to wait when Retry-After is beyond what the node waits', async () => {
		env.emu.setFault({ path: '/api/ms/external/ongoing', status: 429, retryAfter: 3600 });

		const { error } = await run(ongoing);

		expect(error?.httpCode).toBe('429');
		expect(error?.description).toContain('Zenvia Chat asked to wait 60 min (Retry-After)');
	});

	it('refuses a time limit that is not a positive whole number', async () => {
		const { error } = await run({ ...ongoing, options: { itemTimeLimit: 0 } });

		expect(error?.message).toBe('Time Limit per Item (Seconds) must be a positive whole number, got 0');
	});
});
