import type { ILoadOptionsFunctions, ResourceMapperField, ResourceMapperFields } from 'n8n-workflow';

import { fetchFormFields } from '../actions/customer/formFields';
import type { FormField } from '../actions/customer/types';
import { editorRun } from './editorRun';

/** Formats Zenvia takes for its date-typed fields (the emulator checks the same). */
const DATE_FORMATS: Record<string, string> = { date: 'YYYY-MM-DD' };

/**
 * A column's label as the mapper shows it, kept short so the editor does not cut it off: the form
 * field's label alone (its key, e.g. channel_phone, is what Get Form Fields lists and what
 * auto-mapping matches), plus a short note where the value has a shape to follow: a field that takes
 * several values, a date and its format. n8n's resource mapper has no per-column description.
 */
function columnLabel(field: FormField): string {
	const label = typeof field.label === 'string' && field.label.trim() ? field.label.trim() : field.name;
	const format = DATE_FORMATS[String(field.type).toLowerCase()];
	const notes = [field.is_multiple === true ? 'one or more' : undefined, format].filter(Boolean);
	return notes.length ? `${label} (${notes.join(', ')})` : label;
}

/**
 * One column of Customer > Create or Update: a form field, required ones marked. Every column is
 * text to n8n: Zenvia documents its field types only as "string", "phone", "email"..., and a number
 * column would have n8n turn a blank cell into 0 and a phone into a number without its leading
 * zeros. The operation itself takes numbers, yes/no values and lists (see fieldValue).
 */
export function customerColumn(field: FormField): ResourceMapperField {
	return {
		id: field.name,
		displayName: columnLabel(field),
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
