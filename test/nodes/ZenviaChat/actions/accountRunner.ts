import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { useEmulator } from '../../../helpers/emulator';
import { runNode } from '../../../helpers/runNode';

/**
 * The emulator and a runner for one resource, whose credential (both tokens) points every base URL,
 * the bot API's included, at it.
 */
export function useAccountEmulator(resource: string) {
	const env = useEmulator();
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
