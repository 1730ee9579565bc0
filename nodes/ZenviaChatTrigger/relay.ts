import { createHash, createHmac, timingSafeEqual } from 'crypto';
import type { IWebhookFunctions } from 'n8n-workflow';
import { WEBHOOK_URL_HINT } from '../ZenviaChat/helpers/pause';

/*
 * "Relay to Test Listener": Zenvia posts to one URL, the Production URL. While someone builds the
 * workflow in the editor and waits for a test event, the published trigger also hands each event
 * to the same workflow's Test URL, so Zenvia's settings never change and production keeps running.
 *
 * What n8n 2.41 does, read in its source: a published trigger's call runs in mode "webhook"
 * (cli/src/webhooks/live-webhooks.ts), a test listener's in mode "manual"
 * (cli/src/webhooks/test-webhooks.ts); both run the trigger's webhook() in the main process.
 * A Test URL is the Production URL with the endpoint "webhook-test" in place of "webhook" on the
 * same WEBHOOK_URL (services/url.service.ts, workflow-execute-additional-data.ts). A Test URL that
 * nobody is listening on answers 404, and a listener stops after the first event that starts a run.
 */

/** The trigger's webhook path (ZenviaChatTrigger.node.ts declares it). */
export const WEBHOOK_PATH = 'zenvia-chat';
/** Marks a relayed call: the published trigger never relays a marked call, whatever it carries. */
export const RELAY_HEADER = 'x-zenvia-relay';
/** The caller's address as the published trigger saw it, for the test listener's IP allow-list. */
export const RELAY_CALLER_HEADER = 'x-zenvia-relay-caller';
/** n8n's default N8N_ENDPOINT_WEBHOOK_TEST. */
export const TEST_ENDPOINT = 'webhook-test';
/** How old a relayed call may be when the test listener checks it. */
export const RELAY_MAX_AGE_MS = 5 * 60_000;
/** A relayed call that takes longer is given up (and logged): the listener answers in milliseconds. */
export const RELAY_TIMEOUT_MS = 10_000;

const VERSION = 'v1';
const UNSIGNED = 'unsigned';
const KEY_LABEL = 'n8n-nodes-zenvia-chat: relay to the test listener, v1';

/** n8n's execution mode of a published workflow's webhook call. */
const PRODUCTION_MODE = 'webhook';
/** n8n's execution mode of a call to a Test URL the editor is listening on. */
const TEST_LISTENER_MODE = 'manual';

/**
 * Whether this call is handed on to the test listener: only by a published trigger (never by the
 * test listener itself, so a relayed call is never relayed again), only with the option on, and
 * never for a call that already carries the relay mark (whatever its value: a forged mark can only
 * switch the relay off, never on).
 */
export function shouldRelay(call: { mode: string; enabled: boolean; marked: boolean }): boolean {
	return call.enabled && call.mode === PRODUCTION_MODE && !call.marked;
}

/** Whether a call arrived on a Test URL the editor is listening on. */
export function isTestListener(mode: string): boolean {
	return mode === TEST_LISTENER_MODE;
}

/**
 * The path n8n serves a node's webhook at, after the endpoint: `<webhook id>/zenvia-chat` (n8n gives
 * every webhook node an id; older workflows without one use `<workflow id>/<node name>/zenvia-chat`).
 */
export function nodeWebhookPath(node: { webhookId?: string; name: string }, workflowId: string | undefined): string {
	return node.webhookId
		? `${node.webhookId}/${WEBHOOK_PATH}`
		: `${workflowId ?? ''}/${encodeURIComponent(node.name.toLowerCase())}/${WEBHOOK_PATH}`;
}

/**
 * The Test URL of the trigger whose Production URL is given: `.../webhook/<id>/zenvia-chat` becomes
 * `.../webhook-test/<id>/zenvia-chat` on the same base. Undefined when the URL does not end in the
 * webhook's own path (nothing to guess from).
 */
export function testListenerUrl(productionUrl: string, webhookPath: string): string | undefined {
	let url: URL;
	try {
		url = new URL(productionUrl);
	} catch {
		return undefined;
	}
	const segments = url.pathname.split('/');
	const tail = webhookPath.split('/').filter(Boolean);
	const endpoint = segments.length - tail.length - 1;
	if (endpoint < 1 || segments.slice(endpoint + 1).join('/') !== tail.join('/')) return undefined;
	segments[endpoint] = TEST_ENDPOINT;
	url.pathname = segments.join('/');
	url.search = '';
	url.hash = '';
	return url.toString();
}

/** What a relay signature vouches for: this trigger, this caller, this body, at this time. */
export interface RelayClaims {
	timestamp: number;
	webhookId: string;
	callerIp: string;
	body: string | Buffer;
}

/**
 * The signature key: derived from the shared secret (never the secret itself), so only n8n and the
 * trigger's credential know it, and the secret never travels to another host in a header.
 */
