import { createHash, timingSafeEqual } from 'crypto';
import type { IWebhookFunctions } from 'n8n-workflow';

import { commaList } from './commaList';
import { parseIp, parseRange, rangeContains } from './ipRange';
import type { Refusal } from './refusal';
import { SECRET_HEADER, SECRET_QUERY_PARAMETER } from '../../credentials/ZenviaChatWebhookApi.credentials';

export { SECRET_HEADER, SECRET_QUERY_PARAMETER };

export const WEBHOOK_CREDENTIAL_TYPE = 'zenviaChatWebhookApi';

/**
 * The secret calls must carry: the picked credential's. Undefined when no credential is picked,
 * since the secret is optional: every caller is then let in (the IP allow-list may still guard).
 */
export async function expectedSecret(context: IWebhookFunctions): Promise<string | undefined> {
	if (!context.getNode().credentials?.[WEBHOOK_CREDENTIAL_TYPE]) return undefined;
	const { secret } = await context.getCredentials<{ secret?: unknown }>(WEBHOOK_CREDENTIAL_TYPE);
	// A picked credential with no secret refuses everyone rather than no one.
	return typeof secret === 'string' ? secret : '';
}

function digest(text: string): Buffer {
	return createHash('sha256').update(text, 'utf8').digest();
}

/**
 * Zenvia signs nothing, so a secret in the URL is the only proof a call comes from the account's
 * webhook settings. Digests are compared so that neither the content nor the length of the
 * secret shows in the time the comparison takes.
 */
export function checkSecret(context: IWebhookFunctions, expected: string | undefined): Refusal | undefined {
	if (expected === undefined) return undefined;
	const query = context.getQueryData() as Record<string, unknown>;
	const headers = context.getHeaderData();
	const given = [query[SECRET_QUERY_PARAMETER], headers[SECRET_HEADER]].find((value) => typeof value === 'string');
	if (expected && typeof given === 'string' && timingSafeEqual(digest(given), digest(expected))) return undefined;
	return {
		status: 401,
		message: `Missing or wrong secret: put it in the "${SECRET_QUERY_PARAMETER}" query parameter of the webhook URL`,
	};
}

/**
 * The caller's address: the socket's, or, behind reverse proxies, the X-Forwarded-For entry the
 * outermost trusted proxy wrote (counted from the right, since a client can forge entries on the
 * left but not the ones its proxies append).
 */
export function callerIp(context: IWebhookFunctions, proxyHops: number): string | undefined {
	const request = context.getRequestObject();
	if (proxyHops < 1) return request.socket?.remoteAddress;
	const header = context.getHeaderData()['x-forwarded-for'];
	const entries = commaList(Array.isArray(header) ? header.join(',') : header);
	return entries[entries.length - proxyHops];
}

/** Comma-separated IPs and CIDR ranges; an unreadable entry refuses everyone rather than no one. */
export function checkAllowList(context: IWebhookFunctions, allowList: string, proxyHops: number): Refusal | undefined {
	return checkAllowListAddress(allowList, () => callerIp(context, proxyHops));
}

/**
 * The allow-list check for a given address: the connection's, or, for a call the published trigger
 * relayed to the test listener, the address the published trigger saw (vouched for by its signature).
 */
export function checkAllowListAddress(allowList: string, address: () => string | undefined): Refusal | undefined {
	const entries = commaList(allowList);
	if (entries.length === 0) return undefined;

	const ranges = entries.map(parseRange);
	if (ranges.some((range) => range === undefined)) {
		return { status: 403, message: 'The trigger\'s IP allow-list has an entry that is not an IP address or CIDR range' };
	}
	const given = address();
	const ip = given === undefined || given === '' ? undefined : parseIp(given);
	if (ip !== undefined && ranges.some((range) => range !== undefined && rangeContains(range, ip))) return undefined;
	return { status: 403, message: 'The caller\'s IP address is not in the trigger\'s IP allow-list' };
}
