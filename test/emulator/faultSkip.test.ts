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

describe('emulator: a scenario starts a test cell from a clean slate', () => {
	let emu: Emulator;

	beforeAll(async () => {
		emu = await startEmulator({ token: TOKEN, records: 10 });
	});
	afterAll(() => emu.close());

	it('forgets the faults and the request log, then arms the given faults', async () => {
		emu.setFault({ path: PATH, status: 503 });
		await call('POST', `${emu.url}${PATH}`, { token: TOKEN, department_id: 1 });
		const armed = await call('POST', `${emu.url}/__admin/scenario`, { faults: [{ path: PATH, status: 500, skip: 1, times: 1 }] });
		expect(armed.status).toBe(200);
		expect(emu.requests()).toEqual([]);
		const statuses = [];
		for (let i = 0; i < 2; i++) statuses.push((await call('POST', `${emu.url}${PATH}`, { token: TOKEN, department_id: 1 })).status);
		expect(statuses).toEqual([200, 500]);
	});

	it('arms nothing when one fault is invalid', async () => {
		emu.clearFaults();
		const refused = await call('POST', `${emu.url}/__admin/scenario`, { faults: [{ path: PATH, status: 500 }, { path: 'no-slash', status: 500 }] });
		expect(refused.status).toBe(400);
		expect((await call('GET', `${emu.url}/__admin/faults`)).json).toEqual({ faults: [] });
	});
});
