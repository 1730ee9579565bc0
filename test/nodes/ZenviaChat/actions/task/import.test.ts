import type { INodeParameters } from 'n8n-workflow';

import { useZenvia } from '../../../../helpers/zenvia';
import type { RunOptions } from '../../../../helpers/zenvia';

const env = useZenvia();
const run = (operation: string, parameters: INodeParameters, options?: RunOptions) =>
	env.run({ resource: 'task', operation, ...parameters }, options);

const task = {
	taskId: '={{ $json.id }}',
	taskName: 'Call back',
	customerId: '={{ $json.customer }}',
	agentEmails: 'ana.souza@example.com, bruno.lima@example.com',
};

describe('Task > Import', () => {
	it('reads an Expires At without a zone in the workflow\'s time zone, as the report dates are, and sends it in UTC', async () => {
		const expiresAt = (value: string, timezone: string) =>
			run('import', { ...task, additionalFields: { expiresAt: value } }, { items: [{ id: 'T1', customer: 'C1' }], timezone });

		const { error } = await expiresAt('2025-07-01T09:30:00', 'America/Sao_Paulo');
		await expiresAt('2025-07-01T09:30:00-03:00', 'Europe/Lisbon');

		expect(error).toBeUndefined();
		const sent = env.emu.requests().map((request) => (request.body as { tasks: Array<{ task: { expires_at: string } }> }).tasks[0].task.expires_at);
		// 09:30 in São Paulo is 12:30 UTC; a date with its own offset keeps its meaning in any workflow.
		expect(sent).toEqual(['2025-07-01 12:30:00', '2025-07-01 12:30:00']);
	});

	it('sends each item as a task, in batches, with every field set', async () => {
		const { items, error } = await run('import', {
			...task,
			options: { itemsPerRequest: 2 },
			additionalFields: {
				description: 'About the invoice',
				expiresAt: '2025-07-01T15:30:00.000Z',
				customerName: 'Maria',
				customerEmails: 'maria@example.com, m@example.com',
				customerPhones: '1122334455',
				customerDocument: '12345678900',
			},
		}, { items: [{ id: 'T1', customer: 'C1' }, { id: 'T2', customer: 42 }, { id: 'T3', customer: 'C3' }] });

		expect(error).toBeUndefined();
		const bodies = env.emu.requests().map((request) => request.body as { tasks: unknown[] });
		expect(bodies.map((body) => body.tasks.length)).toEqual([2, 1]);
		expect(bodies[0].tasks[1]).toEqual({
			task: { id: 'T2', name: 'Call back', description: 'About the invoice', expires_at: '2025-07-01 15:30:00' },
			customer: { id: '42', name: 'Maria', emails: ['maria@example.com', 'm@example.com'], phones: ['1122334455'], document: '12345678900' },
			agents: ['ana.souza@example.com', 'bruno.lima@example.com'],
		});
		expect(items.map((item) => item.json)).toEqual([
			{ taskId: 'T1', customerId: 'C1', status: 200 },
			{ taskId: 'T2', customerId: '42', status: 200 },
			{ taskId: 'T3', customerId: 'C3', status: 200 },
		]);
		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
	});

	it('gives every item of a batch with an unknown agent Zenvia\'s reason, with Continue On Fail', async () => {
		const { items } = await run('import', { ...task, agentEmails: 'ghost@example.com' }, { items: [{ id: 'T1', customer: 'C1' }, { id: 'T2', customer: 'C2' }], continueOnFail: true });

		expect(items.map((item) => item.json.error)).toEqual([
			'Zenvia Chat answered HTTP 500: Agents not found with email = ghost@example.com',
			'Zenvia Chat answered HTTP 500: Agents not found with email = ghost@example.com',
		]);
	});

	it.each([
		[{ agentEmails: '={{ "" }}' }, 'Agent Emails is required: got an empty value'],
		[{ agentEmails: 'ana, bruno' }, 'Agent Emails must be e-mail addresses separated by commas, and ana is not one'],
		[{ taskName: '={{ "" }}' }, 'Task Name is required: got an empty value'],
		[{ additionalFields: { expiresAt: 'tomorrow' } }, 'Expires At must be a date and time like 2025-05-01T08:00:00, got "tomorrow"'],
	])('refuses %p before any request', async (override, message) => {
		const { error } = await run('import', { ...task, ...override }, { items: [{ id: 'T1', customer: 'C1' }] });

		expect(error?.message).toBe(message);
		expect(env.emu.requests()).toEqual([]);
	});
});
