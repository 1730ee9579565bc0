import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { zenviaRequest, type ItemRun } from '../../transport';
import {
	contentField,
	interactionHashField,
	mediaUrlField,
	messageTypeField,
	operationOptions,
	readContent,
	readInteractionHash,
	readMediaUrl,
	readMessageType,
} from '../common.descriptions';
import { interactionPath } from './paths';
import type { InteractionAnswer, SendMessageBody } from './types';

const properties: INodeProperties[] = [interactionHashField, messageTypeField, contentField, mediaUrlField, operationOptions()];

export const description = updateDisplayOptions(
	{ show: { resource: ['interaction'], operation: ['sendMessage'] } },
	properties,
);

/** POST /core/api/v1/interactions/{interactionHash}/messages */
export async function execute(this: IExecuteFunctions, run: ItemRun): Promise<IDataObject> {
	const { itemIndex } = run;
	const hash = readInteractionHash.call(this, run);
	const type = readMessageType.call(this, itemIndex);
	const body: SendMessageBody = { content: readContent.call(this, itemIndex), type };
	if (type !== 'text') body.url = readMediaUrl.call(this, itemIndex);
	const path = interactionPath(hash, 'messages');

	const answer = await zenviaRequest<InteractionAnswer>(this, { api: 'chat', token: 'chatApi', method: 'POST', path, body }, run);
	return { interactionHash: hash, ...answer };
}
