import { readFileSync } from 'fs';
import { join } from 'path';

// The examples that wait, read as workflows: every wait is branched on its documented `outcome`,
// the CPF check is right, the AI bot's memory is keyed by the interaction hash. test/e2e/bot.test.js
// and test/e2e/crm-wait-example.test.js run them in a real n8n.

interface WorkflowNode {
	name: string;
	type: string;
	parameters: Record<string, unknown>;
}
interface Connection {
	node: string;
	type: string;
}
interface Workflow {
	nodes: WorkflowNode[];
	connections: Record<string, Record<string, Connection[][]>>;
}

const read = (file: string) => JSON.parse(readFileSync(join(__dirname, '..', '..', 'examples', file), 'utf8')) as Workflow;
const node = (workflow: Workflow, name: string) => {
	const found = workflow.nodes.find((candidate) => candidate.name === name);
	if (!found) throw new Error(`no node ${name}`);
	return found;
};
/** The nodes each main output of a node leads to, by output. */
const outputs = (workflow: Workflow, name: string) => (workflow.connections[name]?.main ?? []).map((targets) => targets.map((target) => target.node));
const zenviaNodes = (workflow: Workflow, operation: string) =>
	workflow.nodes.filter((candidate) => candidate.type === 'n8n-nodes-zenvia-chat.zenviaChat' && candidate.parameters.operation === operation);

/** The values a Switch compares `{{ $json.outcome }}` with, per output, and the outputs' names. */
function outcomeRules(switchNode: WorkflowNode) {
	expect(switchNode.type).toBe('n8n-nodes-base.switch');
	const rules = (switchNode.parameters.rules as { values: Array<{ outputKey: string; conditions: { conditions: Array<{ leftValue: string; rightValue: string }> } }> }).values;
	return rules.map((rule) => {
		const [condition] = rule.conditions.conditions;
		expect(condition.leftValue).toBe('={{ $json.outcome }}');
		return condition.rightValue;
	});
}

describe('bot-decision-tree.json', () => {
	const workflow = read('bot-decision-tree.json');

	it('starts only on a new interaction: the answers reach the waiting execution', () => {
		const trigger = workflow.nodes.find((candidate) => candidate.type === 'n8n-nodes-zenvia-chat.zenviaChatTrigger');
		expect(trigger?.parameters.events).toEqual(['new_interaction']);
	});

	it('branches every Send and Wait for Reply on reply, customerLeft and noReply', () => {
		const asks = zenviaNodes(workflow, 'sendAndWait');
		expect(asks.map((ask) => ask.name).sort()).toEqual(['Ask CPF', 'Ask CPF Again', 'Ask Name', 'Ask Order Number']);
		for (const ask of asks) {
			const [[next]] = outputs(workflow, ask.name);
			const switchNode = node(workflow, next);
			expect([ask.name, outcomeRules(switchNode)]).toEqual([ask.name, ['reply', 'customerLeft', 'noReply']]);
			const [, customerLeft, noReply] = outputs(workflow, switchNode.name);
			// A customer who left gets nothing more; no reply says goodbye and finishes the chat.
			expect(customerLeft ?? []).toEqual([]);
			expect(noReply).toEqual(['Say Goodbye']);
		}
		expect(outputs(workflow, 'Say Goodbye')).toEqual([['Finish Chat']]);
	});

	it('asks for the CPF again when the check fails, and goes on to the order when it passes', () => {
		expect(outputs(workflow, 'CPF Answer')[0]).toEqual(['Check CPF']);
		expect(outputs(workflow, 'Check CPF')).toEqual([['CPF Valid?']]);
		expect(outputs(workflow, 'CPF Valid?')).toEqual([['Ask Order Number'], ['Ask CPF Again']]);
		expect(outputs(workflow, 'Ask CPF Again')).toEqual([['CPF Answer']]);
		expect(outputs(workflow, 'Order Answer')[0]).toEqual(['Note For The Team']);
		expect(outputs(workflow, 'Note For The Team')).toEqual([['Transfer To Sales']]);
	});

	describe('Check CPF', () => {
		const code = String(node(workflow, 'Check CPF').parameters.jsCode);
		// The Code node's body, run as n8n runs it once per item: $json in, { json } out.
		const check = (content: string) => (new Function('$json', code) as ($json: unknown) => { json: { cpf: string; cpfValid: boolean } })({ content }).json;

		it.each([
			['529.982.247-25', '52998224725'],
			['52998224725', '52998224725'],
			[' 111.444.777-35 ', '11144477735'],
			['123.456.789-09', '12345678909'],
		])('takes %p as %p', (given, digits) => {
			expect(check(given)).toEqual({ content: given, cpf: digits, cpfValid: true });
		});

		it.each(['123.456.789-00', '529.982.247-52', '111.111.111-11', '5299822472', '529982247250', '', 'my CPF'])('refuses %p', (given) => {
			expect(check(given).cpfValid).toBe(false);
		});
	});
});

describe('bot-ai-agent.json', () => {
	const workflow = read('bot-ai-agent.json');

	it('gives the AI Agent a memory keyed by the interaction hash', () => {
		const memory = node(workflow, 'Conversation Memory');
		expect(memory.type).toBe('@n8n/n8n-nodes-langchain.memoryBufferWindow');
		expect(memory.parameters).toMatchObject({ sessionIdType: 'customKey', sessionKey: '={{ $json.interactionHash }}' });
		expect(workflow.connections['Conversation Memory']).toEqual({ ai_memory: [[{ node: 'AI Agent', type: 'ai_memory', index: 0 }]] });
	});
});

describe('crm-start-and-wait.json', () => {
	const workflow = read('crm-start-and-wait.json');

	it('is one line: the CRM call, Start, the first message, Wait for Event (finished), then the CRM update', () => {
		expect(outputs(workflow, 'New CRM Case')).toEqual([['Start Interaction']]);
		expect(outputs(workflow, 'Start Interaction')).toEqual([['Send First Message']]);
		expect(outputs(workflow, 'Send First Message')).toEqual([['Wait Until Finished']]);
		expect(node(workflow, 'Wait Until Finished').parameters).toMatchObject({ operation: 'waitForEvent', waitEvents: ['finished'] });
		expect(outputs(workflow, 'Wait Until Finished')).toEqual([['Finished?']]);
		expect(outcomeRules(node(workflow, 'Finished?'))).toEqual(['event', 'timeout']);
		expect(outputs(workflow, 'Finished?')[0]).toEqual(['Update CRM Record']);
	});

	it('updates the CRM from the trigger too, for a CRM interaction that no execution waits for', () => {
		expect(node(workflow, 'Zenvia Events').parameters).toEqual({ events: ['finished'], filters: { extraMatch: 'crmId' } });
		expect(outputs(workflow, 'Zenvia Events')).toEqual([['Update CRM Record']]);
	});
});
