// eslint-disable-next-line @typescript-eslint/no-require-imports
const { ENDPOINTS, answer, compare } = require('../../emulator/contract');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { differences, typeOf, safeKey } = require('../../emulator/shape');

describe('emulator/contract.js: one picture of the read-only answers', () => {
	it('wraps report rows in the Reports API envelope and passes bare lists as they are', () => {
		expect(answer('ongoing', [])).toEqual({ status: 200, body: { status: 200, success: true, data: [] } });
		expect(answer('whatsappDepartments', [{ id: 1, name: 'Support', active: true }])).toEqual({
			status: 200,
			body: [{ id: 1, name: 'Support', active: true }],
		});
	});

	it('refuses to let the emulator answer anything else, naming where', () => {
		expect(() => answer('whatsappDepartments', [{ id: '1', name: 'Support', active: true }])).toThrow(
			'the WhatsApp API v1 departments answer does not fit emulator/contract.js ([].id: expected number, got string (digits))',
		);
		expect(() => answer('agentsOnline', { agents: [], count: 0, status: 200 })).toThrow('averageService: expected number, got missing');
	});

	it('names each kind of difference once, counting the rows that show it', () => {
		const rows = [{ id: 1 }, { id: '2' }, { id: '3', extra: true }];
		expect(differences([{ id: 'number' }], rows)).toEqual([
			{ path: '[].id', expected: 'number', got: 'string (digits)', count: 2 },
			{ path: '[].extra', expected: 'no such key', got: 'boolean', count: 1 },
		]);
		expect(compare('chatDepartments', { data: [] })).toEqual([{ path: '', expected: 'list', got: 'object', count: 1 }]);
		expect(differences({ a: { $nullable: { b: 'string' } }, 'c?': 'datetime' }, { a: null, c: '2025-05-10 08:03:22' })).toEqual([
			{ path: 'c', expected: 'datetime', got: 'string (date-time without zone)', count: 1 },
		]);
		expect(differences({ fields: { $map: 'string|string[]' } }, { fields: { custom: 'x', other: ['y'], bad: 3 } })).toEqual([
			{ path: 'fields{}', expected: 'string|string[]', got: 'number', count: 1 },
		]);
	});

	it('describes values by kind, never by content', () => {
		expect(['', '2025-05-10T08:03:22-03:00', '2025-05-10', '5511987654321', 'Maria', null, 3, [1], {}].map(typeOf)).toEqual([
			'string (empty)',
			'string (date-time)',
			'string (date)',
			'string (digits)',
			'string',
			'null',
			'number',
			'list',
			'object',
		]);
		expect(['current_state', 'tag2', 'maria@example.com', 'token-abc', '5511987654321', 'x'.repeat(50)].map(safeKey)).toEqual([
			'current_state',
			'tag2',
			...Array(4).fill('(a key not shown: not a plain field name)'),
		]);
	});

	it('knows which token and host each endpoint takes, as the node sends them', () => {
		const summary = Object.fromEntries(Object.entries(ENDPOINTS as Record<string, { api: string; token: string }>).map(([name, { api, token }]) => [name, `${api} ${token}`]));
		expect(summary).toEqual({
			chatDepartments: 'chat chatApi',
			digitalChannels: 'chat chatApi',
			history: 'chat chatApi',
			ongoing: 'chat chatApi',
			conversationMessages: 'chat chatApi',
			whatsappDepartments: 'whatsapp clientSdk',
			formFields: 'chat clientSdk',
			agents: 'chat clientSdk',
			agentsOnline: 'chat clientSdk',
		});
	});
});
