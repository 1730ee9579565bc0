import type { IDataObject, INodeParameters } from 'n8n-workflow';

import type { useEmulator } from '../../../../helpers/emulator';
import { runNode } from '../../../../helpers/runNode';

type Env = ReturnType<typeof useEmulator>;

/** Runs one Interaction operation against the test file's emulator. */
export function interactionRunner(env: Env) {
	const run = (operation: string, parameters: INodeParameters, items?: IDataObject[]) =>
		runNode({ parameters: { resource: 'interaction', operation, ...parameters }, items, credentials: env.credentials() });

	/** Starts a real interaction in the emulator and returns its hash. */
	const startInteraction = async (): Promise<string> => {
		const { items } = await run('start', { departmentId: { __rl: true, mode: 'id', value: '1' } });
		env.emu.clearRequests();
		return items[0].json.interactionHash as string;
	};

	return { run, startInteraction };
}
