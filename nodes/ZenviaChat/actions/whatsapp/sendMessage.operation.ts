import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readCustomer, readDepartmentId, readExternalHistory, readExtra } from '../../helpers/parameters';
import { requireHttpUrl, requireText } from '../../helpers/validation';
import { zenviaRequest } from '../../transport';
import { customerField, departmentField, externalHistoryField, extraFields } from '../common.descriptions';
import { customerExternalIdField, readCustomerExternalId } from './customerExternalId';
import type { SendWhatsAppMessageAnswer, SendWhatsAppMessageBody } from './types';

const OTHER_CONTENT_TYPE = 'other';

const properties: INodeProperties[] = [
	customerExternalIdField,
	departmentField,
	{
		displayName: 'Content',
		name: 'content',
		type: 'string',
		typeOptions: { rows: 3 },
		required: true,
		default: '',
		description: 'The message text, or the caption of a media message',
	},
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
	{
		displayName: 'Media URL',
		name: 'url',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'https://file-address.example.com/logo.png',
		description: 'Where Zenvia downloads the file from',
		displayOptions: { hide: { contentType: ['text'] } },
	},
	customerField,
	...extraFields,
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [externalHistoryField],
	},
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
	const options = this.getNodeParameter('options', itemIndex, {}) as { externalHistory?: string };
	const externalId = readCustomerExternalId.call(this, itemIndex);
	const body: SendWhatsAppMessageBody = {
		content: requireText(node, itemIndex, 'Content', this.getNodeParameter('content', itemIndex)),
		content_type: readContentType.call(this, itemIndex),
		department_id: readDepartmentId.call(this, itemIndex),
		customer: { ...readCustomer.call(this, itemIndex), external_id: externalId },
	};
	if (body.content_type !== 'text') {
		body.url = requireHttpUrl(node, itemIndex, 'Media URL', this.getNodeParameter('url', itemIndex, ''));
	}
	const extra = readExtra.call(this, itemIndex);
	if (extra) body.extra = extra;
	const externalHistory = readExternalHistory.call(this, itemIndex, options.externalHistory);
	if (externalHistory) body.external_history = externalHistory;

	const answer = await zenviaRequest<SendWhatsAppMessageAnswer>(
		this,
		{ api: 'whatsapp', method: 'POST', path: '/api/v1/whatsapp', body },
		itemIndex,
	);
	// Lifted to the top so the next node can use {{ $json.messageHash }} directly.
	return { messageHash: answer.data?.message_hash, externalId, ...answer };
}
