import { createHmac, timingSafeEqual } from 'crypto';
import type { IDataObject } from 'n8n-workflow';

/*
 * The wait desk: which executions of this workflow wait for which conversation. It lives in the
 * workflow's static data (global), the one store n8n keeps per workflow, and only the Zenvia Chat
 * Trigger writes it, from its webhook callback or its activation: n8n loads static data fresh for
 * each webhook call and saves it right after, whereas an execution saves the snapshot it loaded
 * at its start (so a waiting node never writes it: it registers through the trigger's URL).
 *
 *   { key, intake, rev, waiters: { "<conversation>": { url, events, until, registeredAt, executionId } } }
 *
 * `key` never leaves static data: each conversation's key is derived from it (conversationKeyOf)
 * and signs the registrations for that conversation; `intake` is the trigger's Production URL,
 * where a waiting node registers.
 */

/** The static data entry (global) that holds the desk. */
export const DESK_ENTRY = 'zenviaChatWaits';
/** The header that marks a call to the trigger's URL as a waiting node's registration, and signs it. */
export const REGISTRATION_HEADER = 'x-zenvia-wait-registration';
/** What the waiting node answers when it took an event (actions/waits/resume.ts). */
export const RESUMED_ANSWER = 'zenvia-chat-resumed';
/** A registration older than this is refused (a replayed one is stale). */
export const REGISTRATION_MAX_AGE_MS = 60_000;

export interface Waiter extends IDataObject {
	/** n8n's resume URL of the waiting node (/webhook-waiting/<execution>/<node>, signed). */
	url: string;
	/** The events that end the wait. */
	events: string[];
	/** When the wait limit ends it (ms since epoch); later, the entry is stale. */
	until: number;
	registeredAt: number;
	executionId: string;
}

export interface WaitDesk extends IDataObject {
	key: string;
	intake?: string;
	/** Counts the trigger's writes, so the newer of two copies is known (ZenviaChatTrigger/latestDesks.ts). */
	rev?: number;
	/** Which n8n process wrote this copy (a random id per process): revisions count per process. */
	writer?: string;
	waiters: Record<string, Waiter>;
}

export interface Registration extends IDataObject {
	conversation: string;
	waiter: Waiter;
}

/** The conversation a wait is keyed by: an interaction (Chat API and bot events) or a WhatsApp API v1 customer. */
export function conversationKey(by: 'interaction' | 'externalId', value: string): string {
	return `${by === 'interaction' ? 'interaction' : 'externalId'}:${value}`;
}

/** The conversations an event belongs to, most specific first. */
export function conversationsOf(payload: IDataObject): string[] {
	const keys: string[] = [];
	if (typeof payload.interaction_hash === 'string' && payload.interaction_hash) keys.push(conversationKey('interaction', payload.interaction_hash));
	if (typeof payload.external_id === 'string' && payload.external_id) keys.push(conversationKey('externalId', payload.external_id));
	return keys;
}

/**
 * The desk in static data, or undefined when there is none (or it is not one). Never writes: an
 * execution that only reads static data leaves it unsaved.
 */
export function readDesk(staticData: IDataObject): WaitDesk | undefined {
	const desk = staticData[DESK_ENTRY] as IDataObject | undefined;
	if (!desk || typeof desk !== 'object' || typeof desk.key !== 'string' || !desk.key) return undefined;
	if (!desk.waiters || typeof desk.waiters !== 'object') return undefined;
	return desk as WaitDesk;
}

export type Found =
	| { kind: 'none' }
	| { kind: 'waiter'; conversation: string; waiter: Waiter }
	| { kind: 'expired'; conversation: string; waiter: Waiter };

/** The waiter an event is for: one of its conversations waits for this kind of event. */
export function findWaiter(desk: WaitDesk | undefined, event: string, payload: IDataObject, now: number): Found {
	if (!desk) return { kind: 'none' };
	for (const conversation of conversationsOf(payload)) {
		const waiter = desk.waiters[conversation];
		if (!waiter || !Array.isArray(waiter.events) || !waiter.events.includes(event)) continue;
		return { kind: now > waiter.until ? 'expired' : 'waiter', conversation, waiter };
	}
	return { kind: 'none' };
}

/**
 * Adds a registration: one waiter per conversation (the newer replaces the older, which can then
 * only end by its wait limit), and drops every entry whose wait limit has passed.
 */
export function register(desk: WaitDesk, registration: Registration, now: number): { replaced?: Waiter } {
	for (const [conversation, waiter] of Object.entries(desk.waiters)) {
		if (now > waiter.until) delete desk.waiters[conversation];
	}
	const replaced = desk.waiters[registration.conversation];
	desk.waiters[registration.conversation] = registration.waiter;
	return replaced && replaced.url !== registration.waiter.url ? { replaced } : {};
}

