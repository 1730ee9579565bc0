import { Workflow } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INode, INodeTypes } from 'n8n-workflow';

import { holdsExpression, readingConstantsOnce, readingFieldReferencesDirectly } from '../../../../nodes/ZenviaChat/helpers/parameters';

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

describe('readingFieldReferencesDirectly', () => {
	/** A context for one saved parameter and the input items; n8n's own reads answer "n8n: name@item". */
	function referenceContext(saved: string, items: object[]) {
		const reads: string[] = [];
		const context = {
			getNode: () => ({ parameters: { content: saved } }) as unknown as INode,
			getInputData: () => items.map((json) => ({ json })),
			getNodeParameter: (name: string, itemIndex: number) => {
				reads.push(`${name}@${itemIndex}`);
				return `n8n: ${name}@${itemIndex}`;
			},
		} as unknown as IExecuteFunctions;
		return { context: readingFieldReferencesDirectly(context), reads };
	}

	it.each([
		['={{ $json.text }}', { text: 'Olá' }, 'Olá'],
		['={{$json.text}}', { text: 'Olá' }, 'Olá'],
		['={{ $json.order.id }}', { order: { id: 42 } }, 42],
		['={{ $json["full name"] }}', { 'full name': 'Ana' }, 'Ana'],
		["={{ $json['full name'] }}", { 'full name': 'Ana' }, 'Ana'],
		['={{ $json.vip }}', { vip: false }, false],
		['={{ $json.text }}', { text: '' }, ''],
	])('reads %s from the item itself: %j', (saved, json, expected) => {
		const { context, reads } = referenceContext(saved, [json]);

		expect(context.getNodeParameter('content', 0)).toEqual(expected);
		expect(reads).toEqual([]);
	});

	it.each([
		['a missing field', '={{ $json.text }}', {}],
		['a null', '={{ $json.text }}', { text: null }],
		['an object, which n8n copies', '={{ $json.order }}', { order: { id: 1 } }],
		['an array', '={{ $json.list }}', { list: [1] }],
		['a path through a missing object', '={{ $json.order.id }}', {}],
		['a path through an array', '={{ $json.list.length }}', { list: [1] }],
		['an inherited property', '={{ $json.toString }}', {}],
		['more than a reference', '={{ $json.text.trim() }}', { text: ' a ' }],
		['text around it', '=Hi {{ $json.text }}', { text: 'a' }],
		['two references', '={{ $json.a }}{{ $json.b }}', { a: 'a', b: 'b' }],
		['another node', "={{ $('Webhook').item.json.text }}", { text: 'a' }],
		['no expression', 'plain', { text: 'a' }],
	])('leaves %s to n8n', (_, saved, json) => {
		const { context, reads } = referenceContext(saved, [json]);

		expect(context.getNodeParameter('content', 0)).toBe('n8n: content@0');
		expect(reads).toEqual(['content@0']);
	});

	it('reads each item its own value, and leaves other read options and other parameters to n8n', () => {
		const { context, reads } = referenceContext('={{ $json.text }}', [{ text: 'one' }, { text: 'two' }]);

		expect([context.getNodeParameter('content', 0), context.getNodeParameter('content', 1)]).toEqual(['one', 'two']);
		expect(context.getNodeParameter('content', 1, '', { extractValue: true })).toBe('two');
		expect(context.getNodeParameter('content', 1, '', { ensureType: 'string' })).toBe('n8n: content@1');
		expect(context.getNodeParameter('content', 1, '', { rawExpressions: true })).toBe('n8n: content@1');
		expect(context.getNodeParameter('messageType', 0)).toBe('n8n: messageType@0');
		expect(reads).toEqual(['content@1', 'content@1', 'messageType@0']);
	});

	it('leaves every read to n8n when the node has no main input: run as an AI agent\'s tool, $json is not its item', () => {
		const reads: string[] = [];
		const context = readingFieldReferencesDirectly({
			getNode: () => ({ parameters: { content: '={{ $json.text }}' } }) as unknown as INode,
			getInputData: (_input: number, connection: string) => (connection === 'main' ? [] : [{ json: { text: 'tool argument' } }]),
			getNodeParameter: (name: string, itemIndex: number) => {
				reads.push(`${name}@${itemIndex}`);
				return 'agent item';
			},
		} as unknown as IExecuteFunctions);

		expect(context.getNodeParameter('content', 0)).toBe('agent item');
		expect(reads).toEqual(['content@0']);
	});

	it('leaves a locator without a mode to n8n, which extracts nothing from it', () => {
		const { context, reads } = referenceContext({ __rl: true, value: '={{ $json.id }}' } as unknown as string, [{ id: 7 }]);

		expect(context.getNodeParameter('content', 0, '', { extractValue: true })).toBe('n8n: content@0');
		expect(reads).toEqual(['content@0']);
	});

	it('reads a resource locator\'s reference only where n8n would extract its value', () => {
		const locator = { __rl: true, mode: 'id', value: '={{ $json.id }}' };
		const { context, reads } = referenceContext(locator as unknown as string, [{ id: 7 }]);

		expect(context.getNodeParameter('content', 0, '', { extractValue: true })).toBe(7);
		expect(context.getNodeParameter('content', 0)).toBe('n8n: content@0');
		expect(reads).toEqual(['content@0']);
	});
});

