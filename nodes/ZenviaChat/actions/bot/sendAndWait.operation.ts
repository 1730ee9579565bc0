import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { conversationKey } from '../../helpers/waitDesk';
import type { ItemRun } from '../../transport';
import { operationOptions, readInteractionHash } from '../common.descriptions';
import { waitLimitField, readWaitLimitMs } from '../waits/fields';
import { REPLY_EVENTS } from '../waits/outcome';
import { registerWait, waitUntil } from '../waits/register';
import * as sendMessage from './sendMessage.operation';

export const description = updateDisplayOptions({ show: { resource: ['bot'], operation: ['sendAndWait'] } }, [
	...sendMessage.messageFields,
	waitLimitField,
	operationOptions(),
]);

/**
 * Sends the message as Bot > Send Message does, then the execution waits for the customer's next
 * message in the interaction (new_message), the customer leaving (finished_interaction) or the
 * wait limit; it goes on with { outcome: reply | customerLeft | noReply, ... }. The wait is
 * registered before the message is sent, so an answer within milliseconds finds it.
 */
export async function execute(this: IExecuteFunctions, run: ItemRun): Promise<IDataObject> {
	const { itemIndex } = run;
	if (this.getInputData().length !== 1) {
		throw new NodeOperationError(this.getNode(), 'Send and Wait for Reply takes one input item: an execution waits for one conversation', {
			itemIndex,
			description: `It got ${this.getInputData().length}. Keep one item before this node (e.g. with a Limit node), or start one execution per conversation.`,
		});
	}
	const hash = readInteractionHash.call(this, run);
	const limitMs = readWaitLimitMs.call(this, itemIndex);
	const { until } = await registerWait.call(this, {
		itemIndex,
		conversation: conversationKey('interaction', hash),
		events: REPLY_EVENTS,
		limitMs,
		sendAndWait: true,
	});
	await sendMessage.execute.call(this, run);
	return await waitUntil.call(this, until, { interactionHash: hash }, 'noReply', limitMs);
}
