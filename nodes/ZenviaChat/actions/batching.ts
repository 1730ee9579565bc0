import { NodeOperationError } from 'n8n-workflow';
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { requirePositiveInteger } from '../helpers/validation';

/**
 * Twenty requests in flight keep a 1,000-item send close to n8n's HTTP Request node (which sends
 * every item at once) while staying far below the connections a rate-limited API tolerates; the
 * execution's limiter lowers it further when Zenvia answers 429.
 */
export const DEFAULT_REQUESTS_IN_FLIGHT = 20;
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
