import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { startInteraction, useZenvia } from '../../../helpers/zenvia';

/**
 * What n8n expressions yield, read by every operation's fields: numbers and booleans are sent as
 * the documented text, objects and lists are refused naming the field, nothing is dropped.
 */
const env = useZenvia({ records: 50, seed: 42 });

const run = (parameters: INodeParameters, items?: IDataObject[]) =>
	env.run(parameters, { items, continueOnFail: true });

const department = { __rl: true, mode: 'id', value: '1' };
const sentBodies = () => env.emu.requests().map((request) => request.body as IDataObject);

describe('customer fields from expressions', () => {
	const customer = { name: '={{ $json.name }}', phone: '={{ $json.phone }}', cpf: '={{ $json.cpf }}', email: '={{ $json.email }}' };
	const crmRow = { name: 'Maria', phone: 11991417777, cpf: 12345678900, email: true };

	it('Interaction > Start sends numbers and booleans as text, dropping none', async () => {
		const { items } = await run({ resource: 'interaction', operation: 'start', departmentId: department, customer }, [crmRow]);

		expect(items[0].json.error).toBeUndefined();
		expect(sentBodies()[0].customer).toEqual({ name: 'Maria', phone: '11991417777', cpf: '12345678900', email: 'true' });
	});

	it('WhatsApp > Send Message sends them too, beside the external id', async () => {
		const { items } = await run(
			{
				resource: 'whatsapp',
				operation: 'sendMessage',
				customerExternalId: '={{ $json.phone }}',
				departmentId: department,
				content: 'Hi',
				customer,
			},
			[crmRow],
		);

		expect(items[0].json.error).toBeUndefined();
		expect(sentBodies()[0].customer).toEqual({
			external_id: '11991417777',
			name: 'Maria',
			phone: '11991417777',
			cpf: '12345678900',
			email: 'true',
		});
	});

	it('refuses an object or a list, naming the field, before any request', async () => {
		const { items } = await run(
			{ resource: 'interaction', operation: 'start', departmentId: department, customer: { phone: '={{ $json.phone }}' } },
			[{ phone: { ddd: 11 } }, { phone: ['1', '2'] }],
		);

		expect(items.map((item) => item.json.error)).toEqual([
			expect.stringContaining('Customer Phone must be text'),
			expect.stringContaining('Customer Phone must be text'),
		]);
		expect(env.emu.requests()).toHaveLength(0);
	});

	it('sends a number given to an Extra value as text', async () => {
		await run(
			{
				resource: 'interaction',
				operation: 'start',
				departmentId: department,
				extraInput: 'keyValue',
				extraValues: { values: [{ key: 'clientId', value: '={{ $json.id }}' }] },
			},
			[{ id: 42 }],
		);

		expect(sentBodies()[0].extra).toEqual({ clientId: '42' });
	});
});

describe('numbers where text is read', () => {
	it('Get History searches a protocol number', async () => {
		const { items, error } = await run(
			{ resource: 'report', operation: 'getHistory', limit: 5, filters: { search: '={{ $json.protocol }}' } },
			[{ protocol: 100003 }],
		);

		expect(error).toBeUndefined();
		expect(items.map((item) => item.json.id)).toEqual([100003]);
		expect(env.emu.requests()[0].query.search).toBe('100003');
	});

	it('Update links a numeric customer key and a numeric note', async () => {
		const hash = await startInteraction(env);
		const { items } = await run(
			{
				resource: 'interaction',
				operation: 'update',
				interactionHash: hash,
				updateFields: { customerKey: '={{ $json.key }}', note: '={{ $json.note }}' },
			},
			[{ key: 12345, note: 7 }],
		);

		expect(items[0].json.error).toBeUndefined();
		expect(sentBodies()[0]).toMatchObject({ customer_key: '12345', note: '7' });
	});

	it('Interaction > Send Message sends a numeric content as text', async () => {
		const hash = await startInteraction(env);
		const { items } = await run(
			{ resource: 'interaction', operation: 'sendMessage', interactionHash: hash, content: '={{ $json.code }}' },
			[{ code: 4321 }],
		);

		expect(items[0].json.error).toBeUndefined();
		expect(sentBodies()[0]).toMatchObject({ content: '4321', type: 'text' });
	});
});

describe('ids that would change the request path', () => {
	it.each(['.', '..', '...', ' .. '])('refuses the hash %j before any request, naming the field', async (hash) => {
		for (const operation of ['update', 'finish', 'sendMessage']) {
			const { items } = await run({
				resource: 'interaction',
				operation,
				interactionHash: hash,
				content: 'x',
				updateFields: { note: 'x' },
			});
			expect([operation, items[0].json.error]).toEqual([operation, expect.stringContaining('Interaction Hash cannot be only dots')]);
		}
		expect(env.emu.requests()).toHaveLength(0);
	});

	it('refuses a protocol id of dots on Get Conversation Messages', async () => {
		const { items } = await run({ resource: 'report', operation: 'getConversationMessages', protocolId: '..' });

		expect(items[0].json.error).toContain('Protocol ID cannot be only dots');
		expect(env.emu.requests()).toHaveLength(0);
	});

	it('still accepts an id with dots among other characters, encoded', async () => {
		await run({ resource: 'interaction', operation: 'finish', interactionHash: 'a..b' });

		expect(env.emu.requests()[0].path).toBe('/core/api/v1/interactions/a..b/finish');
	});
});

