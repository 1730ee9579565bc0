import { NodeOperationError } from 'n8n-workflow';
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { MAX_PAGE_SIZE } from '../../helpers/paginate';
import { limitField, readLimit, returnAllField } from '../common.descriptions';

/**
 * Fields the report operations share. Each operation picks the ones its endpoint documents and
 * places them in its own Filters / Options collections.
 */

/**
 * Return All and Limit of a paged report. The Reports API has no sort parameter and lists the
 * records oldest first (reports-api.md documents no order and no way to choose one), so a limit
 * keeps the first records: the field says which ones (`which`).
 */
export function pageFields(which: string): INodeProperties[] {
	return [
		returnAllField,
		{
			...limitField,
			typeOptions: { minValue: 1, maxValue: MAX_PAGE_SIZE },
			description: `Max number of results to return. Zenvia lists the oldest first and cannot sort newest first, so this returns ${which}.`,
		},
	];
}

const fromField: INodeProperties = {
	displayName: 'From',
	name: 'from',
	type: 'dateTime',
	default: '',
	description: 'Start of the period, in the chosen timezone. Without it, Zenvia Chat reports the last 30 days.',
};

const toField: INodeProperties = {
	displayName: 'To',
	name: 'to',
	type: 'dateTime',
	default: '',
	description: 'End of the period, in the chosen timezone. Without it, the period ends now.',
};

const timezoneField: INodeProperties = {
	displayName: 'Timezone Name or ID',
	name: 'timezone',
	type: 'options',
	typeOptions: { loadOptionsMethod: 'getTimezones' },
	default: '',
	description:
		'The time zone of the dates sent and the dates answered; the workflow\'s timezone unless you pick another. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
};

/** The period of a report, first on the form: From, To and the timezone they are read in. */
export const dateRangeFields: INodeProperties[] = [fromField, toField, timezoneField];

export const agentIdsField: INodeProperties = {
	displayName: 'Agent IDs',
	name: 'agents',
	type: 'string',
	default: '',
	placeholder: 'e.g. 101, 102',
	description: 'Only these agents, separated by commas',
};

export const departmentIdsField: INodeProperties = {
	displayName: 'Department IDs',
	name: 'departments',
	type: 'string',
	default: '',
	placeholder: 'e.g. 1, 2',
	description: 'Only these departments, separated by commas',
};

export const tagIdsField: INodeProperties = {
	displayName: 'Tag IDs',
	name: 'tags',
	type: 'string',
	default: '',
	placeholder: 'e.g. 1, 5',
	description: 'Only interactions with any of these tags, separated by commas',
};

/** Final states of a finished interaction: the document's examples plus missed and expired. */
export const finishedStatesField: INodeProperties = {
	displayName: 'States',
	name: 'states',
	type: 'multiOptions',
	default: [],
	description: 'Only interactions that ended in these states',
	options: [
		{ name: 'Canceled', value: 'CANCELED', description: 'Ended by the customer before it started' },
		{ name: 'Discarded', value: 'DISCARDED', description: 'Received by an agent but interrupted without messages' },
		{ name: 'Ended', value: 'ENDED', description: 'Messages exchanged and closed by the agent' },
		{ name: 'Expired', value: 'EXPIRED', description: 'Can no longer be answered' },
		{ name: 'Missed', value: 'MISSED', description: 'Inactive and closed by the agent' },
		{ name: 'Unavailable', value: 'UNAVAILABLE', description: 'No agent was available' },
	],
};

/** The document lists only NOT_ANSWER for ongoing states, so other values are typed in. */
export const ongoingStatesField: INodeProperties = {
	displayName: 'States',
	name: 'states',
	type: 'string',
	default: '',
	placeholder: 'e.g. NOT_ANSWER',
	description: 'Only interactions in these states, separated by commas (NOT_ANSWER is the waiting queue)',
};

export const channelTypesField: INodeProperties = {
	displayName: 'Channel Types',
	name: 'types',
	type: 'multiOptions',
	default: [],
	description: 'Only interactions on these channels',
	options: [
		{ name: 'Email', value: 'EMAIL' },
		{ name: 'Facebook', value: 'FACEBOOK' },
		{ name: 'Mercado Livre Post-Sale', value: 'MELI_MSG' },
		{ name: 'Mercado Livre Question', value: 'MELI_QST' },
		{ name: 'Phone', value: 'PHONE', description: 'Voice calls' },
		{ name: 'Phone Conference', value: 'PHONE_CONF', description: 'Voice call conferences' },
		{ name: 'SMS', value: 'SMS' },
		{ name: 'Telegram', value: 'TELEGRAM' },
		{ name: 'Web Chat', value: 'TEXT' },
		{ name: 'WhatsApp', value: 'WHATSAPP' },
	],
};

/** The Filters collection of a report operation, holding that operation's filter fields. */
export function filtersField(options: INodeProperties[]): INodeProperties {
	return { displayName: 'Filters', name: 'filters', type: 'collection', placeholder: 'Add Filter', default: {}, options };
}

/**
 * The shared Return All / Limit pair for a paged list: undefined means every record. A limit must
 * fit one page, as the API's own `limit` does.
 */
export function readPageLimit(this: IExecuteFunctions, itemIndex: number): number | undefined {
	const limit = readLimit.call(this, itemIndex);
	if (limit !== undefined && limit > MAX_PAGE_SIZE) {
		throw new NodeOperationError(this.getNode(), `Limit must be at most ${MAX_PAGE_SIZE}, got ${limit}`, {
			itemIndex,
			description: 'Turn on Return All to get every record.',
		});
	}
	return limit;
}
