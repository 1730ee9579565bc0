import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { rowsOf } from '../../helpers/paginate';
import { pathSegment } from '../../helpers/validation';
import { zenviaRequest } from '../../transport';
import type { ConversationMessage, ReportAnswer } from './types';

const properties: INodeProperties[] = [
	{
		displayName: 'Protocol ID',
		name: 'protocolId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 100001',
		description: 'The protocol number of the conversation: the ID of a Get History or Get Ongoing item',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['report'], operation: ['getConversationMessages'] } },
	properties,
);

/** GET /api/ms/external/history/{id}/messages: one output item per message. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<ConversationMessage[]> {
	const node = this.getNode();
	const id = pathSegment(node, itemIndex, 'Protocol ID', this.getNodeParameter('protocolId', itemIndex));
	const answer = await zenviaRequest<ReportAnswer<ConversationMessage>>(
		this,
		{ api: 'chat', token: 'chatApi', method: 'GET', path: `/api/ms/external/history/${id}/messages` },
		itemIndex,
	);
	return rowsOf(node, itemIndex, answer);
}
