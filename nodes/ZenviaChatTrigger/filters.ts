import { ALL_EVENTS, UNKNOWN_EVENT, isPlainObject } from './events';
import type { EventPayload, ZenviaEvent } from './events';
import type { EventFilters } from './settings';

export function isPicked(event: ZenviaEvent | typeof UNKNOWN_EVENT, picked: string[], passUnknown: boolean): boolean {
	if (event === UNKNOWN_EVENT) return passUnknown;
	return picked.includes(ALL_EVENTS) || picked.includes(event);
}

function isScalar(value: unknown): value is string | number | boolean {
	return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

/** Only transfers carry a department; the filter leaves other events alone. */
function departmentMatches(event: string, payload: EventPayload, filters: EventFilters): boolean {
	const wanted = filters.departmentIds;
	if (event !== 'transferred' || wanted.length === 0) return true;
	return isScalar(payload.department_id) && wanted.includes(String(payload.department_id).trim());
}

/** A message without a type is text (the API saves a null type as "text"); any other type is media. */
function messageTypeMatches(event: string, payload: EventPayload, filters: EventFilters): boolean {
	if (event !== 'message' || filters.messageType === 'any') return true;
	const type = isPlainObject(payload.message) ? payload.message.type : undefined;
	const isText = type === undefined || type === null || type === '' || type === 'text';
	return filters.messageType === 'text' ? isText : !isText;
}

/** WhatsApp API v1 interactions carry the caller's `external_id`; Chat API ones echo its `extra`. */
function originMatches(payload: EventPayload, filters: EventFilters): boolean {
	if (filters.requireExternalId) {
		const id = payload.external_id;
		if (!isScalar(id) || String(id).trim() === '') return false;
	}
	const match = filters.extraMatch;
	if (!match) return true;
	const separator = match.indexOf('=');
	const key = (separator < 0 ? match : match.slice(0, separator)).trim();
	const extra = payload.extra;
	if (!isPlainObject(extra) || !Object.prototype.hasOwnProperty.call(extra, key)) return false;
	if (separator < 0) return true;
	const value = extra[key];
	return isScalar(value) && String(value) === match.slice(separator + 1).trim();
}

export function passesFilters(event: string, payload: EventPayload, filters: EventFilters): boolean {
	return (
		departmentMatches(event, payload, filters) &&
		messageTypeMatches(event, payload, filters) &&
		originMatches(payload, filters)
	);
}