/** Whether a parsed body is a registration with every field of the right type. */
export function isRegistration(body: unknown): body is Registration {
	if (!body || typeof body !== 'object') return false;
	const { conversation, waiter } = body as IDataObject;
	if (typeof conversation !== 'string' || !/^(interaction|externalId):.+/.test(conversation)) return false;
	if (!waiter || typeof waiter !== 'object') return false;
	const w = waiter as IDataObject;
	return (
		typeof w.url === 'string' &&
		Array.isArray(w.events) &&
		w.events.every((event) => typeof event === 'string') &&
		typeof w.until === 'number' &&
		typeof w.registeredAt === 'number' &&
		typeof w.executionId === 'string'
	);
}

/**
 * Whether a resume URL is this n8n's own waiting-webhook URL: the same origin as the trigger's
 * Production URL and the path `/<anything>/<execution id>/<node id>`. The trigger never calls
 * anywhere else, whatever a registration says.
 */
export function isOwnResumeUrl(url: string, intake: string, executionId: string): boolean {
	if (!sameOrigin(url, intake)) return false;
	const segments = new URL(url).pathname.split('/').filter(Boolean);
	return segments.length >= 3 && segments[segments.length - 2] === executionId;
}

/** Whether two URLs share their origin; false when either is not a URL or has no origin (data:). */
export function sameOrigin(url: string, other: string): boolean {
	try {
		const origin = new URL(url).origin;
		return origin !== 'null' && origin === new URL(other).origin;
	} catch {
		return false;
	}
}

function registrationHmac(key: string, timestamp: number, body: string | Buffer): string {
	return createHmac('sha256', key).update(`v1\n${timestamp}\n`).update(body).digest('hex');
}

/** The registration header's value: `v1.<ms since epoch>.<HMAC of the body with the conversation's key>`. */
export function signRegistration(key: string, body: string, timestamp: number): string {
	return `v1.${timestamp}.${registrationHmac(key, timestamp, body)}`;
}

const SIGNATURE = /^v1\.(\d{1,15})\.([0-9a-f]{64})$/;

/** A registration header's timestamp and HMAC, when it has the signature's form and is recent. */
function recentSignature(header: string, now: number): { timestamp: number; hmac: string } | undefined {
	const match = SIGNATURE.exec(header);
	if (!match || Math.abs(now - Number(match[1])) > REGISTRATION_MAX_AGE_MS) return undefined;
	return { timestamp: Number(match[1]), hmac: match[2] };
}

/** Whether a registration header has the signature's form and is recent, whatever key signed it. */
export function isRecentSignature(header: string, now: number): boolean {
	return recentSignature(header, now) !== undefined;
}

/** Whether a registration header signs this body with this key, and is recent. */
export function verifyRegistration(key: string, header: string, body: string | Buffer, now: number): boolean {
	const signature = recentSignature(header, now);
	if (!signature || !key) return false;
	return timingSafeEqual(Buffer.from(registrationHmac(key, signature.timestamp, body), 'hex'), Buffer.from(signature.hmac, 'hex'));
}

/*
 * The wait pass: how a worker in queue mode finds the desk. n8n hands a worker a new execution
 * without the workflow's static data, so the trigger puts a pass on the item it starts the
 * execution with, beside `json` (the editor shows only `json`; nodes that pass items on unchanged
 * carry it too): the desk's address and, for each conversation of the event, that conversation's
 * key. An execution's stored data (its items, its custom data) can at most let someone register a
 * waiter for the conversation that execution is about, for as long as the desk keeps its key.
 */

/** The item entry, beside `json`, that carries the pass. */
export const WAIT_PASS_ENTRY = 'zenviaChatWaitPass';

export interface WaitPass extends IDataObject {
	intake: string;
	/** conversation → the key that signs registrations for it alone */
	keys: Record<string, string>;
}

/** The key that signs registrations for one conversation, derived from the desk's key. */
export function conversationKeyOf(deskKey: string, conversation: string): string {
	return createHmac('sha256', deskKey).update(`conversation\n${conversation}`).digest('hex');
}

/** The pass for an event's conversations; undefined when the desk has no address yet or the event no conversation. */
export function passFor(desk: WaitDesk, payload: IDataObject): WaitPass | undefined {
	const conversations = conversationsOf(payload);
	if (!desk.intake || conversations.length === 0) return undefined;
	const keys = Object.fromEntries(conversations.map((conversation) => [conversation, conversationKeyOf(desk.key, conversation)]));
	return { intake: desk.intake, keys };
}

/** A pass read back from an item: every field of the right type, or undefined. */
export function readPass(entry: unknown): WaitPass | undefined {
	if (!entry || typeof entry !== 'object') return undefined;
	const { intake, keys } = entry as IDataObject;
	if (typeof intake !== 'string' || !intake || !keys || typeof keys !== 'object') return undefined;
	if (!Object.values(keys).every((key) => typeof key === 'string' && /^[0-9a-f]{64}$/.test(key))) return undefined;
	return { intake, keys: keys as Record<string, string> };
}

/**
 * Whether a registration is signed by this desk: with the key of the one conversation it
 * registers for. The desk's own key signs nothing itself, so it never has to leave static data.
 */
export function verifyRegistrationFor(desk: WaitDesk, conversation: string, header: string, body: string | Buffer, now: number): boolean {
	return verifyRegistration(conversationKeyOf(desk.key, conversation), header, body, now);
}
