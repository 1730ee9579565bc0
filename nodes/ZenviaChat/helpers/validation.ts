import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, INode, INodeProperties } from 'n8n-workflow';

/**
 * One reader per kind of value (text, id, number, boolean, list, URL, JSON object). Each takes
 * what an n8n expression may yield, checks it once before any request, and returns the value in
 * the type the API documents. Errors name the field as the user sees it and show what was given,
 * so a bad item is easy to find in a long input.
 */
function refuse(node: INode, itemIndex: number, message: string): NodeOperationError {
	return new NodeOperationError(node, message, { itemIndex });
}

function shown(value: unknown): string {
	if (value === '' || value === undefined) return '(empty)';
	const text = typeof value === 'string' ? value : JSON.stringify(value);
	return text === undefined ? String(value) : text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/**
 * Text as an expression may give it: a string, or a number or boolean written as text (a phone
 * held as a number in a CRM is still the phone). Objects and lists are refused, never dropped.
 * Undefined, null and '' are "not given".
 */
export function optionalText(node: INode, itemIndex: number, field: string, value: unknown): string | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	if (typeof value === 'string') return value;
	if ((typeof value === 'number' && Number.isFinite(value)) || typeof value === 'boolean' || typeof value === 'bigint') {
		return String(value);
	}
	throw refuse(node, itemIndex, `${field} must be text, a number or true/false, got ${shown(value)}`);
}

/** An optional text field, trimmed: blank counts as not given. */
export function optionalTrimmedText(node: INode, itemIndex: number, field: string, value: unknown): string | undefined {
	const text = optionalText(node, itemIndex, field, value)?.trim();
	return text ? text : undefined;
}

/** A required text field, trimmed. */
export function requireText(node: INode, itemIndex: number, field: string, value: unknown): string {
	const text = optionalTrimmedText(node, itemIndex, field, value);
	if (text === undefined) throw refuse(node, itemIndex, `${field} is required: got an empty value`);
	return text;
}

/** Text sent exactly as given (a message is the customer's words); only empty or blank is refused. */
export function requireUntrimmedText(node: INode, itemIndex: number, field: string, value: unknown): string {
	const text = optionalText(node, itemIndex, field, value);
	if (text === undefined || !text.trim()) throw refuse(node, itemIndex, `${field} is required: got an empty value`);
	return text;
}

/**
 * An id placed in a URL path. `.` and `..` (and any run of dots) would be resolved as path steps
 * by the URL, sending the request to another endpoint, so they are refused.
 */
export function requireId(node: INode, itemIndex: number, field: string, value: unknown): string {
	const id = requireText(node, itemIndex, field, value);
	if (/^\.+$/.test(id)) throw refuse(node, itemIndex, `${field} cannot be only dots, got ${shown(id)}`);
	return id;
}

/** A checked id, encoded so that it can never change the path it sits in. */
export function pathSegment(id: string): string {
	return encodeURIComponent(id);
}

/**
 * A choice of an options field, checked against the field's own list: an expression can yield
 * any text, and a value Zenvia does not know would only fail later, at Zenvia.
 */
export function requireOption<T extends string>(node: INode, itemIndex: number, field: INodeProperties, value: unknown): T {
	const allowed = (field.options ?? []).map((option) => ('value' in option ? option.value : undefined));
	if (typeof value === 'string' && allowed.includes(value)) return value as T;
	const listed = allowed.filter((choice) => typeof choice === 'string').join(', ');
	throw refuse(node, itemIndex, `${field.displayName} must be one of ${listed}, got ${shown(value)}`);
}

/** A whole number of at least `min`, given as a number or as text. */
export function requireWholeNumber(node: INode, itemIndex: number, field: string, value: unknown, min: number): number {
	const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
	if (!/^\d+$/.test(text) || Number(text) < min || !Number.isSafeInteger(Number(text))) {
		const kind = min === 1 ? 'a positive whole number' : `a whole number from ${min}`;
		throw refuse(node, itemIndex, `${field} must be ${kind}, got ${shown(value)}`);
	}
	return Number(text);
}

export function requirePositiveInteger(node: INode, itemIndex: number, field: string, value: unknown): number {
	return requireWholeNumber(node, itemIndex, field, value, 1);
}

/**
 * A switch: true or false, or the text "true"/"false" an expression reads from a CSV or a form.
 * Anything else is refused: reading "false" as truthy text would turn the switch on.
 */
