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

const OTHER_MIME_TYPE = 'other';

/**
 * The form's Message Type, as in every message form; WhatsApp API v1 takes a MIME type for media
 * (its content_type), so the choices are MIME types.
 */
const messageTypeField: INodeProperties = {
	displayName: 'Message Type',
	name: 'messageType',
	type: 'options',
	default: 'text',
	description: 'Text, or the MIME type of the file sent from the Media URL (the content is then its caption)',
	options: [
		{ name: 'Audio (OGG)', value: 'audio/ogg' },
		{ name: 'Image (JPEG)', value: 'image/jpeg' },
		{ name: 'Image (PNG)', value: 'image/png' },
		{ name: 'Other MIME Type', value: OTHER_MIME_TYPE },
		{ name: 'PDF Document', value: 'application/pdf' },
		{ name: 'Text', value: 'text' },
		{ name: 'Video (MP4)', value: 'video/mp4' },
	],
};

const properties: INodeProperties[] = [
	customerExternalIdField,
	clientSdkDepartmentField,
	messageTypeField,
	{
		displayName: 'MIME Type',
		name: 'mimeType',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. image/webp',
		displayOptions: { show: { messageType: [OTHER_MIME_TYPE] } },
	},
	contentField,
	mediaUrlField,
	customerField,
	...extraFields,
	operationOptions([externalHistoryOption]),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['whatsapp'], operation: ['sendMessage'] } },
	properties,
);

/** 'text' or a MIME type: what WhatsApp API v1 takes as content_type. */
function readWhatsAppMessageType(this: IExecuteFunctions, itemIndex: number): string {
	const node = this.getNode();
	const chosen = requireOption<string>(node, itemIndex, messageTypeField, this.getNodeParameter('messageType', itemIndex, 'text'));
	if (chosen !== OTHER_MIME_TYPE) return chosen;
	const mimeType = requireText(node, itemIndex, 'MIME Type', this.getNodeParameter('mimeType', itemIndex, ''));
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
		content_type: readWhatsAppMessageType.call(this, itemIndex),
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
