import type { IDataObject, IExecuteFunctions, INodeParameterResourceLocator } from 'n8n-workflow';

import { parseJsonObject, requireHttpUrl, requirePositiveInteger } from './validation';

/** Readers for the shared fields in ../actions/common.descriptions.ts. */

function departmentValue(this: IExecuteFunctions, itemIndex: number): unknown {
	const raw = this.getNodeParameter('departmentId', itemIndex, '', { extractValue: true }) as
		| string
		| number
		| INodeParameterResourceLocator;
	return typeof raw === 'object' && raw !== null ? raw.value : raw;
}

export function readDepartmentId(this: IExecuteFunctions, itemIndex: number): number {
	return requirePositiveInteger(this.getNode(), itemIndex, 'Department', departmentValue.call(this, itemIndex));
}

/** The Department field where it may stay empty: undefined then. */
export function readOptionalDepartmentId(this: IExecuteFunctions, itemIndex: number): number | undefined {
	const value = departmentValue.call(this, itemIndex);
	if (value === undefined || value === null || String(value).trim() === '') return undefined;
	return requirePositiveInteger(this.getNode(), itemIndex, 'Department', value);
}

function readExtra(this: IExecuteFunctions, itemIndex: number): IDataObject | undefined {
	const input = this.getNodeParameter('extraInput', itemIndex, 'none') as string;
	if (input === 'json') {
		const extra = parseJsonObject(this.getNode(), itemIndex, 'Extra JSON', this.getNodeParameter('extraJson', itemIndex, '{}'));
		return Object.keys(extra).length ? extra : undefined;
	}
	if (input !== 'keyValue') return undefined;
	const { values = [] } = this.getNodeParameter('extraValues', itemIndex, {}) as {
		values?: Array<{ key: string; value: string }>;
	};
	const pairs = values.filter(({ key }) => key.trim() !== '');
	return pairs.length ? Object.fromEntries(pairs.map(({ key, value }) => [key.trim(), value])) : undefined;
}

/** Only the customer fields the user filled in: Zenvia would store empty strings as data. */
function readCustomer(this: IExecuteFunctions, itemIndex: number): IDataObject | undefined {
	const given = this.getNodeParameter('customer', itemIndex, {}) as IDataObject;
	const customer = Object.fromEntries(
		Object.entries(given).filter(([, value]) => typeof value === 'string' && value.trim() !== ''),
	);
	return Object.keys(customer).length ? customer : undefined;
}

/** The body fields shared by the calls that open a conversation, each present only when set. */
export interface ConversationContext extends IDataObject {
	customer?: IDataObject;
	extra?: IDataObject;
	external_history?: string;
}

export function readConversationContext(this: IExecuteFunctions, itemIndex: number): ConversationContext {
	const context: ConversationContext = {};
	const customer = readCustomer.call(this, itemIndex);
	if (customer) context.customer = customer;
	const extra = readExtra.call(this, itemIndex);
	if (extra) context.extra = extra;
	const { externalHistory } = this.getNodeParameter('options', itemIndex, {}) as { externalHistory?: string };
	if (typeof externalHistory === 'string' && externalHistory.trim() !== '') {
		context.external_history = requireHttpUrl(this.getNode(), itemIndex, 'External History URL', externalHistory);
	}
	return context;
}

/** The shared Return All / Limit pair: undefined means every result. */
export function readLimit(this: IExecuteFunctions, itemIndex: number): number | undefined {
	if (this.getNodeParameter('returnAll', itemIndex, false) as boolean) return undefined;
	return requirePositiveInteger(this.getNode(), itemIndex, 'Limit', this.getNodeParameter('limit', itemIndex, 50));
}