export function requireBoolean(node: INode, itemIndex: number, field: string, value: unknown): boolean {
	if (typeof value === 'boolean') return value;
	const text = typeof value === 'string' ? value.trim().toLowerCase() : undefined;
	if (text === 'true') return true;
	if (text === 'false') return false;
	throw refuse(node, itemIndex, `${field} must be true or false, got ${shown(value)}`);
}

/**
 * An http(s) URL. With `bareHostAsHttps`, a host or path without a scheme
 * (`chathistory.example.org/h/1`, as the WhatsApp document writes external_history) is read as
 * https; its host must then hold a dot, so a stray word is not taken for a host.
 */
export function requireHttpUrl(
	node: INode,
	itemIndex: number,
	field: string,
	value: unknown,
	{ bareHostAsHttps = false } = {},
): string {
	const given = optionalTrimmedText(node, itemIndex, field, value) ?? '';
	const bare = bareHostAsHttps && given !== '' && !/^[a-z][a-z\d+.-]*:/i.test(given);
	const text = bare ? `https://${given.replace(/^\/\//, '')}` : given;
	let url: URL | undefined;
	try {
		url = new URL(text);
	} catch {
		url = undefined;
	}
	const badHost = !url?.hostname || (bare && !url.hostname.includes('.'));
	if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:') || badHost) {
		throw refuse(node, itemIndex, `${field} must be an http(s) URL, got ${shown(value)}`);
	}
	return text;
}

export function parseJsonObject(node: INode, itemIndex: number, field: string, value: unknown): IDataObject {
	if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as IDataObject;
	if (value !== undefined && value !== null && typeof value !== 'string') {
		throw refuse(node, itemIndex, `${field} must be a JSON object like {"clientId": "1"}, got ${shown(value)}`);
	}
	const text = typeof value === 'string' ? value.trim() : '';
	if (!text) return {};
	let parsed: unknown;
	try {
		parsed = JSON.parse(text);
	} catch (error) {
		throw refuse(node, itemIndex, `${field} is not valid JSON: ${(error as Error).message}`);
	}
	if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
		throw refuse(node, itemIndex, `${field} must be a JSON object like {"clientId": "1"}, got ${shown(parsed)}`);
	}
	return parsed as IDataObject;
}

/** What an id of a list may look like: any word, or (where Zenvia numbers them) digits only. */
const ID_KINDS = {
	word: { pattern: /^[\w-]+$/, listNoun: 'ids', itemNoun: 'an id' },
	numeric: { pattern: /^\d+$/, listNoun: 'numeric ids', itemNoun: 'one' },
} as const;

/** Ids typed as "1, 2,3", or given as a number or a list by an expression, each checked. */
export function parseIdList(node: INode, itemIndex: number, field: string, value: unknown, kind: keyof typeof ID_KINDS = 'word'): string[] {
	const { pattern, listNoun, itemNoun } = ID_KINDS[kind];
	const parts = Array.isArray(value) ? value : (optionalText(node, itemIndex, field, value) ?? '').split(',');
	const ids = parts.map((part) => (typeof part === 'string' || typeof part === 'number' ? String(part).trim() : part));
	const bad = ids.find((id) => typeof id !== 'string' || (id !== '' && !pattern.test(id)));
	if (bad !== undefined) {
		throw refuse(node, itemIndex, `${field} must be ${listNoun} separated by commas, and ${shown(bad)} is not ${itemNoun}`);
	}
	return (ids as string[]).filter(Boolean);
}

/** The one e-mail check: something@host.tld, with no space, comma or second @. */
const EMAIL = /^[^\s@,]+@[^\s@,]+\.[^\s@,]+$/;

/** One e-mail address, required and checked. */
export function requireEmail(node: INode, itemIndex: number, field: string, value: unknown): string {
	const email = requireText(node, itemIndex, field, value);
	if (!EMAIL.test(email)) throw refuse(node, itemIndex, `${field} must be an e-mail address, got ${shown(email)}`);
	return email;
}

/** E-mails typed as "a@x.com, b@y.com" or given as a list by an expression, each checked. */
export function parseEmailList(node: INode, itemIndex: number, field: string, value: unknown): string[] {
	const parts = Array.isArray(value) ? value.map(String) : String(value ?? '').split(',');
	const emails = parts.map((part) => part.trim()).filter(Boolean);
	const bad = emails.find((email) => !EMAIL.test(email));
	if (bad !== undefined) {
		throw refuse(node, itemIndex, `${field} must be e-mail addresses separated by commas, and ${shown(bad)} is not one`);
	}
	return emails;
}
