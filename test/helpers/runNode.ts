import { ExecutionLifecycleHooks, WorkflowExecute } from 'n8n-core';
import { Workflow } from 'n8n-workflow';
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	INode,
	INodeExecutionData,
	INodeParameters,
	INodeType,
	INodeTypes,
	IRun,
	IRunExecutionData,
	IWorkflowBase,
	IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';

import { ZenviaChat } from '../../nodes/ZenviaChat/ZenviaChat.node';
import { TestCredentialsHelper } from './credentialsHelper';

/** The Chat API token (Integrations > API) the test emulator accepts. */
export const TEST_TOKEN = 'emulator-token-0123456789';
/** The ClientSDK token (Integrations > ClientSDK) the test emulator accepts. */
export const TEST_CLIENT_SDK_TOKEN = 'emulator-clientsdk-9876543210';
const NODE_TYPE = 'n8n-nodes-zenvia-chat.zenviaChat';

export interface RunNodeOptions {
	parameters: INodeParameters;
	items?: IDataObject[];
	credentials?: ICredentialDataDecryptedObject;
	continueOnFail?: boolean;
	/** The workflow's time zone (its settings); n8n's default otherwise. */
	timezone?: string;
}

export interface RunNodeResult {
	items: INodeExecutionData[];
	error?: Error & { description?: string; httpCode?: string | null; context?: IDataObject };
	/** How many times the run decrypted the credential. */
	decryptions: number;
}

const nodeTypes: INodeTypes = {
	getByName: () => new ZenviaChat() as INodeType,
	getByNameAndVersion: () => new ZenviaChat() as INodeType,
	getKnownTypes: () => ({}),
};

export function testCredentials(overrides: ICredentialDataDecryptedObject = {}): ICredentialDataDecryptedObject {
	return { chatApiToken: TEST_TOKEN, clientSdkToken: TEST_CLIENT_SDK_TOKEN, environment: 'production', ...overrides };
}

/**
 * Runs the Zenvia Chat node alone through n8n-core's WorkflowExecute: parameters are resolved,
 * expressions evaluated and requests sent by n8n's own HTTP helpers, as in a real execution.
 */
export async function runNode(options: RunNodeOptions): Promise<RunNodeResult> {
	const node: INode = {
		id: 'zenvia-chat',
		name: 'Zenvia Chat',
		type: NODE_TYPE,
		typeVersion: 1,
		position: [0, 0],
		parameters: options.parameters,
		credentials: { zenviaChatApi: { id: '1', name: 'Zenvia Chat account' } },
		onError: options.continueOnFail ? 'continueRegularOutput' : 'stopWorkflow',
	};
	const workflowData = { id: 'test', name: 'test', nodes: [node], connections: {}, active: false } as unknown as IWorkflowBase;
	const settings = options.timezone ? { timezone: options.timezone } : {};
	const workflow = new Workflow({ id: 'test', nodes: [node], connections: {}, active: false, nodeTypes, settings });

	const credentialsHelper = new TestCredentialsHelper(testCredentials(options.credentials));
	const hooks = new ExecutionLifecycleHooks('manual', '1', workflowData);
	const finished = new Promise<IRun>((resolve) => hooks.addHandler('workflowExecuteAfter', resolve));
	const additionalData = {
		executionId: '1',
		hooks,
		credentialsHelper,
		currentNodeParameters: undefined,
		restApiUrl: 'http://localhost/rest',
		instanceBaseUrl: 'http://localhost/',
		webhookBaseUrl: 'http://localhost/webhook',
		webhookWaitingBaseUrl: 'http://localhost/webhook-waiting',
		webhookTestBaseUrl: 'http://localhost/webhook-test',
		formWaitingBaseUrl: 'http://localhost/form-waiting',
		variables: {},
		userId: 'test',
		setExecutionStatus: () => {},
		sendDataToUI: () => {},
		executeWorkflow: async () => ({ data: [], executionId: '2' }),
		getRunExecutionData: async () => undefined,
		logAiEvent: () => {},
		startRunnerTask: async () => ({ ok: false }),
	} as unknown as IWorkflowExecuteAdditionalData;

	const input = (options.items ?? [{}]).map((json) => ({ json }));
	const runData: IRunExecutionData = {
		resultData: { runData: {} },
		executionData: {
			contextData: {},
			metadata: {},
			nodeExecutionStack: [{ node, data: { main: [input] }, source: null }],
			waitingExecution: {},
			waitingExecutionSource: {},
		},
	} as unknown as IRunExecutionData;

	try {
		await new WorkflowExecute(additionalData, 'manual', runData).processRunExecutionData(workflow);
	} catch (error) {
		// n8n refuses to start a workflow whose parameters fail their declared validation.
		return { items: [], error: error as RunNodeResult['error'], decryptions: credentialsHelper.decryptions };
	}
	const run = await finished;
	const task = run.data.resultData.runData[node.name]?.[0];
	const error = (task?.error ?? run.data.resultData.error) as RunNodeResult['error'];
	return { items: task?.data?.main?.[0] ?? [], error, decryptions: credentialsHelper.decryptions };
}
