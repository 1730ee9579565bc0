import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { conversationKey } from '../../helpers/waitDesk';
import type { ItemRun } from '../../transport';
import { operationOptions, readInteractionHash } from '../common.descriptions';
import { APPROVE_QUERY, approveWhenField, isHumanReviewGate, readApproveWhen, readGateMessage, responseTypeField } from '../waits/approval';
import { waitLimitField, readWaitLimitMs } from '../waits/fields';
import { REPLY_EVENTS } from '../waits/outcome';
import { registerWait, waitUntil } from '../waits/register';
import { botRequest } from './request';
import * as sendMessage from './sendMessage.operation';

/** As n8n's Human-review gate the question is n8n's Message parameter, a text: these are not shown. */
const NOT_IN_GATE = ['messageType', 'content', 'url', 'attachmentSize'];

export const description = updateDisplayOptions({ show: { resource: ['bot'], operation: ['sendAndWait'] } }, [
	responseTypeField,
	...sendMessage.messageFields.map((field) =>
		NOT_IN_GATE.includes(field.name)
			? { ...field, displayOptions: { ...field.displayOptions, hide: { ...field.displayOptions?.hide, responseType: ['approval'] } } }
			: field,
	),
	waitLimitField,
	approveWhenField,
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
	// As n8n's Human-review gate: ask the gate's Message, and the resume tells whether it approves.
	const gate = isHumanReviewGate(this.getNode().type);
	const approving = gate ? readApproveWhen.call(this, itemIndex) : undefined;
	const question = gate ? readGateMessage.call(this, itemIndex) : undefined;
	const { until } = await registerWait.call(this, {
		itemIndex,
		conversation: conversationKey('interaction', hash),
		events: REPLY_EVENTS,
		limitMs,
		sendAndWait: true,
		query: approving ? { [APPROVE_QUERY]: JSON.stringify(approving) } : undefined,
	});
	if (question === undefined) await sendMessage.execute.call(this, run);
	else await botRequest.call(this, run, 'POST', 'message', { content: question, content_type: 'text' });
	// The limit rejects the gated tool call: no reply is no approval.
	return await waitUntil.call(this, until, gate ? { interactionHash: hash, approved: false } : { interactionHash: hash }, 'noReply', limitMs);
}
