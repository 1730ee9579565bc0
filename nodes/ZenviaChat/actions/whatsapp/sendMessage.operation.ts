import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readConversationContext, readDepartmentId } from '../../helpers/parameters';
import { requireHttpUrl, requireText } from '../../helpers/validation';
import { zenviaRequest } from '../../transport';
import {
	contentField,
	conversationOptionsField,
	customerField,
	extraFields,
	mediaUrlField,
	whatsappDepartmentField,
} from '../common.descriptions';
import { customerExternalIdField, readCustomerExternalId } from './customerExternalId';
import type { SendWhatsAppMessageAnswer, SendWhatsAppMessageBody } from './types';

const OTHER_CONTENT_TYPE = 'other';

const properties: INodeProperties[] = [
	customerExternalIdField,
	whatsappDepartmentField,
	{
		displayName: 'Content Type',
		name: 'contentType',
		type: 'options',
		default: 'text',
		description: 'Text, or the MIME type of the media file sent by URL',
		options: [
			{ name: 'Audio (OGG)', value: 'audio/ogg' },
			{ name: 'Image (JPEG)', value: 'image/jpeg' },
			{ name: 'Image (PNG)', value: 'image/png' },
			{ name: 'Other MIME Type', value: OTHER_CONTENT_TYPE },
			{ name: 'PDF Document', value: 'application/pdf' },
			{ name: 'Text', value: 'text' },
			{ name: 'Video (MP4)', value: 'video/mp4' },
		],
	},
	{
		displayName: 'MIME Type',
		name: 'otherContentType',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. image/webp',
		displayOptions: { show: { contentType: [OTHER_CONTENT_TYPE] } },
	},
	contentField,
	mediaUrlField('contentType'),
	customerField,
	...extraFields,
	conversationOptionsField,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['whatsapp'], operation: ['sendMessage'] } },
	properties,
);

function readContentType(this: IExecuteFunctions, itemIndex: number): string {
	const chosen = this.getNodeParameter('contentType', itemIndex, 'text') as string;
	if (chosen !== OTHER_CONTENT_TYPE) return chosen;
	const node = this.getNode();
	const mimeType = requireText(node, itemIndex, 'MIME Type', this.getNodeParameter('otherContentType', itemIndex, ''));
	if (!/^[\w.+-]+\/[\w.+-]+$/.test(mimeType)) {
		throw new NodeOperationError(node, `MIME Type must look like type/subtype, e.g. image/webp, got ${mimeType}`, { itemIndex });
	}
	return mimeType.toLowerCase();
}

/** POST /api/v1/whatsapp: a message from the customer, opening their conversation if none is open. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const node = this.getNode();
	const externalId = readCustomerExternalId.call(this, itemIndex);
	const { customer, ...context } = readConversationContext.call(this, itemIndex);
	const body: SendWhatsAppMessageBody = {
		content: requireText(node, itemIndex, 'Content', this.getNodeParameter('content', itemIndex)),
		content_type: readContentType.call(this, itemIndex),
		department_id: readDepartmentId.call(this, itemIndex),
		customer: { ...customer, external_id: externalId },
		...context,
	};
	if (body.content_type !== 'text') {
		body.url = requireHttpUrl(node, itemIndex, 'Media URL', this.getNodeParameter('url', itemIndex, ''));
	}

	const answer = await zenviaRequest<SendWhatsAppMessageAnswer>(
		this,
		{ api: 'whatsapp', token: 'clientSdk', method: 'POST', path: '/api/v1/whatsapp', body },
		itemIndex,
	);
	// Lifted to the top so the next node can use {{ $json.messageHash }} directly.
	return { messageHash: answer.data?.message_hash, externalId, ...answer };
}
