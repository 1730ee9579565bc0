import type { IWebhookFunctions } from 'n8n-workflow';

import { WAIT_SINCE, resumeWebhook } from '../../../../../nodes/ZenviaChat/actions/waits/resume';
import { RESUMED_ANSWER } from '../../../../../nodes/ZenviaChat/helpers/waitDesk';
import { recordingResponse } from '../../../../helpers/webhookContext';
import type { RecordedResponse } from '../../../../helpers/webhookContext';

const EVENT = { item: { event: 'new_message', interactionHash: 'abc', content: 'Ana', contentType: 'text' } };

/** The waiting node's restart webhook as n8n calls it, with the execution's custom data. */
function resumeCall(querySince: string, carried: Record<string, string>) {
	const written: RecordedResponse = { ended: false };
	const response = recordingResponse(written);
	const context = {
		getBodyData: () => EVENT,
		getQueryData: () => ({ since: querySince }),
		getNodeParameter: () => 'sendAndWait',
		getNode: () => ({ type: 'n8n-nodes-zenvia-chat.zenviaChat' }),
		getResponseObject: () => response,
		customData: { get: (key: string) => carried[key] },
	} as unknown as IWebhookFunctions;
	return { context, written };
}

describe('the waiting node\'s resume webhook', () => {
	test('resumes the wait its URL was made for', async () => {
		const { context } = resumeCall('1000', { [WAIT_SINCE]: '1000' });
		const result = await resumeWebhook.call(context);
		expect(result.webhookResponse).toEqual({ status: RESUMED_ANSWER });
		expect(result.workflowData?.[0][0].json).toMatchObject({ outcome: 'reply', content: 'Ana' });
	});

	test('refuses an event for an earlier wait of the same node (the execution came back to it): 409, nothing resumed', async () => {
		// A dialog that asks again (a wrong CPF) waits at the same node with a new URL; a late or
		// repeated copy of the previous answer must not answer the new question.
		const { context, written } = resumeCall('1000', { [WAIT_SINCE]: '2000' });
		const result = await resumeWebhook.call(context);
		expect(result).toEqual({ noWebhookResponse: true });
		expect(written.status).toBe(409);
		expect(JSON.stringify(written.body)).toMatch(/earlier wait/);
	});
});
