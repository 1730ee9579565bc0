import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readConversationContext, readDepartmentId } from '../../helpers/parameters';
import { zenviaRequest } from '../../transport';
import { conversationOptionsField, customerField, departmentField, extraFields } from '../common.descriptions';
import type { MediaType, StartInteractionAnswer, StartInteractionBody } from './types';

const properties: INodeProperties[] = [
	departmentField,
	{
		displayName: 'Media Type',
		name: 'mediaType',
		type: 'options',
		default: 'TEXT',
		description: 'The channel the interaction happens on',
		options: [
			{ name: 'Instagram', value: 'INSTAGRAM' },
			{ name: 'SMS', value: 'SMS' },
			{ name: 'Telegram', value: 'TELEGRAM' },
			{ name: 'Web Chat', value: 'TEXT' },
			{ name: 'WhatsApp', value: 'WHATSAPP' },
		],
	},
	customerField,
	...extraFields,
	conversationOptionsField,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['interaction'], operation: ['start'] } },
	properties,
);

/** POST /core/api/v1/interactions */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const body: StartInteractionBody = {
		department_id: readDepartmentId.call(this, itemIndex),
		media_type: this.getNodeParameter('mediaType', itemIndex, 'TEXT') as MediaType,
		...readConversationContext.call(this, itemIndex),
	};

	const answer = await zenviaRequest<StartInteractionAnswer>(
		this,
		{ api: 'chat', token: 'chatApi', method: 'POST', path: '/core/api/v1/interactions', body },
		itemIndex,
	);
	// Lifted to the top so the next node can use {{ $json.interactionHash }} directly.
	return { interactionHash: answer.data?.interaction_hash, ...answer };
}
