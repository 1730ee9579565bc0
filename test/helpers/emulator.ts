import { startEmulator } from '../../emulator';
import type { Emulator, EmulatorOptions } from '../../emulator';
import { TEST_CLIENT_SDK_TOKEN, TEST_TOKEN } from './runNode';

/**
 * One emulator per test file, reset before each test, with credentials pointing both APIs at it.
 * Use inside a describe block or at the top of a file.
 */
export function useEmulator(options: EmulatorOptions = {}) {
	let emulator: Emulator | undefined;
	beforeAll(async () => {
		emulator = await startEmulator({ token: TEST_TOKEN, clientSdkToken: TEST_CLIENT_SDK_TOKEN, ...options });
	});
	beforeEach(() => emulator?.reset());
	afterAll(async () => await emulator?.close());

	const current = (): Emulator => {
		if (!emulator) throw new Error('The emulator starts in beforeAll');
		return emulator;
	};
	return {
		get emu() {
			return current();
		},
		credentials: () => ({ chatApiBaseUrl: current().url, whatsappApiBaseUrl: current().url }),
	};
}
