import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { useEmulator } from '../../../helpers/emulator';
import { runNode, TEST_TOKEN } from '../../../helpers/runNode';

/**
 * The emulator for the account-level resources (customers, agents, tasks, bot), whose endpoints
 * take the ClientSDK token, and a runner for one resource whose credential points every base URL at it.
 */
export function useAccountEmulator(resource: string) {
	const env = useEmulator({ clientSdkToken: TEST_TOKEN });
	const run = (operation: string, parameters: INodeParameters, options: { items?: IDataObject[]; continueOnFail?: boolean } = {}) =>
		runNode({
			parameters: { resource, operation, ...parameters },
			items: options.items,
			continueOnFail: options.continueOnFail,
			credentials: { ...env.credentials(), botApiBaseUrl: env.emu.url },
		});
	return {
		get emu() {
			return env.emu;
		},
		run,
	};
}
