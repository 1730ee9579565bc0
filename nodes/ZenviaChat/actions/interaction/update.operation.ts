import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { parseIdList } from '../../helpers/validation';
import { zenviaRequest } from '../../transport';
import { interactionHashField } from '../common.descriptions';
import { interactionPath } from './paths';
import type { InteractionAnswer, Mood, UpdateInteractionBody } from './types';

const properties: INodeProperties[] = [
	interactionHashField,
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'Customer Key',
				name: 'customerKey',
				type: 'string',
				default: '',
				description: 'The ID (UUID) of a customer to link to the interaction',
			},
			{
				displayName: 'Mood',
				name: 'mood',
				type: 'options',
				default: 'POSITIVE',
				description: 'The customer\'s evaluation of the service',
				options: [
					{ name: 'Positive', value: 'POSITIVE' },
					{ name: 'Negative', value: 'NEGATIVE' },
				],
			},
			{ displayName: 'Note', name: 'note', type: 'string', typeOptions: { rows: 3 }, default: '' },
			{
				displayName: 'Tag IDs',
				name: 'tagIds',
				type: 'string',
				default: '',
				placeholder: 'e.g. 1, 999',
				description: 'IDs of the tags used in this interaction, separated by commas',
			},
		],
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['interaction'], operation: ['update'] } },
	properties,
);

/** PUT /core/api/v1/interactions/{interactionHash} */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const node = this.getNode();
	const hash = this.getNodeParameter('interactionHash', itemIndex);
	const path = interactionPath(node, itemIndex, hash);
	const fields = this.getNodeParameter('updateFields', itemIndex, {}) as {
		customerKey?: string;
		mood?: Mood;
		note?: string;
		tagIds?: string | string[];
	};

	const body: UpdateInteractionBody = {};
	if (fields.mood) body.mood = fields.mood;
	const tagIds = parseIdList(node, itemIndex, 'Tag IDs', fields.tagIds);
	if (tagIds.length) body.tag_ids = tagIds;
	if (fields.customerKey?.trim()) body.customer_key = fields.customerKey.trim();
	if (fields.note !== undefined && fields.note !== '') body.note = fields.note;
	if (Object.keys(body).length === 0) {
		throw new NodeOperationError(node, 'Update Fields is empty: add the mood, tag IDs, customer key or note to change', {
			itemIndex,
		});
	}

	const answer = await zenviaRequest<InteractionAnswer>(this, { api: 'chat', token: 'chatApi', method: 'PUT', path, body }, itemIndex);
	return { interactionHash: String(hash).trim(), ...answer };
}
