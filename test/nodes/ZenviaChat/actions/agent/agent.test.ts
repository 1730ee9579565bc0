import type { INodeParameters } from 'n8n-workflow';

import { useZenvia } from '../../../../helpers/zenvia';
import type { RunOptions } from '../../../../helpers/zenvia';

const env = useZenvia();
const run = (operation: string, parameters: INodeParameters, options?: RunOptions) =>
	env.run({ resource: 'agent', operation, ...parameters }, options);
const PASSWORD = 'S3cret-Agent-Pass/+=';

/** Every form the password could take in a text: raw, JSON-escaped, URL-encoded, base64. */
const passwordForms = [PASSWORD, JSON.stringify(PASSWORD).slice(1, -1), encodeURIComponent(PASSWORD), Buffer.from(PASSWORD).toString('base64')];

describe('Agent', () => {
	it('Get Online sends the department and passes the answer on', async () => {
		const { items, error } = await run('getOnline', { departmentId: { __rl: true, mode: 'id', value: '1' } });

		expect(error).toBeUndefined();
		expect(env.emu.requests()[0]).toMatchObject({ method: 'GET', path: '/core/api/v1/agents/online', query: { token: '[redacted]', department_id: '1' } });
		expect(items[0].json).toEqual({
			agents: [{ id: 101, name: 'Ana Souza', photo: null }, { id: 102, name: 'Bruno Lima', photo: null }],
			averageService: 95,
			count: 2,
			status: 200,
		});
	});

	it('Get Online without a department asks for every department', async () => {
		const { items } = await run('getOnline', { departmentId: { __rl: true, mode: 'list', value: '' } });

		expect(env.emu.requests()[0].query).toEqual({ token: '[redacted]' });
		expect(items[0].json.count).toBe(4);
	});

	it('Get Many gives one item per agent, bounded by the limit', async () => {
		const all = await run('getMany', { returnAll: true });
		expect(all.items).toHaveLength(6);
		expect(all.items[0].json).toMatchObject({ id: 101, email: 'ana.souza@example.com', department: { id: 1, name: 'Support' } });

		const some = await run('getMany', { returnAll: false, limit: 2 });
		expect(some.items.map((item) => item.json.id)).toEqual([101, 102]);
	});

	it('Get reads one agent, and a 404 names the status and Zenvia\'s message', async () => {
		const { items } = await run('get', { agentId: '103' });
		expect(env.emu.requests()[0].path).toBe('/api/external/agents/103');
		expect(items[0].json.name).toBe('Carla Mendes');

		const missing = await run('get', { agentId: '999' });
		expect(missing.error?.message).toBe('Zenvia Chat answered HTTP 404: Agent not found');
	});

	it('Create sends every field, and the password appears in no output', async () => {
		const { items, error } = await run('create', {
			name: 'Nina Reis',
			email: 'nina@example.com',
			password: PASSWORD,
			profile: 'ADMIN',
			additionalFields: { textLimit: 5 },
		});

		expect(error).toBeUndefined();
		expect(env.emu.requests()[0].body).toEqual({
			token: '[redacted]',
			name: 'Nina Reis',
			email: 'nina@example.com',
			password: '[redacted]',
			profile: 'ADMIN',
			text_limit: 5,
		});
		expect(env.emu.state.account.agents.get(201)?.password).toBe(PASSWORD);
		expect(items[0].json).toMatchObject({ id: 201, name: 'Nina Reis', profile: 'ADMIN', text_limit: 5 });
		for (const form of passwordForms) expect(JSON.stringify(items)).not.toContain(form);
	});

	it('a refusal that echoes the password shows it in no form, with or without Continue On Fail', async () => {
		const echo = { message: `The password ${PASSWORD} is too weak (${encodeURIComponent(PASSWORD)})`, status: 422 };
		env.emu.setFault({ path: '/api/external/agents', method: 'POST', status: 422, body: echo });
		const parameters = { name: 'N', email: 'n@example.com', password: PASSWORD, profile: 'AGENT' };

		const stopped = await run('create', parameters);
		const continued = await run('create', parameters, { continueOnFail: true });

		expect(stopped.error?.message).toBe('Zenvia Chat answered HTTP 422: The password [redacted] is too weak ([redacted])');
		const shown = JSON.stringify([stopped.error?.message, stopped.error?.description, stopped.error?.context, (stopped.error as unknown as { cause?: unknown })?.cause, continued.items]);
		for (const form of passwordForms.slice(0, 3)) expect(shown).not.toContain(form);
	});

	it('Update sends only the fields set', async () => {
		const { items, error } = await run('update', { agentId: '102', updateFields: { name: 'Bruno L.', textLimit: 0 } });

		expect(error).toBeUndefined();
		expect(env.emu.requests()[0]).toMatchObject({ method: 'PUT', path: '/api/external/agents/102', body: { token: '[redacted]', name: 'Bruno L.', text_limit: 0 } });
		expect(items[0].json.name).toBe('Bruno L.');
	});

	it.each([
		['update', { agentId: '102', updateFields: {} }, 'Update Fields are empty: add at least one field to change'],
		['update', { agentId: 'abc', updateFields: { name: 'x' } }, 'Agent must be a positive whole number, got abc'],
		['update', { agentId: '102', updateFields: { email: 'not-an-email' } }, 'Email must be an e-mail address, got not-an-email'],
		['create', { name: 'N', email: 'n@example.com', password: '={{ "" }}', profile: 'AGENT' }, 'Password is required: got an empty value'],
		['create', { name: ' ', email: 'n@example.com', password: 'p', profile: 'AGENT' }, 'Name is required: got an empty value'],
		['get', { agentId: '={{ "" }}' }, 'Agent must be a positive whole number, got (empty)'],
	])('%s refuses %p before any request', async (operation, parameters, message) => {
		const { error } = await run(operation, parameters);

		expect(error?.message).toBe(message);
		expect(env.emu.requests()).toEqual([]);
	});
});
