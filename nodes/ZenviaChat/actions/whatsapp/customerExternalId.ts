import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { requireText } from '../../helpers/validation';
import { readConversationField } from '../../helpers/conversationField';

/** WhatsApp API v1 keys each conversation by the customer's id in the caller's own system. */
export const customerExternalIdField: INodeProperties = {
	displayName: 'Customer External ID',
	name: 'customerExternalId',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. 5511991417777',
	description:
		'The customer\'s ID in your system. Zenvia keeps one open conversation per ID and sends it back as external_id on webhook events.',
};

export function readCustomerExternalId(this: IExecuteFunctions, itemIndex: number): string {
	const value = readConversationField.call(this, 'customerExternalId', itemIndex);
	return requireText(this.getNode(), itemIndex, 'Customer External ID', value);
}
