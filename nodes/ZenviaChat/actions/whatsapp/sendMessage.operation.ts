import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { requireOption, requireText } from '../../helpers/validation';
import { zenviaRequest, type ItemRun } from '../../transport';
import {
	contentField,
	customerField,
	externalHistoryOption,
	extraFields,
	operationOptions,
	mediaUrlField,
	readContent,
	readConversationContext,
	readDepartmentId,
	readMediaUrl,
	clientSdkDepartmentField,
} from '../common.descriptions';
import { customerExternalIdField, readCustomerExternalId } from './customerExternalId';
import type { SendWhatsAppMessageAnswer, SendWhatsAppMessageBody } from './types';

const OTHER_CONTENT_TYPE = 'other';

const contentTypeField: INodeProperties = {
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
};

const properties: INodeProperties[] = [
	customerExternalIdField,
	clientSdkDepartmentField,
	contentTypeField,
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
	operationOptions([externalHistoryOption]),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['whatsapp'], operation: ['sendMessage'] } },
	properties,
);

function readContentType(this: IExecuteFunctions, itemIndex: number): string {
	const node = this.getNode();
	const chosen = requireOption<string>(node, itemIndex, contentTypeField, this.getNodeParameter('contentType', itemIndex, 'text'));
	if (chosen !== OTHER_CONTENT_TYPE) return chosen;
	const mimeType = requireText(node, itemIndex, 'MIME Type', this.getNodeParameter('otherContentType', itemIndex, ''));
	if (!/^[\w.+-]+\/[\w.+-]+$/.test(mimeType)) {
		throw new NodeOperationError(node, `MIME Type must look like type/subtype, e.g. image/webp, got ${mimeType}`, { itemIndex });
	}
	return mimeType.toLowerCase();
}

/** POST /api/v1/whatsapp: a message from the customer, opening their conversation if none is open. */
export async function execute(this: IExecuteFunctions, run: ItemRun): Promise<IDataObject> {
	const { itemIndex } = run;
	const externalId = readCustomerExternalId.call(this, run);
	const { customer, ...context } = readConversationContext.call(this, itemIndex);
	const body: SendWhatsAppMessageBody = {
		content: readContent.call(this, itemIndex),
		content_type: readContentType.call(this, itemIndex),
		department_id: readDepartmentId.call(this, itemIndex),
		customer: { ...customer, external_id: externalId },
		...context,
	};
	if (body.content_type !== 'text') {
		body.url = readMediaUrl.call(this, itemIndex);
	}

	const answer = await zenviaRequest<SendWhatsAppMessageAnswer>(
		this,
		{ api: 'whatsapp', token: 'clientSdk', method: 'POST', path: '/api/v1/whatsapp', body, expects: 'a message hash' },
		run,
	);
	// Lifted to the top so the next node can use {{ $json.messageHash }} directly.
	return { messageHash: answer.data?.message_hash, externalId, ...answer };
}
