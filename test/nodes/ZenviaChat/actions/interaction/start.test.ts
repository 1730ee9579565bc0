import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { useZenvia } from '../../../../helpers/zenvia';

const env = useZenvia();

const start = (parameters: INodeParameters, items?: IDataObject[]) =>
	env.run(
		{
			resource: 'interaction',
			operation: 'start',
			departmentId: { __rl: true, mode: 'id', value: '1' },
			...parameters,
		},
		{ items },
	);

describe('Interaction > Start', () => {
	it('sends every field the user set, and lifts the interaction hash to the top', async () => {
		const { items, error } = await start({
			mediaType: 'WHATSAPP',
			customer: { name: 'Maria Silva', email: 'maria@example.com', phone: '11991417777', cpf: '12345678900' },
			extraInput: 'keyValue',
			extraValues: { values: [{ key: 'clientId', value: '1' }, { key: 'botId', value: '1111' }] },
			options: { externalHistory: 'https://crm.example.com/history/1' },
		});

		expect(error).toBeUndefined();
		const [request] = env.emu.requests();
		expect(request.method).toBe('POST');
		expect(request.path).toBe('/core/api/v1/interactions');
		expect(request.body).toEqual({
			token: '[redacted]',
			department_id: 1,
			media_type: 'WHATSAPP',
			customer: { name: 'Maria Silva', email: 'maria@example.com', phone: '11991417777', cpf: '12345678900' },
			extra: { clientId: '1', botId: '1111' },
			external_history: 'https://crm.example.com/history/1',
		});

		const hash = [...env.emu.state.interactions.keys()][0];
		expect(items).toEqual([
			{
				json: { interactionHash: hash, message: 'Interaction created successfully', data: { interaction_hash: hash } },
				pairedItem: { item: 0 },
			},
		]);
	});

	it('leaves out what the user did not set, and takes extra as JSON', async () => {
		await start({ extraInput: 'json', extraJson: '{"clientId": "7", "nested": {"a": 1}}', customer: { name: 'Ana', email: '' } });

		expect(env.emu.requests()[0].body).toEqual({
			token: '[redacted]',
			department_id: 1,
			media_type: 'TEXT',
			customer: { name: 'Ana' },
			extra: { clientId: '7', nested: { a: 1 } },
		});
	});

	it('answers every input item, with item data in expressions', async () => {
		const { items, error } = await start(
			{ departmentId: { __rl: true, mode: 'id', value: '={{ $json.department }}' }, customer: { name: '={{ $json.name }}' } },
			[
				{ department: 2, name: 'First' },
				{ department: 3, name: 'Second' },
			],
		);

		expect(env.emu.requests().map((request) => request.body)).toEqual([
			expect.objectContaining({ department_id: 2, customer: { name: 'First' } }),
			expect.objectContaining({ department_id: 3, customer: { name: 'Second' } }),
		]);
		expect(error).toBeUndefined();
		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(new Set(items.map((item) => item.json.interactionHash)).size).toBe(2);
	});

	it.each([
		['abc', 'Department must be a positive whole number, got abc'],
		[0, 'Department must be a positive whole number, got 0'],
		['-3', 'Department must be a positive whole number, got -3'],
		[1.5, 'Department must be a positive whole number, got 1.5'],
		['', 'Department must be a positive whole number, got (empty)'],
		[null, 'Department must be a positive whole number, got null'],
	])('refuses the department %j from an expression before sending anything', async (department, message) => {
		const { error, items } = await start(
			{ departmentId: { __rl: true, mode: 'id', value: '={{ $json.department }}' } },
			[{ department }],
		);

		expect(error?.message).toBe(message);
		expect(error?.context?.itemIndex).toBe(0);
		expect(items).toEqual([]);
		expect(env.emu.requests()).toEqual([]);
	});

	it('has n8n flag a typed department id that is not a number before the run starts', async () => {
		const { error } = await start({ departmentId: { __rl: true, mode: 'id', value: 'abc' } });

		expect(error?.message).toMatch(/A department ID is a positive whole number/);
		expect(env.emu.requests()).toEqual([]);
	});

	it.each([
		['{"clientId": ', /^Extra JSON is not valid JSON: /],
		['["a"]', /^Extra JSON must be a JSON object like \{"clientId": "1"\}, got \["a"\]$/],
	])('refuses the extra JSON %j before sending anything', async (extraJson, message) => {
		const { error } = await start({ extraInput: 'json', extraJson });

		expect(error?.message).toMatch(message);
		expect(env.emu.requests()).toEqual([]);
	});

	it('refuses an external history that is not an http(s) URL', async () => {
		const { error } = await start({ options: { externalHistory: 'ftp://files.example.com/h.json' } });

		expect(error?.message).toBe('External History URL must be an http(s) URL, got ftp://files.example.com/h.json');
		expect(env.emu.requests()).toEqual([]);
	});

	it('reports the API refusal with its status and message', async () => {
		// Department 4 is inactive: Zenvia refuses interactions in it.
		const { error } = await start({ departmentId: { __rl: true, mode: 'id', value: '4' } });

		expect(error?.message).toMatch(/^Zenvia Chat answered HTTP 422: /);
		expect(error?.httpCode).toBe('422');
	});
});