describe('booleans read strictly', () => {
	it('reads the text "false" from an expression as false: Return All stays off', async () => {
		const { items } = await run(
			{ resource: 'report', operation: 'getHistory', returnAll: '={{ $json.all }}', limit: 3 },
			[{ all: 'false' }],
		);

		expect(items).toHaveLength(3);
		expect(env.emu.requests()[0].query.limit).toBe('3');
	});

	it('reads the text "true" as true', async () => {
		await run({ resource: 'report', operation: 'getHistory', expanded: '={{ $json.expanded }}', limit: 1 }, [{ expanded: 'true' }]);

		expect(env.emu.requests()[0].path).toBe('/api/ms/external/history/expanded');
	});

	it.each([
		['Return All', { returnAll: '={{ $json.flag }}' }],
		['Expanded', { expanded: '={{ $json.flag }}' }],
	])('refuses anything else for %s, naming the field', async (field, parameters) => {
		const { items } = await run({ resource: 'report', operation: 'getHistory', limit: 1, ...parameters }, [
			{ flag: 'yes' },
			{ flag: 1 },
		]);

		expect(items.map((item) => item.json.error)).toEqual([
			`${field} must be true or false, got yes`,
			`${field} must be true or false, got 1`,
		]);
		expect(env.emu.requests()).toHaveLength(0);
	});

	it('refuses a non-boolean Include Total Row on the Digital Channels report', async () => {
		const { items } = await run(
			{ resource: 'report', operation: 'getDigitalChannels', options: { includeTotal: '={{ $json.flag }}' } },
			[{ flag: 'no' }],
		);

		expect(items[0].json.error).toBe('Include Total Row must be true or false, got no');
	});
});

describe('message content', () => {
	it('is sent exactly as written, spaces and line breaks included', async () => {
		const hash = await startInteraction(env);
		await run({ resource: 'interaction', operation: 'sendMessage', interactionHash: hash, content: '  indented\n' });
		await run({
			resource: 'whatsapp',
			operation: 'sendMessage',
			customerExternalId: 'c-1',
			departmentId: department,
			content: '\tTabbed  ',
		});

		expect(sentBodies().map((body) => body.content)).toEqual(['  indented\n', '\tTabbed  ']);
	});

	it('is refused when blank', async () => {
		const hash = await startInteraction(env);
		const { items } = await run({ resource: 'interaction', operation: 'sendMessage', interactionHash: hash, content: ' \n ' });

		expect(items[0].json.error).toBe('Content is required: got an empty value');
		expect(env.emu.requests()).toHaveLength(0);
	});
});

describe('External History URL', () => {
	it('reads a bare host or path as https, as the WhatsApp document writes it', async () => {
		await run({
			resource: 'whatsapp',
			operation: 'sendMessage',
			customerExternalId: 'c-1',
			departmentId: department,
			content: 'Hi',
			options: { externalHistory: 'chathistory.example.org' },
		});
		await run({
			resource: 'interaction',
			operation: 'start',
			departmentId: department,
			options: { externalHistory: 'chathistory.example.org/history/1?c=2' },
		});

		expect(sentBodies().map((body) => body.external_history)).toEqual([
			'https://chathistory.example.org',
			'https://chathistory.example.org/history/1?c=2',
		]);
	});

	it('still refuses other schemes', async () => {
		const { items } = await run({
			resource: 'interaction',
			operation: 'start',
			departmentId: department,
			options: { externalHistory: 'ftp://chathistory.example.org' },
		});

		expect(items[0].json.error).toBe('External History URL must be an http(s) URL, got ftp://chathistory.example.org');
	});
});

describe('choices from expressions', () => {
	it.each([
		['Media Type', { resource: 'interaction', operation: 'start', departmentId: department, mediaType: '={{ $json.v }}' }, 'Media Type must be one of INSTAGRAM, SMS, TELEGRAM, TEXT, WHATSAPP, got whatsapp'],
		['Mood', { resource: 'interaction', operation: 'update', interactionHash: 'h', updateFields: { mood: '={{ $json.v }}' } }, 'Mood must be one of POSITIVE, NEGATIVE, got whatsapp'],
		['Direction', { resource: 'report', operation: 'getHistory', limit: 1, filters: { direction: '={{ $json.v }}' } }, 'Direction must be one of all, received, sent, got whatsapp'],
		['Group By', { resource: 'report', operation: 'getDigitalChannels', groupBy: '={{ $json.v }}' }, 'Group By must be one of agent, channel, department, period, tag, got whatsapp'],
	])('refuses a %s Zenvia does not know, before any request', async (_, parameters, message) => {
		const { items } = await run(parameters as INodeParameters, [{ v: 'whatsapp' }]);

		expect(items[0].json.error).toBe(message);
		expect(env.emu.requests()).toHaveLength(0);
	});

	it('sends a known choice given by an expression', async () => {
		await run({ resource: 'interaction', operation: 'start', departmentId: department, mediaType: '={{ $json.v }}' }, [{ v: 'SMS' }]);

		expect(sentBodies()[0].media_type).toBe('SMS');
	});
});
