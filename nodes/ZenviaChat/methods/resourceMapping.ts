import type { ILoadOptionsFunctions, ResourceMapperField, ResourceMapperFields } from 'n8n-workflow';

import { fetchFormFields } from '../actions/customer/formFields';
import type { FormField } from '../actions/customer/types';
import { editorRun } from './editorRun';

/**
 * One column of Customer > Create or Update: a form field, required ones marked. Every column is
 * text to n8n: Zenvia documents its field types only as "string", "phone", "email"..., and a number
 * column would have n8n turn a blank cell into 0 and a phone into a number without its leading
 * zeros. The operation itself takes numbers, yes/no values and lists (see fieldValue).
 */
export function customerColumn(field: FormField): ResourceMapperField {
	const name = field.is_multiple === true ? `${field.name}, one or a list` : field.name;
	return {
		id: field.name,
		displayName: field.label ? `${field.label} (${name})` : name,
		required: field.is_required === true,
		defaultMatch: false,
		// Zenvia matches an existing customer by its unique fields itself; nothing to pick here.
		canBeUsedToMatch: false,
		display: true,
		type: 'string',
	};
}

/** The columns of Customer > Create or Update: the account's form fields. */
export async function getCustomerColumns(this: ILoadOptionsFunctions): Promise<ResourceMapperFields> {
	return { fields: (await fetchFormFields(this, editorRun(this))).map(customerColumn) };
}
