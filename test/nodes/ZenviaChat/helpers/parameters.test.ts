import type { IExecuteFunctions, INode } from 'n8n-workflow';

import { holdsExpression, readingConstantsOnce } from '../../../../nodes/ZenviaChat/helpers/parameters';

/** A context whose reads are counted, giving "name@item" so a per-item read is visible. */
function countingContext(parameters: INode['parameters']) {
	const reads: string[] = [];
	let nodeCopies = 0;
	const context = {
		getNode: () => {
			nodeCopies++;
			return { parameters } as INode;
		},
		getNodeParameter: (name: string, itemIndex: number) => {
			reads.push(`${name}@${itemIndex}`);
			return name === 'options' ? { timeLimit: 5 } : `${name} of item ${itemIndex}`;
		},
	} as unknown as IExecuteFunctions;
	return { context, reads, nodeCopies: () => nodeCopies };
}

describe('holdsExpression', () => {
	it.each([
		['=', true],
		['={{ $json.hash }}', true],
		['plain', false],
		[{ a: [1, { b: '={{ 1 }}' }] }, true],
		[{ a: [1, { b: 'x' }] }, false],
		[undefined, false],
		[42, false],
	])('%j: %s', (value, expected) => expect(holdsExpression(value)).toBe(expected));
});

describe('readingConstantsOnce', () => {
	it('reads a parameter without an expression once for the whole execution, one with an expression per item', () => {
		const { context, reads } = countingContext({ messageType: 'text', content: '={{ $json.text }}', options: {} });
		const once = readingConstantsOnce(context, new Set());

		const values = [0, 1, 2].map((item) => [
			once.getNodeParameter('messageType', item, 'text'),
			once.getNodeParameter('content', item),
			once.getNodeParameter('options', item, {}),
		]);

		expect(reads).toEqual(['messageType@0', 'content@0', 'options@0', 'content@1', 'content@2']);
		expect(values[2]).toEqual(['messageType of item 0', 'content of item 2', { timeLimit: 5 }]);
	});

	it('reads per item a parameter left at a default that is an expression', () => {
		const { context, reads } = countingContext({});
		const once = readingConstantsOnce(context, new Set(['interactionHash']));

		once.getNodeParameter('interactionHash', 0);
		once.getNodeParameter('interactionHash', 1);
		once.getNodeParameter('mediaType', 0);
		once.getNodeParameter('mediaType', 1);

		expect(reads).toEqual(['interactionHash@0', 'interactionHash@1', 'mediaType@0']);
	});

	it('freezes what it read once, so no reader can change it for the next item', () => {
		const { context } = countingContext({ options: {} });
		const options = readingConstantsOnce(context, new Set()).getNodeParameter('options', 0, {}) as { timeLimit: number };

		expect(() => {
			'use strict';
			options.timeLimit = 1;
		}).toThrow(TypeError);
	});

	it('asks n8n for its copy of the node once per execution, not once per item and request', () => {
		const { context, nodeCopies } = countingContext({ content: '={{ $json.text }}' });
		const once = readingConstantsOnce(context, new Set());

		const nodes = [0, 1, 2].map(() => once.getNode());

		expect(nodeCopies()).toBe(1);
		expect(nodes[2]).toBe(nodes[0]);
		expect(nodes[0].parameters).toEqual({ content: '={{ $json.text }}' });
	});
});
