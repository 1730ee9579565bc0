import type { FieldType, ILoadOptionsFunctions, ResourceMapperField, ResourceMapperFields } from 'n8n-workflow';

import { fetchFormFields } from '../actions/customer/formFields';
import type { FormField } from '../actions/customer/types';

/**
 * The column type n8n checks a mapped value against. Only plain numbers and yes/no fields get
 * their own type: phones, documents and dates are text in Zenvia (a phone read as a number loses
 * its leading zeros, and n8n would turn a date into an object).
 */
const COLUMN_TYPES: Record<string, FieldType> = {
	number: 'number',
	integer: 'number',
	decimal: 'number',
	boolean: 'boolean',
	checkbox: 'boolean',
};

/** One column of Customer > Create or Update: a form field, required ones marked. */
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
		type: COLUMN_TYPES[String(field.type).toLowerCase()] ?? 'string',
	};
}

/** The columns of Customer > Create or Update: the account's form fields. */
export async function getCustomerColumns(this: ILoadOptionsFunctions): Promise<ResourceMapperFields> {
	return { fields: (await fetchFormFields(this)).map(customerColumn) };
}
