import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { requireText } from '../../helpers/validation';
import type { ItemRun } from '../../transport';

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

/** Reads the id and names it the run's conversation: items of one customer send in input order. */
export function readCustomerExternalId(this: IExecuteFunctions, run: ItemRun): string {
	const id = requireText(this.getNode(), run.itemIndex, 'Customer External ID', this.getNodeParameter('customerExternalId', run.itemIndex, ''));
	run.conversation = `whatsapp:${id}`;
	return id;
}
