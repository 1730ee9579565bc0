import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { requireHttpUrl, requireText } from '../../helpers/validation';
import { zenviaRequest } from '../../transport';
import { contentField, interactionHashField, mediaUrlField } from '../common.descriptions';
import { interactionPath } from './paths';
import type { InteractionAnswer, MessageType, SendMessageBody } from './types';

const properties: INodeProperties[] = [
	interactionHashField,
	{
		displayName: 'Message Type',
		name: 'messageType',
		type: 'options',
		default: 'text',
		options: [
			{ name: 'Audio', value: 'audio' },
			{ name: 'File', value: 'file' },
			{ name: 'Image', value: 'image' },
			{ name: 'Text', value: 'text' },
			{ name: 'Video', value: 'video' },
		],
	},
	contentField,
	mediaUrlField('messageType'),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['interaction'], operation: ['sendMessage'] } },
	properties,
);

/** POST /core/api/v1/interactions/{interactionHash}/messages */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const node = this.getNode();
	const hash = this.getNodeParameter('interactionHash', itemIndex);
	const path = interactionPath(node, itemIndex, hash, 'messages');
	const type = this.getNodeParameter('messageType', itemIndex, 'text') as MessageType;
	const body: SendMessageBody = {
		content: requireText(node, itemIndex, 'Content', this.getNodeParameter('content', itemIndex)),
		type,
	};
	if (type !== 'text') {
		body.url = requireHttpUrl(node, itemIndex, 'Media URL', this.getNodeParameter('url', itemIndex, ''));
	}

	const answer = await zenviaRequest<InteractionAnswer>(this, { api: 'chat', token: 'chatApi', method: 'POST', path, body }, itemIndex);
	return { interactionHash: String(hash).trim(), ...answer };
}
