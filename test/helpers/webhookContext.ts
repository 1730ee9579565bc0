import { WebhookContext } from 'n8n-core';
import { Workflow } from 'n8n-workflow';
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	INode,
	INodeParameters,
	INodeType,
	INodeTypes,
	IWebhookData,
	IWebhookResponseData,
	IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';

import { ZenviaChatTrigger } from '../../nodes/ZenviaChatTrigger/ZenviaChatTrigger.node';
import { TestCredentialsHelper } from './credentialsHelper';

/**
 * Calls the Zenvia Chat Trigger's `webhook()` through n8n-core's real WebhookContext (so node
 * parameters get their defaults and are read as in n8n), with a hand-made request in the state
 * n8n's body parser leaves it and a response that records what the node wrote.
 */
export interface WebhookCall {
	parameters: INodeParameters;
	/** What n8n's body parser left in `req.body`: an object for JSON, a string for text/plain. */
	body?: unknown;
	/** The bytes as sent; n8n has always read them by the time `webhook()` runs. */
	rawBody?: string;
	headers?: Record<string, string>;
	query?: Record<string, string>;
	/** The socket's remote address. */
	ip?: string;
	/** Leave the bytes unread, to be read through `req.readRawBody()`. */
	rawBodyUnread?: boolean;
	/** The data of a `zenviaChatWebhookApi` credential attached to the node; none when unset. */
	webhookCredential?: ICredentialDataDecryptedObject;
	/** n8n's execution mode of the call: `webhook` for a published workflow's Production URL. */
	mode?: 'trigger' | 'webhook' | 'manual';
}

export interface RecordedResponse {
	status?: number;
	body?: unknown;
	ended: boolean;
}

export interface WebhookOutcome {
	result: IWebhookResponseData;
	response: RecordedResponse;
	/** The json of each item the node would start the workflow with; undefined when none. */
	items?: unknown[];
	/** The workflow's static data (global) after the call. */
	staticData: IDataObject;
}

/** A request as n8n hands it over after parsing an `application/json` body. */
export function jsonCall(payload: unknown, parameters: INodeParameters, extra: Partial<WebhookCall> = {}): WebhookCall {
	return { parameters, body: payload, rawBody: JSON.stringify(payload), ...extra };
}

const nodeTypes: INodeTypes = {
	getByName: () => new ZenviaChatTrigger() as INodeType,
	getByNameAndVersion: () => new ZenviaChatTrigger() as INodeType,
	getKnownTypes: () => ({}),
};

let workflowCount = 0;

/** A response object that keeps what a node writes to it. */
export function recordingResponse(recorded: RecordedResponse) {
	const response = {
		status(code: number) {
			recorded.status = code;
			return response;
		},
		json(body: unknown) {
			recorded.body = body;
			recorded.ended = true;
			return response;
		},
		send(body: unknown) {
			return response.json(body);
		},
		end() {
			recorded.ended = true;
			return response;
		},
	};
	return response;
}

export async function callWebhook(call: WebhookCall): Promise<WebhookOutcome> {
	const node: INode = {
		id: 'zenvia-chat-trigger',
		name: 'Zenvia Chat Trigger',
		type: 'n8n-nodes-zenvia-chat.zenviaChatTrigger',
		typeVersion: 2,
		position: [0, 0],
		webhookId: '6f1c2a3e-0000-4000-8000-000000000006',
		parameters: call.parameters,
		...(call.webhookCredential && {
			credentials: { zenviaChatWebhookApi: { id: 'webhook-secret', name: 'Zenvia Chat Webhook API' } },
		}),
	};
	// The Workflow fills in the defaults of unset parameters, as n8n does for a saved workflow.
	// A workflow of its own per call: the trigger keeps its newest wait desk per workflow and process.
	const workflow = new Workflow({ id: `trigger-test-${++workflowCount}`, nodes: [node], connections: {}, active: true, nodeTypes });
	const recorded: RecordedResponse = { ended: false };
	const bytes = Buffer.from(call.rawBody ?? '');
	const request = {
		body: call.body,
		rawBody: call.rawBodyUnread ? undefined : bytes,
		async readRawBody() {
			request.rawBody = bytes;
		},
		headers: call.headers ?? {},
		query: call.query ?? {},
		params: {},
		socket: { remoteAddress: call.ip ?? '127.0.0.1' },
	};
	const additionalData = {
		httpRequest: request,
		httpResponse: recordingResponse(recorded),
		credentialsHelper: new TestCredentialsHelper(call.webhookCredential ?? {}),
		webhookBaseUrl: 'http://127.0.0.1:5678/webhook',
	} as unknown as IWorkflowExecuteAdditionalData;
	const webhookData = {
		httpMethod: 'POST',
		node: node.name,
		path: 'zenvia-chat',
		webhookDescription: new ZenviaChatTrigger().description.webhooks![0],
		workflowId: workflow.id,
	} as unknown as IWebhookData;

	const context = new WebhookContext(workflow, workflow.getNode(node.name)!, additionalData, call.mode ?? 'trigger', webhookData, [], null);
	const result = await new ZenviaChatTrigger().webhook.call(context);
	const items = result.workflowData?.[0]?.map((item) => item.json);
	return { result, response: recorded, items, staticData: workflow.getStaticData('global', node) };
}
