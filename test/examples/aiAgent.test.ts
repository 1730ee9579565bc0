import { readFileSync } from 'fs';
import { join } from 'path';

// The AI Agent example cannot run here (it needs a chat model), so its Zenvia Chat tools must be
// the ones test/e2e/mcp-tool.test.js calls in a real n8n: same node type, operation, $fromAI
// arguments and description. Only the Ongoing page size differs.

interface WorkflowNode {
	name: string;
	type: string;
	parameters: Record<string, unknown>;
}
interface Workflow {
	nodes: WorkflowNode[];
	connections: Record<string, Record<string, Array<Array<{ node: string; type: string }>>>>;
}

const root = join(__dirname, '..', '..');
const read = (file: string) => JSON.parse(readFileSync(join(root, file), 'utf8')) as Workflow;
const example = read('examples/ai-agent-ongoing-interaction.json');
const proven = read('test/e2e/workflows/mcp-tool.json');

const tools = (workflow: Workflow) =>
	Object.fromEntries(
		workflow.nodes
			.filter((node) => node.type === 'n8n-nodes-zenvia-chat.zenviaChatTool')
			.map((node) => [node.name, { ...node.parameters, limit: undefined }]),
	);

describe('AI Agent example', () => {
	it('uses the Zenvia Chat tools that the MCP end-to-end test proves', () => {
		expect(Object.keys(tools(example)).sort()).toEqual(['Find Ongoing Interactions', 'Send Message']);
		expect(tools(example)).toEqual(tools(proven));
	});

	it('connects both tools and a chat model to the AI Agent', () => {
		const into = (from: string, type: string) => example.connections[from]?.[type]?.[0]?.[0]?.node;
		expect(into('Find Ongoing Interactions', 'ai_tool')).toBe('AI Agent');
		expect(into('Send Message', 'ai_tool')).toBe('AI Agent');
		expect(into('OpenAI Chat Model', 'ai_languageModel')).toBe('AI Agent');
		expect(into('When Chat Message Received', 'main')).toBe('AI Agent');
	});
});
