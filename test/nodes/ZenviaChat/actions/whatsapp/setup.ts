import { useEmulator } from '../../../../helpers/emulator';
import { runNode, type RunNodeOptions } from '../../../../helpers/runNode';

/** The shared emulator, plus a runner whose credential points both base URLs at it. */
export function useWhatsAppEmulator() {
	const env = useEmulator({ records: 1000, seed: 42 });
	return {
		get emu() {
			return env.emu;
		},
		run: (options: RunNodeOptions) => runNode({ ...options, credentials: { ...env.credentials(), ...options.credentials } }),
	};
}

/** The part of a logged WhatsApp API v1 body the tests read across requests. */
export const sentCustomer = (body: unknown) => (body as { customer: { external_id: string } }).customer;

/** The hint every 401 from WhatsApp API v1 carries: which token it refused and where to get it. */
export const WRONG_KIND_HINT =
	'The ClientSDK Token is wrong or was regenerated (a new token disables the previous one). Copy the current one from Menu > Settings > Integrations > ClientSDK in the Zenvia admin into the ClientSDK Token field of the Zenvia Chat API credential.';
