import type { ILoadOptionsFunctions, ResourceMapperFields } from 'n8n-workflow';

import { fetchFormFields } from '../actions/customer/formFields';

/** The columns of Customer > Create or Update: the account's form fields, required ones marked. */
export async function getCustomerColumns(this: ILoadOptionsFunctions): Promise<ResourceMapperFields> {
	const formFields = await fetchFormFields(this);
	return {
		fields: formFields.map((field) => ({
			id: field.name,
			displayName: field.label ? `${field.label} (${field.name})` : field.name,
			required: field.is_required === true,
			defaultMatch: false,
			// Zenvia matches an existing customer by its unique fields itself; nothing to pick here.
			canBeUsedToMatch: false,
			display: true,
			type: 'string',
		})),
	};
}
