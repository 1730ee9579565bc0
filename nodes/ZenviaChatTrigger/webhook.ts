import type { IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import { BOT_TYPES, STATES, UNKNOWN_EVENT, classify } from './events';
import type { EventPayload } from './events';
import { isPicked, passesFilters } from './filters';
import { toItem } from './output';
import { rawBodyBytes, readPayload } from './payload';
import { refuse } from './refusal';
import type { Refusal } from './refusal';
import { RELAY_CALLER_HEADER, RELAY_HEADER, isTestListener, shouldRelay, startRelay, verifyRelayMark } from './relay';
import { callerIp, checkAllowList, checkAllowListAddress, checkSecret, expectedSecret } from './security';
import { readEventSettings, readGuardSettings } from './settings';
import type { GuardSettings } from './settings';
import { processDesks } from './latestDesks';
import { acceptRegistration, deliver, ensureDesk, servesWaits, waitPassFor, waiterFor } from './waits';
import { REGISTRATION_HEADER, WAIT_PASS_ENTRY } from '../ZenviaChat/helpers/waitDesk';

const UNREADABLE_GUARD: Refusal = {
	status: 403,
	message: 'The trigger\'s IP allow-list or trusted proxies setting cannot be read; every caller is refused until it is fixed',
};

/**
 * One POST from Zenvia: refused (4xx, no execution), dropped (200, no execution) or turned into
 * one item. The caller is checked before the body is read, so strangers learn nothing about it.
 */
export async function handleWebhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
	const mode = this.getMode();
	// A waiting node of this workflow registering (waits.ts): signed with its conversation's key,
	// derived from the desk's, so it needs neither Zenvia's secret nor an address on the allow-list
	// (it comes from n8n itself).
	const registration = headerText(this, REGISTRATION_HEADER);
	if (registration !== undefined) return await acceptRegistration(this, registration, processDesks);
	if (servesWaits(this)) ensureDesk(this, processDesks);
	const mark = headerText(this, RELAY_HEADER);
	const guarding = readGuardSettings(this);
	if (!guarding) return refuse(this, UNREADABLE_GUARD);
	const { refusal, secret } = await checkCaller(this, guarding, isTestListener(mode) ? mark : undefined);
	if (refusal) return refuse(this, refusal);

	const settings = readEventSettings(this);

	const reading = await readPayload(this);
	if ('refusal' in reading) return refuse(this, reading.refusal);
	const { payload } = reading;

	// Every event the caller may send goes on, whatever this trigger picks: the draft open in the
	// editor may pick other events. Not awaited: Zenvia's answer never waits for the relay.
	if (shouldRelay({ mode, enabled: settings.relayToTestListener, marked: mark !== undefined })) {
		startRelay(this, { payload, callerIp: callerIp(this, guarding.proxyHops), secret });
	}

	const event = classify(payload);
	if (event === UNKNOWN_EVENT && !settings.passUnknownStates) {
		return refuse(this, { status: 422, message: unknownEventMessage(payload) });
	}

	// An event an execution waits for resumes it and starts nothing; one that cannot reach its
	// waiter goes on as any other event. Zenvia is answered only then: an event is acknowledged once
	// n8n holds it (resumed, or an execution started), so one that meets n8n stopping gets no 200
	// and is posted again.
	const found = waiterFor(this, event, payload, processDesks);
	if (found.kind === 'waiter' && (await deliver(this, processDesks, found.conversation, found.waiter, toItem(event, payload)))) return {};

	if (!isPicked(event, settings.picked, settings.passUnknownStates) || !passesFilters(event, payload, settings.filters)) {
		// 200 so Zenvia does not retry, and no workflowData so no execution is started.
		return {};
	}

	const json = settings.rawBody ? payload : toItem(event, payload);
	const pass = waitPassFor(this, payload, processDesks);
	return { workflowData: [[pass ? { json, [WAIT_PASS_ENTRY]: pass } : { json }]] };
}

function headerText(context: IWebhookFunctions, name: string): string | undefined {
	const value = context.getHeaderData()[name];
	return typeof value === 'string' ? value : Array.isArray(value) ? value.join(',') : undefined;
}

/**
 * The IP allow-list, then the shared secret; gives the secret for signing a relay. A call the
 * published trigger relayed to this test listener carries no secret: its signature (made with a
 * key derived from the same secret, over this webhook, the caller's address and the body) stands
 * for it, and the allow-list is checked against the address the published trigger saw. A mark that
 * does not verify counts for nothing: the call is then checked as any other.
 */
async function checkCaller(
	context: IWebhookFunctions,
	guarding: GuardSettings,
	relayMark: string | undefined,
): Promise<{ refusal?: Refusal; secret?: string }> {
	if (relayMark !== undefined) {
		const secret = await expectedSecret(context);
		const claimedIp = headerText(context, RELAY_CALLER_HEADER) ?? '';
		const claims = { webhookId: context.getNode().webhookId ?? '', callerIp: claimedIp, body: await rawBodyBytes(context) };
		if (secret && verifyRelayMark(secret, relayMark, claims, Date.now())) {
			return { refusal: checkAllowListAddress(guarding.allowedIps, () => claimedIp), secret };
		}
	}
	const refusal = checkAllowList(context, guarding.allowedIps, guarding.proxyHops);
	if (refusal) return { refusal };
	const secret = await expectedSecret(context);
	return { refusal: checkSecret(context, secret), secret };
}

function unknownEventMessage(payload: EventPayload): string {
	const found =
		payload.state === undefined || payload.state === null
			? payload.type !== undefined && payload.type !== null
				? `the type ${JSON.stringify(payload.type).slice(0, 60)} is not one of ${BOT_TYPES.join(', ')}`
				: 'the event has neither a "state" nor a "message" object'
			: `the state ${JSON.stringify(payload.state).slice(0, 60)} is not one of ${STATES.join(', ')}`;
	return `Unknown event: ${found} (the trigger's "Pass Unknown States Through" option accepts it)`;
}
