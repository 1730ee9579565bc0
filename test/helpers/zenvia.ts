import type { ICredentialDataDecryptedObject, IDataObject, INodeParameters } from 'n8n-workflow';

import { startEmulator } from '../../emulator';
import type { Emulator, EmulatorOptions } from '../../emulator';
import { TEST_CLIENT_SDK_TOKEN, TEST_TOKEN, runNode } from './runNode';
import type { RunNodeResult } from './runNode';

export interface RunOptions {
	/** The node's input items; one empty item by default. */
	items?: IDataObject[];
	/** Laid over `credentials()` (and the test tokens): a token or base URL to change for this run. */
	credentials?: ICredentialDataDecryptedObject;
	continueOnFail?: boolean;
	/** The workflow's time zone (its settings). */
	timezone?: string;
}

export interface Zenvia {
	/** The test file's emulator (started in beforeAll, reset before each test). */
	readonly emu: Emulator;
	/** Custom Base URLs on, every API's base URL (chat, whatsapp, bot) pointed at the emulator. */
	credentials(): ICredentialDataDecryptedObject;
	/** Runs the node once through n8n-core (runNode) with these parameters, against the emulator. */
	run(parameters: INodeParameters, options?: RunOptions): Promise<RunNodeResult>;
}

/**
 * The one way a unit test runs an operation: one emulator per test file (or describe block),
 * reset before each test, and a runner whose credential sends every API to it.
 */
export function useZenvia(options: EmulatorOptions = {}): Zenvia {
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
	const credentials = (): ICredentialDataDecryptedObject => {
		const { url } = current();
		return { customBaseUrls: true, chatApiBaseUrl: url, whatsappApiBaseUrl: url, botApiBaseUrl: url };
	};
	return {
		get emu() {
			return current();
		},
		credentials,
		run: (parameters, { items, credentials: changes, continueOnFail, timezone } = {}) =>
			runNode({ parameters, items, continueOnFail, timezone, credentials: { ...credentials(), ...changes } }),
	};
}

/**
 * Starts `count` real interactions in department 1 (Interaction > Start, one item each), clears
 * the emulator's request log and returns their hashes in input order.
 */
export async function startInteractions(zenvia: Zenvia, count: number): Promise<string[]> {
	const { items, error } = await zenvia.run(
		{ resource: 'interaction', operation: 'start', departmentId: { __rl: true, mode: 'id', value: '1' } },
		{ items: Array.from({ length: count }, () => ({})) },
	);
	if (error) throw error;
	zenvia.emu.clearRequests();
	return items.map((item) => item.json.interactionHash as string);
}

/** Starts one real interaction in department 1, clears the request log and returns its hash. */
export async function startInteraction(zenvia: Zenvia): Promise<string> {
	const [hash] = await startInteractions(zenvia, 1);
	return hash;
}

/** The part of a logged WhatsApp API v1 body the tests read across requests. */
export const sentCustomer = (body: unknown) => (body as { customer: { external_id: string } }).customer;

/** The hint every 401 from WhatsApp API v1 carries: which token it refused and where to get it. */
export const WRONG_KIND_HINT =
	'The ClientSDK Token is wrong or was regenerated (a new token disables the previous one). Copy the current one from Menu > Settings > Integrations > ClientSDK in the Zenvia admin into the ClientSDK Token field of the Zenvia Chat API credential.';
