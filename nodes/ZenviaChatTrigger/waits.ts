import { randomBytes } from 'crypto';
import { sleep } from 'n8n-workflow';
import type { IDataObject, IHookFunctions, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import { findWaiter, isOwnResumeUrl, isRecentSignature, isRegistration, passFor, register, verifyRegistrationFor } from '../ZenviaChat/helpers/waitDesk';
import type { Found, WaitDesk, WaitPass, Waiter } from '../ZenviaChat/helpers/waitDesk';
import { afterAttempt, deliveryPatienceMs, isAnswerTimeout, mayHaveBeenTaken } from './delivery';
import type { LatestDesks } from './latestDesks';
import type { Attempt } from './delivery';
import type { EventPayload } from './events';
import type { TriggerItem } from './output';
import { rawBodyBytes } from './payload';
import { refuse } from './refusal';

/*
 * The trigger's half of waits (see ../ZenviaChat/helpers/waitDesk.ts): it keeps the desk, takes
 * registrations from waiting nodes, and hands each event a waiter waits for to that execution.
 *
 * Every read and write goes through the process's newest copy (latestDesks.ts), so a save never
 * hides a registration another call made meanwhile. Writes are few: the desk's key and URL when
 * they are missing or moved, a registration, and the removal of a waiter that can no longer be
 * reached. A delivered event changes nothing, so n8n saves nothing for it; the resumed waiter's
 * entry stays until the next registration for its conversation replaces it (a later event that
 * reaches it finds its execution moved on, and falls back).
 */

/** n8n's execution mode of a published workflow's webhook call (the only one that serves waits). */
const PRODUCTION_MODE = 'webhook';
/** How long one call to a resume URL may take (a busy n8n answers late; delivery.ts). */
const RESUME_TIMEOUT_MS = 30_000;

/**
 * Where this workflow's desk is kept: the workflow's id (the process's newest copy is keyed by it)
 * and the static data n8n loaded for this call.
 */
function deskPlace(context: IHookFunctions | IWebhookFunctions): [workflowId: string, staticData: IDataObject] {
	return [context.getWorkflow().id ?? '', context.getWorkflowStaticData('global')];
}

/** The desk, created with its key on first use; its intake follows the trigger's Production URL. */
export function ensureDesk(context: IHookFunctions | IWebhookFunctions, desks: LatestDesks): void {
	const intake = context.getNodeWebhookUrl('default');
	// Written only when it changes: an unchanged desk is not saved again.
	desks.change(...deskPlace(context), (desk) => {
		if (!desk) return { key: randomBytes(32).toString('hex'), intake, waiters: {} };
		return intake && desk.intake !== intake ? { ...desk, intake } : undefined;
	});
}

/** Whether this call may touch waits: the published workflow's, never the editor's test listener. */
export function servesWaits(context: IWebhookFunctions): boolean {
	return context.getMode() === PRODUCTION_MODE;
}

/**
 * The registration's parsed body when it is signed by this desk, with the key of the one
 * conversation it names (waitDesk.ts, conversationKeyOf). A body is parsed only once its
 * signature's form and age hold.
 */
function signedRegistration(desk: WaitDesk, header: string, raw: Buffer, now: number): unknown {
	if (!isRecentSignature(header, now)) return undefined;
	let body: unknown;
	try {
		body = JSON.parse(raw.toString('utf8'));
	} catch {
		return undefined;
	}
	const conversation = (body as { conversation?: unknown } | null)?.conversation;
	return typeof conversation === 'string' && verifyRegistrationFor(desk, conversation, header, raw, now) ? body : undefined;
}

/**
 * A waiting node's registration: signed with its conversation's key (derived from the desk's key,
 * which only this workflow's nodes read), recent, and naming a resume URL on this n8n. Answered 200, or refused without saying more.
 */
export async function acceptRegistration(context: IWebhookFunctions, header: string, desks: LatestDesks): Promise<IWebhookResponseData> {
	const raw = await rawBodyBytes(context);
	// Read after the last await: from here to the change below, no other call runs.
	const place = deskPlace(context);
	const desk = desks.read(...place);
	const now = Date.now();
	const body = desk && servesWaits(context) ? signedRegistration(desk, header, raw, now) : undefined;
	if (!desk || body === undefined) {
		return refuse(context, { status: 401, message: 'The wait registration is not signed by this workflow' });
	}
	if (!isRegistration(body) || !desk.intake || !isOwnResumeUrl(body.waiter.url, desk.intake, body.waiter.executionId)) {
		return refuse(context, { status: 400, message: 'The wait registration is not one this trigger takes' });
	}
	const registration = body;
	// The same waiter again: the node asking whether its registration held. Nothing is written.
	if (desk.waiters[registration.conversation]?.url === registration.waiter.url) return { webhookResponse: { registered: true, held: true } };
	// Written from this process's own newest copy, no other call of this process can hide it; one
	// that another process wrote (several webhook processes) is confirmed by a second call.
	const held = desks.ownsNewest(...place);
	let replaced: Waiter | undefined;
	desks.change(...place, (newest) => {
		if (!newest) return undefined;
		replaced = register(newest, registration, now).replaced;
		return newest;
	});
	if (replaced) {
		context.logger.info(
			`Zenvia Chat Trigger: execution ${registration.waiter.executionId} now waits for ${registration.conversation}; execution ${replaced.executionId}, which waited for it too, can only end by its wait limit`,
		);
	}
	// Answered through n8n, not written to the response here: n8n sends a webhookResponse only
	// after it has saved the static data holding this registration, so the node's question goes
	// out after the save.
	return { webhookResponse: { registered: true, held } };
}

/**
 * The wait pass for the execution this event starts (see waitDesk.ts): how its waiting nodes find
 * the desk on a worker, which gets no static data. None outside the published workflow.
 */
export function waitPassFor(context: IWebhookFunctions, payload: EventPayload, desks: LatestDesks): WaitPass | undefined {
	if (!servesWaits(context)) return undefined;
	const desk = desks.read(...deskPlace(context));
	return desk ? passFor(desk, payload) : undefined;
}

/** The waiter this event is for, if any; an expired one is removed and said so. */
export function waiterFor(context: IWebhookFunctions, event: string, payload: EventPayload, desks: LatestDesks): Found {
	if (!servesWaits(context)) return { kind: 'none' };
	const found = findWaiter(desks.read(...deskPlace(context)), event, payload, Date.now());
	if (found.kind === 'expired') {
		forget(context, desks, found.conversation, found.waiter);
		context.logger.info(
			`Zenvia Chat Trigger: the "${event}" event of ${found.conversation} came after execution ${found.waiter.executionId}'s wait limit; handled as an ordinary event`,
		);
	}
	return found;
}

/** Removes a waiter that can no longer be reached, unless a newer registration replaced it. */
function forget(context: IWebhookFunctions, desks: LatestDesks, conversation: string, waiter: Waiter): void {
	desks.change(...deskPlace(context), (desk) => {
		if (desk?.waiters[conversation]?.url !== waiter.url) return undefined;
		delete desk.waiters[conversation];
		return desk;
	});
}

async function attemptOnce(context: IWebhookFunctions, waiter: Waiter, body: IDataObject, timeoutMs: number): Promise<Attempt> {
	try {
		const response = (await context.helpers.httpRequest({
			method: 'POST',
			url: waiter.url,
			body,
			json: true,
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
			timeout: timeoutMs,
		})) as { statusCode?: number; body?: unknown };
		return { status: Number(response.statusCode), body: response.body };
	} catch (error) {
		const message = error instanceof Error ? error.message : String(error);
		// The call left, and no answer came in time: n8n may have acted on it.
		return { error: message, timedOut: isAnswerTimeout({ code: (error as { code?: unknown } | undefined)?.code, message }) };
	}
}

/**
 * Hands the event to its waiter, retrying while n8n has not yet saved the execution as waiting.
 * True when the waiting node took it, or may have (a call that timed out, never settled: logged);
 * otherwise the waiter is removed, the log says why, and the caller handles the event as an
 * ordinary one.
 */
export async function deliver(context: IWebhookFunctions, desks: LatestDesks, conversation: string, waiter: Waiter, item: TriggerItem): Promise<boolean> {
	const started = Date.now();
	/** An earlier call may have resumed the execution without saying so. */
	let maybeTaken = false;
	for (let attempts = 1; ; attempts++) {
		// No call outlasts the hand-over's patience: Zenvia's call waits for it.
		const leftMs = deliveryPatienceMs(maybeTaken) - (Date.now() - started);
		const attempt = await attemptOnce(context, waiter, { item }, Math.max(1_000, Math.min(RESUME_TIMEOUT_MS, leftMs)));
		const decision = afterAttempt(attempt, attempts, Date.now() - started, maybeTaken);
		maybeTaken ||= mayHaveBeenTaken(attempt);
		if (decision.kind === 'delivered') {
			context.logger.debug(
				`Zenvia Chat Trigger: the "${item.event}" event of ${conversation} resumed execution ${waiter.executionId} (attempt ${attempts}${decision.late ? ', answered late' : ''})`,
			);
			return true;
		}
		if (decision.kind === 'retry') {
			await sleep(decision.afterMs);
			continue;
		}
		if (decision.kind === 'uncertain') {
			// Not started as an ordinary event: the execution may already have it. Its waiter goes,
			// so later events of the conversation do not wait on an n8n that cannot settle this one.
			forget(context, desks, conversation, waiter);
			context.logger.warn(
				`Zenvia Chat Trigger: the "${item.event}" event of ${conversation} may or may not have resumed execution ${waiter.executionId}: ${decision.reason}. Not handled again, so it is not handled twice; check that execution`,
				{ workflowId: context.getWorkflow().id },
			);
			return true;
		}
		forget(context, desks, conversation, waiter);
		context.logger.warn(
			`Zenvia Chat Trigger: the "${item.event}" event of ${conversation} could not resume execution ${waiter.executionId}: ${decision.reason}. Handled as an ordinary event (it starts the workflow if its event is picked)`,
			{ workflowId: context.getWorkflow().id },
		);
		return false;
	}
}
