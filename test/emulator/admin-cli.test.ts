import { spawn } from 'child_process';
import * as path from 'path';
import { call } from './http';

const CLI = path.join(__dirname, '..', '..', 'emulator', 'cli.js');
const SECRET = 'cli-secret-token-123';

describe('emulator: CLI and admin API in a separate process', () => {
	it('prints the URL and the token shape only, serves the admin API, and stops on SIGTERM', async () => {
		const child = spawn(process.execPath, [CLI, '--port', '0', '--token', SECRET, '--records', '20', '--seed', '7'], {
			env: { ...process.env, ZENVIA_EMULATOR_TOKEN: '' },
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		let output = '';
		child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
		const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
		try {
			const url = await new Promise<string>((resolve, reject) => {
				child.stdout.on('data', (chunk: Buffer) => {
					output += chunk.toString();
					const match = /^Zenvia Chat emulator listening at (http:\/\/127\.0\.0\.1:\d+)$/m.exec(output);
					if (match && output.includes('token: set')) resolve(match[1]);
				});
				child.on('exit', () => reject(new Error(`CLI exited early: ${output}`)));
			});
			expect(output).toContain(`token: set (${SECRET.length} chars)`);
			expect(output).not.toContain(SECRET);

			const start = await call('POST', `${url}/core/api/v1/interactions`, { token: SECRET, department_id: 2 });
			expect(start.status).toBe(200);
			const requests = await call('GET', `${url}/__admin/requests`);
			expect(requests.json.requests).toEqual([expect.objectContaining({ method: 'POST', path: '/core/api/v1/interactions', body: { token: '[redacted]', department_id: 2 } })]);
			expect(requests.text).not.toContain(SECRET);
			await call('DELETE', `${url}/__admin/requests`);
			expect((await call('GET', `${url}/__admin/requests`)).json).toEqual({ requests: [] });

			const state = await call('GET', `${url}/__admin/state`);
			expect(state.json.interactions).toEqual([expect.objectContaining({ hash: start.json.data.interaction_hash, departmentId: 2, channel: 'chat' })]);

			const history = await call('GET', `${url}/api/ms/external/history?limit=100&token=${SECRET}`);
			expect(history.json.data).toHaveLength(20);
			const config = await call('POST', `${url}/__admin/config`, { records: 35 });
			expect(config.json).toMatchObject({ records: 35, seed: 7 });
			expect((await call('GET', `${url}/api/ms/external/history?limit=100&token=${SECRET}`)).json.data).toHaveLength(35);
			expect((await call('POST', `${url}/__admin/config`, { records: -1 })).status).toBe(400);
		} finally {
			child.kill('SIGTERM');
		}
		expect(await exited).toBe(0);
	});
});
