import { WebhookContext } from 'n8n-core';
import { Workflow } from 'n8n-workflow';
import type {
	ICredentialDataDecryptedObject,
	IHttpRequestOptions,
	INode,
	INodeParameters,
	INodeType,
	INodeTypes,
	IWebhookData,
	IWebhookResponseData,
	IWorkflowExecuteAdditionalData,
	WorkflowExecuteMode,
} from 'n8n-workflow';

import { ZenviaChatTrigger } from '../../../nodes/ZenviaChatTrigger/ZenviaChatTrigger.node';
import { TestCredentialsHelper } from '../../helpers/credentialsHelper';

/**
 * The trigger's webhook() in a chosen n8n execution mode ("webhook" for a published workflow,
 * "manual" for the editor's test listener), through n8n-core's real WebhookContext, with the
 * outgoing relay request captured instead of sent and the log recorded.
 */
export const WEBHOOK_ID = '6f1c2a3e-0000-4000-8000-00000000re1a';
export const WEBHOOK_BASE_URL = 'https://n8n.example.com/webhook';
export const PRODUCTION_URL = `${WEBHOOK_BASE_URL}/${WEBHOOK_ID}/zenvia-chat`;
export const TEST_URL = `https://n8n.example.com/webhook-test/${WEBHOOK_ID}/zenvia-chat`;

export interface RelayCall {
	mode: WorkflowExecuteMode;
	parameters: INodeParameters;
	/** Sent as JSON, as Zenvia does: n8n leaves the object in req.body and the bytes in req.rawBody. */
	payload?: unknown;
	/** Bytes that differ from the payload (a tampered body). */
	rawBody?: string;
	headers?: Record<string, string>;
	query?: Record<string, string>;
	ip?: string;
	webhookCredential?: ICredentialDataDecryptedObject;
	/** What the relay request does: answers with this status, fails with this error, or never ends. */
	relayAnswer?: { status: number } | { error: Error } | 'never';
}

export interface RelayOutcome {
	result: IWebhookResponseData;
	status?: number;
	body?: unknown;
	items?: unknown[];
	/** The requests the trigger sent to the test listener. */
	relayed: IHttpRequestOptions[];
	/** Resolves once the relay's answer (or failure) has been handled. */
	relaySettled: Promise<void>;
	log: Array<{ level: string; message: string }>;
}

const nodeTypes: INodeTypes = {
	getByName: () => new ZenviaChatTrigger() as INodeType,
	getByNameAndVersion: () => new ZenviaChatTrigger() as INodeType,
	getKnownTypes: () => ({}),
};

export async function callInMode(call: RelayCall): Promise<RelayOutcome> {
	const node: INode = {
		id: 'zenvia-chat-trigger',
		name: 'Zenvia Chat Trigger',
		type: 'n8n-nodes-zenvia-chat.zenviaChatTrigger',
		typeVersion: 2,
		position: [0, 0],
		webhookId: WEBHOOK_ID,
		parameters: call.parameters,
		...(call.webhookCredential && {
			credentials: { zenviaChatWebhookApi: { id: 'webhook-secret', name: 'Zenvia Chat Webhook API' } },
		}),
	};
	const workflow = new Workflow({ id: 'relay-test', nodes: [node], connections: {}, active: true, nodeTypes });
	const recorded: { status?: number; body?: unknown } = {};
	const response = {
		status(code: number) {
			recorded.status = code;
			return response;
		},
		json(body: unknown) {
			recorded.body = body;
			return response;
		},
	};
	const bytes = Buffer.from(call.rawBody ?? JSON.stringify(call.payload ?? {}));
	const request = {
		body: call.payload,
		rawBody: bytes,
		headers: call.headers ?? {},
		query: call.query ?? {},
		params: {},
		socket: { remoteAddress: call.ip ?? '127.0.0.1' },
	};
	const additionalData = {
		httpRequest: request,
		httpResponse: response,
		webhookBaseUrl: WEBHOOK_BASE_URL,
		credentialsHelper: new TestCredentialsHelper(call.webhookCredential ?? {}),
	} as unknown as IWorkflowExecuteAdditionalData;
	const webhookData = {
		httpMethod: 'POST',
		node: node.name,
		path: 'zenvia-chat',
		webhookDescription: new ZenviaChatTrigger().description.webhooks![0],
		workflowId: workflow.id,
	} as unknown as IWebhookData;

	const context = new WebhookContext(workflow, workflow.getNode(node.name)!, additionalData, call.mode, webhookData, [], null);
	const log: RelayOutcome['log'] = [];
	const logger = Object.fromEntries(
		['error', 'warn', 'info', 'debug'].map((level) => [level, (message: string) => log.push({ level, message })]),
	);
	Object.defineProperty(context, 'logger', { value: logger });

	const relayed: IHttpRequestOptions[] = [];
	let settle: () => void = () => undefined;
	const relaySettled = new Promise<void>((resolve) => (settle = resolve));
	const answer = call.relayAnswer ?? { status: 200 };
	context.helpers.httpRequest = async (options: IHttpRequestOptions) => {
		relayed.push(options);
		// The trigger handles the answer in the next ticks; settle after that.
		const handled = () => new Promise<void>((resolve) => setImmediate(() => resolve())).then(settle);
		if (answer === 'never') return await new Promise(() => undefined);
		if ('error' in answer) {
			void handled();
			throw answer.error;
		}
		void handled();
		return { statusCode: answer.status, body: {}, headers: {} };
	};

	const result = await new ZenviaChatTrigger().webhook.call(context);
	if (relayed.length === 0) settle();
	return {
		result,
		...recorded,
		items: result.workflowData?.[0]?.map((item) => item.json),
		relayed,
		relaySettled,
		log,
	};
}
