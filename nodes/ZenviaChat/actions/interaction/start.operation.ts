import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readCustomer, readDepartmentId, readExternalHistory, readExtra } from '../../helpers/parameters';
import { zenviaRequest } from '../../transport';
import { customerField, departmentField, externalHistoryField, extraFields } from '../common.descriptions';
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
	{ show: { resource: ['interaction'], operation: ['start'] } },
	properties,
);

/** POST /core/api/v1/interactions */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const options = this.getNodeParameter('options', itemIndex, {}) as { externalHistory?: string };
	const body: StartInteractionBody = {
		department_id: readDepartmentId.call(this, itemIndex),
		media_type: this.getNodeParameter('mediaType', itemIndex, 'TEXT') as MediaType,
	};
	const customer = readCustomer.call(this, itemIndex);
	if (customer) body.customer = customer;
	const extra = readExtra.call(this, itemIndex);
	if (extra) body.extra = extra;
	const externalHistory = readExternalHistory.call(this, itemIndex, options.externalHistory);
	if (externalHistory) body.external_history = externalHistory;

	const answer = await zenviaRequest<StartInteractionAnswer>(
		this,
		{ api: 'chat', method: 'POST', path: '/core/api/v1/interactions', body },
		itemIndex,
	);
	// Lifted to the top so the next node can use {{ $json.interactionHash }} directly.
	return { interactionHash: answer.data?.interaction_hash, ...answer };
}
