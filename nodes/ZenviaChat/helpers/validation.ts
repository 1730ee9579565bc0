import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, INode } from 'n8n-workflow';

/**
 * Checks run before any request is sent. Each error names the field as the user sees it in the
 * node and says what was expected, so a bad item is easy to find in a long input.
 */
function refuse(node: INode, itemIndex: number, message: string): NodeOperationError {
	return new NodeOperationError(node, message, { itemIndex });
}

function shown(value: unknown): string {
	if (value === '' || value === undefined) return '(empty)';
	const text = typeof value === 'string' ? value : JSON.stringify(value);
	return text === undefined ? String(value) : text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

export function requireText(node: INode, itemIndex: number, field: string, value: unknown): string {
	const text = typeof value === 'number' ? String(value) : value;
	if (typeof text !== 'string' || !text.trim()) {
		throw refuse(node, itemIndex, `${field} is required: got an empty value`);
	}
	return text.trim();
}

export function requirePositiveInteger(node: INode, itemIndex: number, field: string, value: unknown): number {
	const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
	if (!/^\d+$/.test(text) || Number(text) < 1 || !Number.isSafeInteger(Number(text))) {
		throw refuse(node, itemIndex, `${field} must be a positive whole number, got ${shown(value)}`);
	}
	return Number(text);
}

export function requireHttpUrl(node: INode, itemIndex: number, field: string, value: unknown): string {
	const text = typeof value === 'string' ? value.trim() : '';
	let url: URL | undefined;
	try {
		url = new URL(text);
	} catch {
		url = undefined;
	}
	if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
		throw refuse(node, itemIndex, `${field} must be an http(s) URL, got ${shown(value)}`);
	}
	return text;
}

/** A path parameter: required, and encoded so that it can never change the path it sits in. */
export function pathSegment(node: INode, itemIndex: number, field: string, value: unknown): string {
	return encodeURIComponent(requireText(node, itemIndex, field, value));
}

export function parseJsonObject(node: INode, itemIndex: number, field: string, value: unknown): IDataObject {
	if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as IDataObject;
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

/** Ids typed as "1, 2,3" or given as a list by an expression, each checked. */
export function parseIdList(node: INode, itemIndex: number, field: string, value: unknown): string[] {
	const parts = Array.isArray(value) ? value.map(String) : String(value ?? '').split(',');
	const ids = parts.map((part) => part.trim()).filter(Boolean);
	const bad = ids.find((id) => !/^[\w-]+$/.test(id));
	if (bad !== undefined) {
		throw refuse(node, itemIndex, `${field} must be ids separated by commas, and ${shown(bad)} is not an id`);
	}
	return ids;
}

const EMAIL = /^[^\s@,]+@[^\s@,]+\.[^\s@,]+$/;

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
