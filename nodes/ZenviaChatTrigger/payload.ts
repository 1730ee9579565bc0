import type { IWebhookFunctions } from 'n8n-workflow';

import { isPlainObject } from './events';
import type { EventPayload } from './events';
import type { Refusal } from './refusal';

export type PayloadReading = { payload: EventPayload } | { refusal: Refusal };

/**
 * The event as a JSON object, whatever content type it came with.
 *
 * n8n parses the body before `webhook()` runs: `application/json` arrives as an object (and
 * invalid JSON with that type is answered 422 by n8n itself), `text/plain` as a string, and any
 * other or missing content type leaves the body unset with the bytes in `rawBody`. So an object
 * with fields is used as is, and otherwise the text is parsed here.
 */
export async function readPayload(context: IWebhookFunctions): Promise<PayloadReading> {
	const body: unknown = context.getBodyData();
	if (isPlainObject(body) && Object.keys(body).length > 0) return checked(body);

	const text = (typeof body === 'string' ? body : await rawBodyText(context)).trim();
	if (!text) return { refusal: { status: 400, message: 'Empty body: expected a Zenvia Chat event as a JSON object' } };

	let parsed: unknown;
	try {
		parsed = JSON.parse(text);
	} catch {
		return { refusal: { status: 400, message: 'The body is not JSON: expected a Zenvia Chat event as a JSON object' } };
	}
	if (!isPlainObject(parsed)) {
		return { refusal: { status: 400, message: 'The body must be a JSON object (a single Zenvia Chat event)' } };
	}
	return checked(parsed);
}

async function rawBodyText(context: IWebhookFunctions): Promise<string> {
	return (await rawBodyBytes(context)).toString('utf8');
}

/** The body's bytes as sent (empty when they cannot be read). */
export async function rawBodyBytes(context: IWebhookFunctions): Promise<Buffer> {
	const request = context.getRequestObject();
	try {
		// n8n has read the bytes by now; reading is only needed when something skipped that step.
		if (!request.rawBody && typeof request.readRawBody === 'function') await request.readRawBody();
	} catch {
		return Buffer.alloc(0);
	}
	return Buffer.isBuffer(request.rawBody) ? request.rawBody : Buffer.alloc(0);
}

/** Every documented event names its interaction; one without it is half a payload. */
function checked(payload: EventPayload): PayloadReading {
	const hash = payload.interaction_hash;
	if (typeof hash !== 'string' || !hash.trim()) {
		return {
			refusal: { status: 422, message: 'The event has no "interaction_hash": expected the interaction\'s hash as a string' },
		};
	}
	return { payload };
}
