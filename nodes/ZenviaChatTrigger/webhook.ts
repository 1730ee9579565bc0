import type { IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import { BOT_TYPES, STATES, UNKNOWN_EVENT, classify } from './events';
import type { EventPayload } from './events';
import { isPicked, passesFilters } from './filters';
import { toItem } from './output';
import { readPayload } from './payload';
import { refuse } from './refusal';
import type { Refusal } from './refusal';
import { checkAllowList, checkSecret, expectedSecret } from './security';
import { readEventSettings, readGuardSettings } from './settings';

const UNREADABLE_GUARD: Refusal = {
	status: 403,
	message: 'The trigger\'s IP allow-list or trusted proxies setting cannot be read; every caller is refused until it is fixed',
};

/**
 * One POST from Zenvia: refused (4xx, no execution), dropped (200, no execution) or turned into
 * one item. The caller is checked before the body is read, so strangers learn nothing about it.
 */
export async function handleWebhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
	const guarding = readGuardSettings(this);
	const guard =
		(guarding ? checkAllowList(this, guarding.allowedIps, guarding.proxyHops) : UNREADABLE_GUARD) ??
		checkSecret(this, await expectedSecret(this));
	if (guard) return refuse(this, guard);

	const settings = readEventSettings(this);

	const reading = await readPayload(this);
	if ('refusal' in reading) return refuse(this, reading.refusal);
	const { payload } = reading;

	const event = classify(payload);
	if (event === UNKNOWN_EVENT && !settings.passUnknownStates) {
		return refuse(this, { status: 422, message: unknownEventMessage(payload) });
	}

	if (!isPicked(event, settings.picked, settings.passUnknownStates) || !passesFilters(event, payload, settings.filters)) {
		// 200 so Zenvia does not retry, and no workflowData so no execution is started.
		return {};
	}

	const json = settings.rawBody ? payload : toItem(event, payload);
	return { workflowData: [this.helpers.returnJsonArray(json)] };
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
