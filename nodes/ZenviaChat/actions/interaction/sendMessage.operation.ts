import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { requireOption } from '../../helpers/validation';
import { zenviaRequest, type ItemRun } from '../../transport';
import {
	contentField,
	interactionHashField,
	mediaUrlField,
	messageTypeOptions,
	operationOptions,
	readContent,
	readInteractionHash,
	readMediaUrl,
} from '../common.descriptions';
import { interactionPath } from './paths';
import type { InteractionAnswer, MessageType, SendMessageBody } from './types';

const messageTypeField: INodeProperties = {
	displayName: 'Message Type',
	name: 'messageType',
	type: 'options',
	default: 'text',
	options: messageTypeOptions,
};

const properties: INodeProperties[] = [
	interactionHashField,
	messageTypeField,
	contentField,
	mediaUrlField('messageType'),
	operationOptions(),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['interaction'], operation: ['sendMessage'] } },
	properties,
);

/** POST /core/api/v1/interactions/{interactionHash}/messages */
export async function execute(this: IExecuteFunctions, run: ItemRun): Promise<IDataObject> {
	const { itemIndex } = run;
	const hash = readInteractionHash.call(this, run);
	const type = requireOption<MessageType>(this.getNode(), itemIndex, messageTypeField, this.getNodeParameter('messageType', itemIndex, 'text'));
	const body: SendMessageBody = { content: readContent.call(this, itemIndex), type };
	if (type !== 'text') body.url = readMediaUrl.call(this, itemIndex);
	const path = interactionPath(hash, 'messages');

	const answer = await zenviaRequest<InteractionAnswer>(this, { api: 'chat', token: 'chatApi', method: 'POST', path, body }, run);
	return { interactionHash: hash, ...answer };
}