describe('readingFieldReferencesDirectly against n8n\'s own expressions', () => {
	const nodeTypes = {
		getByNameAndVersion: () => ({ description: { properties: [], inputs: ['main'], outputs: ['main'] } }),
		getByName: () => ({ description: { properties: [] } }),
		getKnownTypes: () => ({}),
	} as unknown as INodeTypes;
	const workflow = new Workflow({
		id: 'parameters',
		nodes: [{ id: 'n', name: 'Node', type: 'test', typeVersion: 1, position: [0, 0], parameters: {} }],
		connections: {},
		active: false,
		nodeTypes,
		settings: {},
	});

	/** What n8n's getParameterValue gives for the saved value on item 0, or the error it raises. */
	function byN8n(saved: string, json: object): { value: unknown } | { error: string } {
		try {
			return { value: workflow.expression.getParameterValue(saved, null, 0, 0, 'Node', [{ json: json as IDataObject }], 'manual', {}) };
		} catch (error) {
			return { error: (error as Error).message };
		}
	}

	/** The same read through the node's reader, which asks n8n only when it has to. */
	function byNode(saved: string, json: object): { outcome: { value: unknown } | { error: string }; askedN8n: boolean } {
		let askedN8n = false;
		const context = readingFieldReferencesDirectly({
			getNode: () => ({ parameters: { content: saved } }) as unknown as INode,
			getInputData: () => [{ json }],
			getNodeParameter: () => {
				askedN8n = true;
				const outcome = byN8n(saved, json);
				if ('error' in outcome) throw new Error(outcome.error);
				return outcome.value;
			},
		} as unknown as IExecuteFunctions);
		try {
			return { outcome: { value: context.getNodeParameter('content', 0) }, askedN8n };
		} catch (error) {
			return { outcome: { error: (error as Error).message }, askedN8n };
		}
	}

	it.each([
		['={{ $json.text }}', { text: 'Olá' }, false],
		['={{ $json.order.id }}', { order: { id: 42 } }, false],
		['={{ $json["full name"] }}', { 'full name': 'Ana' }, false],
		['={{ $json.n }}', { n: -0 }, false],
		['={{ $json.n }}', { n: Number.NaN }, false],
		['={{ $json.vip }}', { vip: true }, false],
		['={{ $json.text }}', { text: '={{ 1 + 1 }}' }, false],
		['={{ $json.text }}', { text: 'a {{ b }}' }, false],
		['={{ $json.arguments }}', { arguments: 'x' }, true],
		['={{ $json.caller }}', { caller: 'x' }, true],
		['={{ $json.prototype }}', { prototype: 'x' }, true],
		['={{ $json["__proto__"] }}', JSON.parse('{"__proto__":"x"}') as object, true],
		['={{ $json["constructor"] }}', { constructor: 'x' }, true],
		['={{ $json.constructorId }}', { constructorId: 'x' }, true],
		['={{ $json["}}"] }}', { '}}': 'x' }, true],
		['={{ $json["a\nb"] }}', { 'a\nb': 'x' }, true],
		['={{ $json.missing }}', {}, true],
	])('%s of %j: the value or error n8n gives (n8n asked: %s)', (saved, json, asksN8n) => {
		const { outcome, askedN8n } = byNode(saved, json);

		expect(outcome).toEqual(byN8n(saved, json));
		expect(askedN8n).toBe(asksN8n);
	});
});
