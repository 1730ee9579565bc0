import type { IExecuteFunctions } from 'n8n-workflow';

/**
 * The field naming the conversation an item writes to (Interaction Hash, Customer External ID) is
 * usually an expression, and n8n evaluates an expression afresh on every read. The router reads it
 * to keep each conversation in order; the operation then takes that same value instead of
 * evaluating the expression a second time.
 */
const readValues = new WeakMap<object, Map<string, unknown>>();

const slot = (name: string, itemIndex: number) => `${name}#${itemIndex}`;

/** Reads the field for the router and keeps the value for the operation. */
export function peekConversationField(this: IExecuteFunctions, name: string, itemIndex: number): unknown {
	const value = this.getNodeParameter(name, itemIndex, '') as unknown;
	let values = readValues.get(this);
	if (!values) readValues.set(this, (values = new Map()));
	values.set(slot(name, itemIndex), value);
	return value;
}

/** The operation's read: the router's value when there is one (used once), else a fresh read. */
export function readConversationField(this: IExecuteFunctions, name: string, itemIndex: number): unknown {
	const values = readValues.get(this);
	const key = slot(name, itemIndex);
	if (values?.has(key)) {
		const value = values.get(key);
		values.delete(key);
		return value;
	}
	return this.getNodeParameter(name, itemIndex, '') as unknown;
}
