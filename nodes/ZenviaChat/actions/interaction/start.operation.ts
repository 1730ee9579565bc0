import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { requireOption } from '../../helpers/validation';
import { zenviaRequest, type ItemRun } from '../../transport';
import {
	customerField,
	departmentField,
	externalHistoryOption,
	extraFields,
	operationOptions,
	readConversationContext,
	readDepartmentId,
} from '../common.descriptions';
import type { MediaType, StartInteractionAnswer, StartInteractionBody } from './types';

const mediaTypeField: INodeProperties = {
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
};

const properties: INodeProperties[] = [
	departmentField,
	mediaTypeField,
	customerField,
	...extraFields,
	operationOptions([externalHistoryOption]),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['interaction'], operation: ['start'] } },
	properties,
);

/** POST /core/api/v1/interactions */
export async function execute(this: IExecuteFunctions, run: ItemRun): Promise<IDataObject> {
	const { itemIndex } = run;
	const body: StartInteractionBody = {
		department_id: readDepartmentId.call(this, itemIndex),
		media_type: requireOption<MediaType>(this.getNode(), itemIndex, mediaTypeField, this.getNodeParameter('mediaType', itemIndex, 'TEXT')),
		...readConversationContext.call(this, itemIndex),
	};

	const answer = await zenviaRequest<StartInteractionAnswer>(
		this,
		{ api: 'chat', token: 'chatApi', method: 'POST', path: '/core/api/v1/interactions', body, expects: 'an interaction hash' },
		run,
	);
	// Lifted to the top so the next node can use {{ $json.interactionHash }} directly.
	return { interactionHash: answer.data?.interaction_hash, ...answer };
}
