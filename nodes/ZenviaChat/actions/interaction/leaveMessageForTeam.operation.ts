import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { requireEmail } from '../../helpers/validation';
import { zenviaRequest, type ItemRun } from '../../transport';
import {
	contentField,
	departmentField,
	mediaUrlField,
	messageTypeField,
	operationOptions,
	readContent,
	readDepartmentId,
	readMediaUrl,
	readMessageType,
} from '../common.descriptions';
import type { MessageType } from './types';

const properties: INodeProperties[] = [
	departmentField,
	messageTypeField,
	contentField,
	mediaUrlField,
	{
		displayName: 'Customer Email',
		name: 'customerEmail',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'name@email.com',
		description: 'Where the team answers the customer',
	},
	{
		displayName: 'Customer',
		name: 'customerDetails',
		type: 'collection',
		placeholder: 'Add Customer Field',
		default: {},
		options: [
			{ displayName: 'CPF', name: 'cpf', type: 'string', default: '' },
			{ displayName: 'Name', name: 'name', type: 'string', default: '' },
			{ displayName: 'Phone', name: 'phone', type: 'string', default: '', placeholder: 'e.g. 11991417777' },
		],
	},
	operationOptions(),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['interaction'], operation: ['leaveMessageForTeam'] } },
	properties,
);

interface OffcontactBody extends IDataObject {
	content: string;
	content_type: MessageType;
	url?: string;
	department_id: number;
	customer: { email: string; phone?: string; cpf?: string; name?: string };
}

/**
 * Interaction > Leave Message for Team, POST /core/api/v1/offcontact (Zenvia calls it an offcontact
 * message): a message for a department's team when nobody can chat now.
 */
export async function execute(this: IExecuteFunctions, run: ItemRun): Promise<IDataObject> {
	const { itemIndex } = run;
	const node = this.getNode();
	const email = requireEmail(node, itemIndex, 'Customer Email', this.getNodeParameter('customerEmail', itemIndex));
	const messageType = readMessageType.call(this, itemIndex);
	const body: OffcontactBody = {
		department_id: readDepartmentId.call(this, itemIndex),
		content: readContent.call(this, itemIndex),
		content_type: messageType,
		customer: { email },
	};
	if (messageType !== 'text') body.url = readMediaUrl.call(this, itemIndex);
	const more = this.getNodeParameter('customerDetails', itemIndex, {}) as IDataObject;
	for (const key of ['name', 'phone', 'cpf'] as const) {
		const value = more[key];
		if ((typeof value === 'string' && value.trim()) || typeof value === 'number') body.customer[key] = String(value).trim();
	}
	const answer = await zenviaRequest<IDataObject>(
		this,
		{ api: 'chat', token: 'chatApi', method: 'POST', path: '/core/api/v1/offcontact', body, expects: 'an interaction hash' },
		run,
	);
	return { interactionHash: answer.interaction_hash, ...answer };
}
