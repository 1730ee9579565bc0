import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';

// Every example explains itself on its canvas and names the one credential the examples share.

interface WorkflowNode {
	name: string;
	type: string;
	position: [number, number];
	parameters: Record<string, unknown>;
	credentials?: Record<string, { id: string | null; name: string }>;
}

const folder = join(__dirname, '..', '..', 'examples');
const examples = readdirSync(folder)
	.filter((file) => file.endsWith('.json'))
	.map((file) => ({ file, nodes: (JSON.parse(readFileSync(join(folder, file), 'utf8')) as { nodes: WorkflowNode[] }).nodes }));

describe.each(examples.map(({ file, nodes }) => [file, nodes] as const))('%s', (_file, nodes) => {
	it('opens with a sticky note saying what it does and what to set', () => {
		const notes = nodes.filter((node) => node.type === 'n8n-nodes-base.stickyNote');
		expect(notes.length).toBeGreaterThanOrEqual(1);
		const content = String(notes[0].parameters.content);
		expect(content).toMatch(/^## \S/);
		expect(content).toContain('### What to set');
	});

	it('selects the examples\' Zenvia Chat credential in every Zenvia Chat node and tool', () => {
		for (const node of nodes.filter((candidate) => /^n8n-nodes-zenvia-chat\.zenviaChat(Tool)?$/.test(candidate.type))) {
			expect([node.name, node.credentials?.zenviaChatApi?.name]).toEqual([node.name, 'Zenvia Chat account']);
		}
	});
});
