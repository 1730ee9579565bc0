import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import {
	contentField,
	interactionHashField,
	mediaUrlField,
	messageTypeField,
	operationOptions,
	readContent,
	readMediaUrl,
	readMessageType,
} from '../common.descriptions';
import { botRequest } from './request';
import type { BotMessageBody } from './types';
import type { ItemRun } from '../../transport';

/** The message's fields, which Send and Wait for Reply shows too. */
export const messageFields: INodeProperties[] = [
	interactionHashField,
	messageTypeField,
	contentField,
	mediaUrlField,
	{
		displayName: 'Attachment Size',
		name: 'attachmentSize',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 0,
		description: 'The file\'s size in bytes. 0 leaves it out.',
		displayOptions: { hide: { messageType: ['text'] } },
	},
];

export const description = updateDisplayOptions({ show: { resource: ['bot'], operation: ['sendMessage'] } }, [...messageFields, operationOptions()]);

/** POST /api/v1/bot/{interactionHash}/message: the bot's answer to the customer. */
export async function execute(this: IExecuteFunctions, run: ItemRun): Promise<IDataObject> {
	const { itemIndex } = run;
	const node = this.getNode();
	const messageType = readMessageType.call(this, itemIndex);
	const body: BotMessageBody = {
		content: readContent.call(this, itemIndex),
		content_type: messageType,
	};
	if (messageType !== 'text') {
		body.attachment = { url: readMediaUrl.call(this, itemIndex) };
		const size = Number(this.getNodeParameter('attachmentSize', itemIndex, 0));
		if (!Number.isInteger(size) || size < 0) {
			throw new NodeOperationError(node, `Attachment Size must be a whole number of bytes, got ${String(size)}`, { itemIndex });
		}
		if (size > 0) body.attachment.size = size;
	}
	return await botRequest.call(this, run, 'POST', 'message', body);
}
