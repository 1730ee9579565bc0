import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { EVENTS } from '../../../ZenviaChatTrigger/events';
import { conversationKey } from '../../helpers/waitDesk';
import type { ItemRun } from '../../transport';
import { interactionHashField, operationOptions, readInteractionHash } from '../common.descriptions';
import { customerExternalIdField, readCustomerExternalId } from '../whatsapp/customerExternalId';
import { readWaitLimitMs, waitLimitField } from '../waits/fields';
import { registerWait, waitUntil } from '../waits/register';

/** The Chat API and WhatsApp API v1 events of one interaction (the bot's own events have Bot > Send and Wait for Reply). */
const INTERACTION_EVENTS = EVENTS.filter((event) => !event.value.startsWith('new_') && event.value !== 'finished_interaction');

const properties: INodeProperties[] = [
	{
		displayName: 'Wait For',
		name: 'waitBy',
		type: 'options',
		default: 'interaction',
		options: [
			{ name: 'Interaction (Chat API)', value: 'interaction', description: 'Events of one interaction, by its hash' },
			{
				name: 'WhatsApp Customer (by External ID)',
				value: 'externalId',
				description: 'Events of the WhatsApp API v1 conversation of one customer your integration started, by its external ID',
			},
		],
	},
	{ ...interactionHashField, displayOptions: { show: { waitBy: ['interaction'] } } },
	{ ...customerExternalIdField, displayOptions: { show: { waitBy: ['externalId'] } } },
	{
		displayName: 'Events',
		name: 'waitEvents',
		type: 'multiOptions',
		required: true,
		default: ['finished'],
		options: INTERACTION_EVENTS.map(({ name, value, description }) => ({ name, value, description })),
		description: 'The events of this interaction that end the wait. Zenvia must post them to a Zenvia Chat Trigger of this workflow.',
	},
	waitLimitField,
	operationOptions(),
];

export const description = updateDisplayOptions({ show: { resource: ['interaction'], operation: ['waitForEvent'] } }, properties);

function readWaitEvents(this: IExecuteFunctions, itemIndex: number): string[] {
	const given = this.getNodeParameter('waitEvents', itemIndex, []) as unknown;
	const events = (Array.isArray(given) ? given : String(given ?? '').split(',')).map((event) => String(event).trim()).filter(Boolean);
	const known = INTERACTION_EVENTS.map((event) => event.value as string);
	const unknown = events.filter((event) => !known.includes(event));
	if (events.length === 0 || unknown.length > 0) {
		throw new NodeOperationError(
			this.getNode(),
			events.length === 0 ? 'Events: pick at least one event to wait for' : `Events: ${unknown.join(', ')} is not one of ${known.join(', ')}`,
			{ itemIndex },
		);
	}
	return events;
}

/**
 * The execution waits until the interaction (or the WhatsApp API v1 customer's conversation) gets one of the picked events (delivered by the
 * workflow's Zenvia Chat Trigger) or the wait limit: { outcome: event | timeout, ... }.
 */
export async function execute(this: IExecuteFunctions, run: ItemRun): Promise<IDataObject> {
	const { itemIndex } = run;
	if (this.getInputData().length !== 1) {
		throw new NodeOperationError(this.getNode(), 'Wait for Event takes one input item: an execution waits for one interaction', { itemIndex });
	}
	const byCustomer = this.getNodeParameter('waitBy', itemIndex, 'interaction') === 'externalId';
	const id = byCustomer ? readCustomerExternalId.call(this, run) : readInteractionHash.call(this, run);
	const events = readWaitEvents.call(this, itemIndex);
	const limitMs = readWaitLimitMs.call(this, itemIndex);
	const conversation = conversationKey(byCustomer ? 'externalId' : 'interaction', id);
	const { until } = await registerWait.call(this, { itemIndex, conversation, events, limitMs, sendAndWait: false });
	return await waitUntil.call(this, until, byCustomer ? { externalId: id } : { interactionHash: id }, 'timeout', limitMs);
}
