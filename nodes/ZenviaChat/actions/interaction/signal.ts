import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { zenviaRequest, type ItemRun } from '../../transport';
import { interactionHashField, operationOptions, readInteractionHash } from '../common.descriptions';
import { interactionPath } from './paths';
import type { InteractionAnswer } from './types';

/**
 * Zenvia's refusal of any call on a finished interaction (422). After a first attempt whose
 * answer was lost, it means that attempt finished the interaction (or the interaction was already
 * over, when typing is moot): the retry's goal is reached.
 */
const ALREADY_FINISHED = /already finished/i;

/**
 * Typing, stopped typing and finish are the same call: a PUT of the token alone to
 * /core/api/v1/interactions/{hash}/{suffix}. One definition serves the three operations.
 */
export function signalOperation(operation: string, suffix: 'typing' | 'cleared' | 'finish') {
	const description: INodeProperties[] = updateDisplayOptions(
		{ show: { resource: ['interaction'], operation: [operation] } },
		[interactionHashField, operationOptions()],
	);

	async function execute(this: IExecuteFunctions, run: ItemRun): Promise<IDataObject> {
		const hash = readInteractionHash.call(this, run);
		const path = interactionPath(hash, suffix);
		const answer = await zenviaRequest<InteractionAnswer>(
			this,
			{ api: 'chat', token: 'chatApi', method: 'PUT', path, body: {}, doneOnRetry: ALREADY_FINISHED },
			run,
		);
		return { interactionHash: hash, ...answer };
	}

	return { description, execute };
}
