import { startEmulator, type Emulator } from '../../emulator';
import { call } from './http';

const TOKEN = 'emulator-token';
const PATH = '/core/api/v1/interactions';

// The fault matrix faults the second item of a run: the first matching request must go through.
describe('emulator: a fault that skips the first matching requests', () => {
	let emu: Emulator;

	beforeAll(async () => {
		emu = await startEmulator({ token: TOKEN, records: 10 });
	});
	afterAll(() => emu.close());

	it('lets `skip` requests through, then faults `times` requests, then expires', async () => {
		emu.setFault({ method: 'POST', path: PATH, status: 500, skip: 1, times: 1 });
		const statuses = [];
		for (let i = 0; i < 3; i++) statuses.push((await call('POST', `${emu.url}${PATH}`, { token: TOKEN, department_id: 1 })).status);
		expect(statuses).toEqual([200, 500, 200]);
		expect(emu.requests().map((r) => r.fault ?? null)).toEqual([null, 'status', null]);
	});

	it('refuses a skip that is not a whole number', () => {
		expect(() => emu.setFault({ path: PATH, status: 500, skip: -1 })).toThrow('fault.skip must be an integer >= 0');
	});
});
