import { useZenvia } from '../../../../helpers/zenvia';

const env = useZenvia({ records: 1000, seed: 42 });

const run = (operation: string, parameters: Record<string, unknown>, continueOnFail = false) =>
	env.run({ resource: 'report', operation, ...parameters }, { continueOnFail });

describe('Report: errors from Zenvia Chat', () => {
	it('reports the API\'s {error, status, success: false} answer with its HTTP status', async () => {
		env.emu.setFault({
			path: '/api/ms/external/history',
			status: 422,
			body: { error: 'Invalid date range', status: 422, success: false },
		});
		const { error } = await run('getHistory', { limit: 5, timezone: 'UTC' });
		expect(error?.message).toBe('Zenvia Chat answered HTTP 422: Invalid date range');
		expect(error?.httpCode).toBe('422');
	});

	it('reports a failure answered with HTTP 200 but success: false, using the status in the body', async () => {
		env.emu.setFault({
			path: '/api/ms/external/reports',
			status: 200,
			body: { error: 'Token inválido', status: 401, success: false },
		});
		const { error } = await run('getDigitalChannels', { timezone: 'UTC' });
		expect(error?.message).toBe('Zenvia Chat answered HTTP 200 reporting a failure (status 401): Token inválido');
		expect(error?.httpCode).toBe('401');
	});

	it('reports a refused token, never showing it', async () => {
		const { error } = await env.run(
			{ resource: 'report', operation: 'getOngoing', limit: 5 },
			{ credentials: { chatApiToken: 'not-the-right-token' } },
		);
		expect(error?.message).toMatch(/^Zenvia Chat answered HTTP 401/);
		expect(JSON.stringify(error)).not.toContain('not-the-right-token');
	});

	it('stops a Return All on a failed page instead of returning part of the records', async () => {
		env.emu.configure({ records: 15_000 });
		try {
			// Faults apply in the order added: the first page passes untouched, the second fails.
			env.emu.setFault({ path: '/api/ms/external/history', latencyMs: 0, times: 1 });
			env.emu.setFault({ path: '/api/ms/external/history', status: 500, body: { error: 'boom', status: 500, success: false } });
			const { items, error } = await run('getHistory', { returnAll: true, timezone: 'UTC' });
			expect(error?.message).toBe('Zenvia Chat answered HTTP 500: boom');
			expect(items).toEqual([]);
			expect(env.emu.requests().map((request) => request.query.page)).toEqual(['1', '2']);
		} finally {
			env.emu.configure({ records: 1000 });
		}
	}, 60_000);

	it('gives a failed item under Continue On Fail', async () => {
		env.emu.setFault({
			path: '/api/ms/external/ongoing',
			status: 500,
			body: { error: 'Internal error', status: 500, success: false },
		});
		const { items, error } = await run('getOngoing', { limit: 5 }, true);
		expect(error).toBeUndefined();
		expect(items).toHaveLength(1);
		expect(items[0].pairedItem).toEqual({ item: 0 });
		expect(items[0].json).toMatchObject({ error: 'Zenvia Chat answered HTTP 500: Internal error', httpCode: '500' });
	}, 60_000);
});

describe('Report: bad input is refused before any request', () => {
	const refused = async (operation: string, parameters: Record<string, unknown>, message: string) => {
		const { items, error } = await run(operation, parameters);
		expect(error?.message).toBe(message);
		expect(items).toEqual([]);
		expect(env.emu.requests()).toEqual([]);
	};

	it('From after To', () =>
		refused(
			'getHistory',
			{ limit: 5, from: '2025-05-10T00:00:00', to: '2025-05-01T00:00:00', timezone: 'UTC' },
			'From must not be after To: got From 2025-05-10T00:00:00 and To 2025-05-01T00:00:00',
		));

	it('From after To in the digital channels report', () =>
		refused(
			'getDigitalChannels',
			{ from: '2025-05-10T00:00:00', to: '2025-05-01T00:00:00' },
			'From must not be after To: got From 2025-05-10T00:00:00 and To 2025-05-01T00:00:00',
		));

	it('a date that is not a date', () =>
		refused(
			'getHistory',
			{ limit: 5, to: 'next tuesday', timezone: 'UTC' },
			'To must be a date and time like 2025-05-01T08:00:00, got "next tuesday"',
		));

	it('an unknown timezone', () =>
		refused(
			'getDigitalChannels',
			{ timezone: 'Mars/Olympus_Mons' },
			'Timezone must be a time zone name like America/Sao_Paulo or UTC, got "Mars/Olympus_Mons"',
		));

	it('a limit of 0', () => refused('getHistory', { limit: 0 }, 'Limit must be a positive whole number, got 0'));

	it('a limit above 10,000', () => refused('getOngoing', { limit: 10_001 }, 'Limit must be at most 10000, got 10001'));

	it('an agent ID that is not an ID', () =>
		refused(
			'getOngoing',
			{ limit: 5, filters: { agents: '101, ana souza' } },
			'Agent IDs must be numeric ids separated by commas, and ana souza is not one',
		));

	// Zenvia's report ids are whole numbers; anything else would be sent and refused with a 422.
	it('department IDs that are names', () =>
		refused(
			'getDigitalChannels',
			{ filters: { departments: 'sales, support' } },
			'Department IDs must be numeric ids separated by commas, and sales is not one',
		));

	it('a tag ID with letters', () =>
		refused('getDigitalChannels', { filters: { tags: '5, 7a' } }, 'Tag IDs must be numeric ids separated by commas, and 7a is not one'));
});
