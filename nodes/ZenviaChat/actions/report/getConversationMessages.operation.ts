import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { rowsOf } from '../../helpers/paginate';
import type { ListAnswer } from '../../helpers/paginate';
import { pathSegment, requireId } from '../../helpers/validation';
import { zenviaRequest, type ItemRun } from '../../transport';
import { locatorValue, operationOptions } from '../common.descriptions';
import type { ConversationMessage } from './types';

const properties: INodeProperties[] = [
	{
		displayName: 'Protocol ID',
		name: 'protocolId',
		type: 'resourceLocator',
		required: true,
		default: { mode: 'list', value: '' },
		description:
			'The protocol number of the conversation: the ID of a Get History or Get Ongoing item. The list shows the ongoing interactions (Chat API token); type a finished one\'s protocol By ID.',
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: 'Select an ongoing interaction...',
				typeOptions: { searchListMethod: 'searchOngoingInteractions', searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. 100001',
				validation: [
					{ type: 'regex', properties: { regex: '^\\s*\\d+\\s*$', errorMessage: 'A protocol is a whole number' } },
				],
			},
		],
	},
	operationOptions(),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['report'], operation: ['getConversationMessages'] } },
	properties,
);

/** GET /api/ms/external/history/{id}/messages: one output item per message. */
export async function execute(this: IExecuteFunctions, run: ItemRun): Promise<ConversationMessage[]> {
	const { itemIndex } = run;
	const node = this.getNode();
	const id = pathSegment(requireId(node, itemIndex, 'Protocol ID', locatorValue.call(this, 'protocolId', itemIndex)));
	// The document shows no answer for this endpoint: the Reports API's {data: [...]} and a bare
	// list are both read.
	const answer = await zenviaRequest<ListAnswer<ConversationMessage>>(
		this,
		{ api: 'chat', token: 'chatApi', method: 'GET', path: `/api/ms/external/history/${id}/messages`, answer: 'objectOrList' },
		run,
	);
	return rowsOf(node, itemIndex, answer);
}
