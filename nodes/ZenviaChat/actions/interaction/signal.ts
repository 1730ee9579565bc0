import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { zenviaRequest } from '../../transport';
import { interactionHashField } from '../common.descriptions';
import { interactionPath } from './paths';
import type { InteractionAnswer } from './types';

/**
 * Typing, stopped typing and finish are the same call: a PUT of the token alone to
 * /core/api/v1/interactions/{hash}/{suffix}. One definition serves the three operations.
 */
export function signalOperation(operation: string, suffix: 'typing' | 'cleared' | 'finish') {
	const description: INodeProperties[] = updateDisplayOptions(
		{ show: { resource: ['interaction'], operation: [operation] } },
		[interactionHashField],
	);

	async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
		const hash = this.getNodeParameter('interactionHash', itemIndex);
		const path = interactionPath(this.getNode(), itemIndex, hash, suffix);
		const answer = await zenviaRequest<InteractionAnswer>(this, { api: 'chat', token: 'chatApi', method: 'PUT', path, body: {} }, itemIndex);
		return { interactionHash: String(hash).trim(), ...answer };
	}

	return { description, execute };
}
