// @ts-check
'use strict';

const { nodeOutput } = require('../../scripts/e2e');
const { execute } = require('./setup/context');
const { RECORDS } = require('./setup/constants');
const { TOKEN, received } = require('./setup/requests');

describe('Report in a real n8n', () => {
	it('reads the digital channels report, ongoing interactions, the history and a conversation', async () => {
		const execution = await execute('e2eReports');
		expect(execution.ok).toBe(true);

		const channels = nodeOutput(execution, 'Digital Channels');
		expect(channels.map((row) => [row.title, row.isTotal])).toEqual([
			['Sales', false],
			['Support', false],
			['Total', true],
		]);
		expect(channels[2].received).toBe(Number(channels[0].received) + Number(channels[1].received));

		// Simplify is on by default: flat rows, every name camelCase.
		const ongoing = nodeOutput(execution, 'Ongoing');
		expect(ongoing).toHaveLength(5);
		for (const row of ongoing) {
			expect(row).toMatchObject({ id: expect.any(Number), currentState: 'NOT_ANSWER', departmentName: expect.any(String), customerId: expect.anything() });
			expect(row).not.toHaveProperty('customer');
		}

		const history = nodeOutput(execution, 'History');
		expect(history).toHaveLength(2);
		for (const row of history) {
			// Expanded rows carry the counters and times the standard ones lack.
			expect(row).toMatchObject({ currentState: 'ENDED', messages: expect.any(Number), talkingTime: expect.any(Number), agentName: expect.any(String) });
			for (const key of Object.keys(row)) expect(key).toMatch(/^[a-z][A-Za-z0-9]*$/);
		}

		// One Get Conversation Messages per history item, through {{ $json.id }}.
		const messages = nodeOutput(execution, 'Conversation Messages');
		expect(messages.length).toBeGreaterThan(0);
		for (const message of messages) expect(message).toMatchObject({ content: expect.any(String), direction: expect.stringMatching(/^(CLIENT|AGENT)$/) });

		const period = { timezone: '+0000', token: TOKEN };
		const log = await received();
		expect(log).toHaveLength(5);
		expect(log).toEqual(
			expect.arrayContaining([
				{
					method: 'GET',
					path: '/api/ms/external/reports',
					query: { ...period, data_type: 'department', from: '2025-05-25T00:00:00', to: '2025-05-31T23:59:59', departments: '1,2' },
					body: null,
				},
				{ method: 'GET', path: '/api/ms/external/ongoing', query: { states: 'NOT_ANSWER', page: '1', limit: '5', token: TOKEN }, body: null },
				{
					method: 'GET',
					path: '/api/ms/external/history/expanded',
					query: { ...period, from: '2025-05-20T00:00:00', to: '2025-05-31T23:59:59', states: 'ENDED', page: '1', limit: '2' },
					body: null,
				},
				...history.map((row) => ({ method: 'GET', path: `/api/ms/external/history/${row.id}/messages`, query: { token: TOKEN }, body: null })),
			]),
		);
	});

	it(`returns all ${RECORDS} history records with Return All, page after page`, async () => {
		const execution = await execute('e2eHistoryAll');
		expect(execution.ok).toBe(true);

		const history = nodeOutput(execution, 'History');
		expect(history).toHaveLength(RECORDS);
		expect(new Set(history.map((row) => row.id)).size).toBe(RECORDS);

		const query = { timezone: '+0000', from: '2025-04-01T00:00:00', to: '2025-06-01T00:00:00', limit: '10000', token: TOKEN };
		// Two full pages, then a short one that ends the walk.
		expect(await received()).toEqual(
			['1', '2', '3'].map((page) => ({ method: 'GET', path: '/api/ms/external/history', query: { ...query, page }, body: null })),
		);
	});
});
