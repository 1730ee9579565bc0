import { NodeOperationError } from 'n8n-workflow';
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { requirePositiveInteger } from '../helpers/validation';

/**
 * The ceiling, not the guard against Zenvia's rate limit: that is the execution's limiter, which on
 * a 429 pauses every request for Retry-After, halves the requests in flight and paces a little below
 * the rate that got through (a refused request is sent again, never lost or doubled). What the
 * ceiling decides is the pace where nothing is refused: at most N requests per round trip. Twenty
 * capped a 1,000-item send at 20 ms latency below n8n's own pace (1.25 times HTTP Request's time,
 * which sends every item at once); fifty lifts the cap (2,500 requests/s at 20 ms, 500 at 100 ms)
 * while a first overshoot of an unknown limit refuses at most fifty requests, still far from the
 * hundreds of parallel connections that get a client blocked.
 */
export const DEFAULT_REQUESTS_IN_FLIGHT = 50;
const MAX_REQUESTS_IN_FLIGHT = 100;

/** An entry of each per-item operation's Options collection (see operationOptions). */
export const requestsInFlightOption: INodeProperties = {
	displayName: 'Requests in Flight',
	name: 'requestsInFlight',
	type: 'number',
	// Read once per execution, so it cannot depend on the item.
	noDataExpression: true,
	typeOptions: { minValue: 1, maxValue: MAX_REQUESTS_IN_FLIGHT },
	default: DEFAULT_REQUESTS_IN_FLIGHT,
	description:
		'How many input items are sent to Zenvia at the same time. Items for the same interaction or the same WhatsApp customer always go one after the other, in input order. Set 1 to send every item in turn.',
};

/** Read once per execution, from item 0: the limiter is shared by every item. */
export function readRequestsInFlight(this: IExecuteFunctions): number {
	const { requestsInFlight = DEFAULT_REQUESTS_IN_FLIGHT } = this.getNodeParameter('options', 0, {}) as { requestsInFlight?: unknown };
	const value = requirePositiveInteger(this.getNode(), 0, 'Requests in Flight', requestsInFlight);
	if (value > MAX_REQUESTS_IN_FLIGHT) {
		throw new NodeOperationError(this.getNode(), `Requests in Flight must be at most ${MAX_REQUESTS_IN_FLIGHT}, got ${value}`);
	}
	return value;
}
