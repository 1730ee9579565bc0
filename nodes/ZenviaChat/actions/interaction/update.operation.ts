import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { optionalText, optionalTrimmedText, parseIdList, requireOption } from '../../helpers/validation';
import { zenviaRequest, type ItemRun } from '../../transport';
import { interactionHashField, operationOptions, readInteractionHash } from '../common.descriptions';
import { interactionPath } from './paths';
import type { InteractionAnswer, Mood, UpdateInteractionBody } from './types';

const moodField: INodeProperties = {
	displayName: 'Mood',
	name: 'mood',
	type: 'options',
	default: 'POSITIVE',
	description: 'The customer\'s evaluation of the service',
	options: [
		{ name: 'Positive', value: 'POSITIVE' },
		{ name: 'Negative', value: 'NEGATIVE' },
	],
};

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
			moodField,
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
	operationOptions(),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['interaction'], operation: ['update'] } },
	properties,
);

/** PUT /core/api/v1/interactions/{interactionHash} */
export async function execute(this: IExecuteFunctions, run: ItemRun): Promise<IDataObject> {
	const { itemIndex } = run;
	const node = this.getNode();
	const hash = readInteractionHash.call(this, run);
	const fields = this.getNodeParameter('updateFields', itemIndex, {}) as {
		customerKey?: unknown;
		mood?: unknown;
		note?: unknown;
		tagIds?: unknown;
	};

	const body: UpdateInteractionBody = {};
	if (fields.mood !== undefined && fields.mood !== '') body.mood = requireOption<Mood>(node, itemIndex, moodField, fields.mood);
	const tagIds = parseIdList(node, itemIndex, 'Tag IDs', fields.tagIds);
	if (tagIds.length) body.tag_ids = tagIds;
	const customerKey = optionalTrimmedText(node, itemIndex, 'Customer Key', fields.customerKey);
	if (customerKey !== undefined) body.customer_key = customerKey;
	const note = optionalText(node, itemIndex, 'Note', fields.note);
	if (note !== undefined) body.note = note;
	if (Object.keys(body).length === 0) {
		throw new NodeOperationError(node, 'Update Fields is empty: add the mood, tag IDs, customer key or note to change', {
			itemIndex,
		});
	}

	const path = interactionPath(hash);
	const answer = await zenviaRequest<InteractionAnswer>(this, { api: 'chat', token: 'chatApi', method: 'PUT', path, body }, run);
	return { interactionHash: hash, ...answer };
}
