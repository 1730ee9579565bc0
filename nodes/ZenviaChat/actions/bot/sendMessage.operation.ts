import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { requireHttpUrl } from '../../helpers/validation';
import { contentField, interactionHashField, mediaUrlField, messageTypeOptions, operationOptions, readContent } from '../common.descriptions';
import type { MessageType } from '../interaction/types';
import { botRequest } from './request';
import type { BotMessageBody } from './types';
import type { ItemRun } from '../../transport';

const properties: INodeProperties[] = [
	interactionHashField,
	contentField,
	{ displayName: 'Content Type', name: 'contentType', type: 'options', default: 'text', options: messageTypeOptions },
	{ ...mediaUrlField('contentType'), displayName: 'Attachment URL' },
	{
		displayName: 'Attachment Size',
		name: 'attachmentSize',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 0,
		description: 'The file\'s size in bytes. 0 leaves it out.',
		displayOptions: { hide: { contentType: ['text'] } },
	},
	operationOptions(),
];

export const description = updateDisplayOptions({ show: { resource: ['bot'], operation: ['sendMessage'] } }, properties);

/** POST /api/v1/bot/{interactionHash}/message: the bot's answer to the customer. */
export async function execute(this: IExecuteFunctions, run: ItemRun): Promise<IDataObject> {
	const { itemIndex } = run;
	const node = this.getNode();
	const contentType = this.getNodeParameter('contentType', itemIndex, 'text') as MessageType;
	const body: BotMessageBody = {
		content: readContent.call(this, itemIndex),
		content_type: contentType,
	};
	if (contentType !== 'text') {
		body.attachment = { url: requireHttpUrl(node, itemIndex, 'Attachment URL', this.getNodeParameter('url', itemIndex, '')) };
		const size = Number(this.getNodeParameter('attachmentSize', itemIndex, 0));
		if (!Number.isInteger(size) || size < 0) {
			throw new NodeOperationError(node, `Attachment Size must be a whole number of bytes, got ${String(size)}`, { itemIndex });
		}
		if (size > 0) body.attachment.size = size;
	}
	return await botRequest.call(this, run, 'POST', 'message', body);
}
