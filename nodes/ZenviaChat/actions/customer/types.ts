import type { IDataObject } from 'n8n-workflow';

/** Request and answer bodies of the CRM customer endpoints (more-zenvia-apis.md, "Customers"). */

export interface FormField extends IDataObject {
	id: number;
	/** The key of a customer's `fields`, e.g. "main_identifier". */
	name: string;
	label: string;
	is_required: boolean;
	is_unique: boolean;
	type: string;
	is_multiple: boolean;
}

export interface FormFieldsAnswer extends IDataObject {
	status: number;
	form_fields: FormField[];
}

export type CustomerFieldValue = string | number | boolean | Array<string | number>;

export interface CustomerEntry extends IDataObject {
	fields: Record<string, CustomerFieldValue>;
	agent_id?: number;
}

export interface UpsertCustomersBody extends IDataObject {
	customers: CustomerEntry[];
}

export interface SavedCustomer extends IDataObject {
	account_id: number;
	id: number;
	fields: IDataObject;
	customer_key: string;
	date_creation: string;
	change_date: string | null;
	active: boolean;
	agent_id: number | null;
}

export interface RefusedCustomer extends IDataObject {
	fields: IDataObject | null;
	agent_id: number | null;
	errors: string[];
}

export interface UpsertCustomersAnswer extends IDataObject {
	status: number;
	customers?: SavedCustomer[];
	errors?: RefusedCustomer[];
}