function relayKey(secret: string): Buffer {
	return createHmac('sha256', secret).update(KEY_LABEL).digest();
}

export function relaySignature(secret: string, claims: RelayClaims): string {
	const bodyDigest = createHash('sha256').update(claims.body).digest('hex');
	return createHmac('sha256', relayKey(secret))
		.update([VERSION, String(claims.timestamp), claims.webhookId, claims.callerIp, bodyDigest].join('\n'))
		.digest('hex');
}

/**
 * The relay mark's value: `v1.<ms since epoch>.<signature>`, or `v1.<ms>.unsigned` when the
 * trigger has no shared secret (the test listener then checks the call as any other call).
 */
export function relayMark(secret: string | undefined, claims: RelayClaims): string {
	return `${VERSION}.${claims.timestamp}.${secret ? relaySignature(secret, claims) : UNSIGNED}`;
}

/**
 * Whether a relay mark proves the call comes from this trigger's published twin: signed with the
 * same secret, for this webhook, caller and body, and at most RELAY_MAX_AGE_MS old.
 */
export function verifyRelayMark(secret: string, mark: string, claims: Omit<RelayClaims, 'timestamp'>, now: number): boolean {
	const match = /^v1\.(\d{1,15})\.([0-9a-f]{64})$/.exec(mark);
	if (!match || !secret) return false;
	const timestamp = Number(match[1]);
	if (Math.abs(now - timestamp) > RELAY_MAX_AGE_MS) return false;
	const expected = Buffer.from(relaySignature(secret, { ...claims, timestamp }), 'hex');
	return timingSafeEqual(expected, Buffer.from(match[2], 'hex'));
}

export interface RelayLogLine {
	level: 'debug' | 'warn';
	message: string;
}

/** What the log says about the test listener's answer: nothing above debug for 2xx and 404. */
export function relayAnswerLog(status: number, testUrl: string): RelayLogLine {
	if (status >= 200 && status < 300) return { level: 'debug', message: `Relay to Test Listener: handed the event to ${testUrl}` };
	// Nobody is listening: the normal case, silent.
	if (status === 404) return { level: 'debug', message: `Relay to Test Listener: no test listener at ${testUrl}` };
	const why =
		status === 401
			? 'the saved (draft) trigger checks a shared secret the published one does not have: pick the same Zenvia Chat Webhook API credential in both'
			: status === 403
				? 'the saved (draft) trigger\'s IP allow-list refused the caller: without a Zenvia Chat Webhook API credential the relay cannot vouch for the caller\'s address and comes from n8n\'s own'
				: 'see the test execution in the editor';
	return { level: 'warn', message: `Relay to Test Listener: ${testUrl} answered ${status}: ${why}` };
}

/** What the log says when n8n could not reach its own Test URL. */
export function relayFailureLog(testUrl: string, error: unknown): RelayLogLine {
	const reason = error instanceof Error ? error.message : String(error);
	return {
		level: 'warn',
		message:
			`Relay to Test Listener: n8n could not reach its own Test URL ${testUrl} (${reason}). ${WEBHOOK_URL_HINT} Production is not affected.`,
	};
}

export interface RelayRequest {
	payload: unknown;
	callerIp: string | undefined;
	secret: string | undefined;
}

/**
 * Hands the event to the test listener without waiting: Zenvia's answer never waits for it, and no
 * outcome of it fails the production call. A 404 (nobody listening) is silent; anything else is
 * logged.
 */
export function startRelay(context: IWebhookFunctions, request: RelayRequest): void {
	const node = context.getNode();
	const productionUrl = context.getNodeWebhookUrl('default');
	const testUrl = productionUrl ? testListenerUrl(productionUrl, nodeWebhookPath(node, context.getWorkflow().id)) : undefined;
	const webhookId = node.webhookId ?? '';
	if (!testUrl) {
		context.logger.warn(`Relay to Test Listener: cannot tell the Test URL from the Production URL ${productionUrl ?? '(none)'}`);
		return;
	}
	const body = JSON.stringify(request.payload);
	const callerIp = request.callerIp ?? '';
	const mark = relayMark(request.secret, { timestamp: Date.now(), webhookId, callerIp, body });
	const log = (line: RelayLogLine) => context.logger[line.level](line.message, { workflowId: context.getWorkflow().id });
	void context.helpers
		.httpRequest({
			method: 'POST',
			url: testUrl,
			body,
			headers: { 'content-type': 'application/json', [RELAY_HEADER]: mark, [RELAY_CALLER_HEADER]: callerIp },
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
			timeout: RELAY_TIMEOUT_MS,
		})
		.then((response: { statusCode?: number }) => log(relayAnswerLog(Number(response?.statusCode), testUrl)))
		.catch((error: unknown) => log(relayFailureLog(testUrl, error)));
}
