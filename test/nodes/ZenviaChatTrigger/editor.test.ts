import { Workflow, displayParameter, getNodeParameters } from 'n8n-workflow';
import type { INode, INodeParameters, INodeProperties, INodePropertyOptions, INodeTypes } from 'n8n-workflow';

import { ZenviaChatTrigger } from '../../../nodes/ZenviaChatTrigger/ZenviaChatTrigger.node';

const trigger = new ZenviaChatTrigger();
const { description } = trigger;
const node = { typeVersion: description.version as number };

/**
 * The top-level properties the editor shows for a node holding these parameters, decided by
 * n8n-workflow's own functions. n8n stores a node without the parameters left at their default (a
 * new trigger is `{}`), and a display rule may be evaluated against that or against the values
 * with the defaults filled in: both are checked.
 */
function shownFor(stored: INodeParameters): Record<'as saved' | 'with defaults', INodeProperties[]> {
	const saved = getNodeParameters(description.properties, stored, false, false, node, description) ?? {};
	const filled = getNodeParameters(description.properties, stored, true, false, node, description) ?? {};
	const shown = (values: INodeParameters) =>
		description.properties.filter((property) => displayParameter(values, property, node, description, values));
	return { 'as saved': shown(saved), 'with defaults': shown(filled) };
}

/** Anything that would hold a secret in the node, or speak of a deprecated or plain-text one. */
function aboutAPlainSecret(property: INodeProperties): boolean {
	const text = [property.displayName, property.description, property.hint].join(' ');
	return /secret/i.test(property.name) || property.typeOptions?.password === true || /deprecat|plain[ -]?text/i.test(text);
}

describe('Zenvia Chat Trigger in the editor', () => {
	it('declares one version', () => {
		expect(description.version).toBe(2);
		expect(description.defaultVersion).toBeUndefined();
	});

	describe.each([
		['a new trigger', {}],
		['a trigger with events picked', { events: ['finished'] }],
	])('%s', (_case, stored: INodeParameters) => {
		const shown = shownFor(stored);

		it.each(Object.keys(shown) as Array<keyof typeof shown>)('shows no field or notice about a plain secret (%s)', (values) => {
			expect(shown[values].filter(aboutAPlainSecret).map((property) => property.name)).toEqual([]);
			expect(shown[values].map((property) => property.name)).toEqual(['notice', 'events', 'filters', 'options']);
		});
	});

	it('keeps the secret only in the Zenvia Chat Webhook API credential', () => {
		expect(description.properties.filter(aboutAPlainSecret)).toEqual([]);
		expect(description.credentials?.map((credential) => credential.name)).toEqual(['zenviaChatWebhookApi']);
	});
});

describe('Zenvia Chat Trigger subtitle', () => {
	const nodeTypes: INodeTypes = {
		getByName: () => trigger,
		getByNameAndVersion: () => trigger,
		getKnownTypes: () => ({}),
	};

	/** The canvas subtitle, evaluated with n8n-workflow's own expression engine, as the editor does. */
	function subtitleFor(parameters: INodeParameters): unknown {
		const zenvia: INode = {
			id: '1',
			name: 'Zenvia Chat Trigger',
			type: 'n8n-nodes-zenvia-chat.zenviaChatTrigger',
			typeVersion: node.typeVersion,
			position: [0, 0],
			parameters,
		};
		const workflow = new Workflow({ nodes: [zenvia], connections: {}, active: false, nodeTypes });
		return workflow.expression.getSimpleParameterValue(workflow.getNode(zenvia.name)!, description.subtitle as string, 'internal', {});
	}

	const options = description.properties.find((property) => property.name === 'events')!.options as INodePropertyOptions[];

	it('is one expression: no "}}" before its end', () => {
		const subtitle = description.subtitle as string;
		expect(subtitle.startsWith('={{ ')).toBe(true);
		expect(subtitle.indexOf('}}')).toBe(subtitle.length - 2);
	});

	it.each([
		[['message'], 'Agent Message'],
		[['new_interaction'], 'Bot: New Interaction'],
		[['finished', 'cleared', 'new_message'], 'Finished, Agent Stopped Typing, Bot: Customer Message'],
		[['*'], 'All events'],
		[['message', '*'], 'All events'],
		[[], ''],
	])('%j shows "%s"', (events, expected) => {
		expect(subtitleFor({ events })).toBe(expected);
	});

	it('shows every event by the name the picker gives it', () => {
		for (const { name, value } of options.filter((option) => option.value !== '*')) {
			expect(subtitleFor({ events: [value as string] })).toBe(name);
		}
	});

	it('shows a value it has no name for as written, and events given as one text', () => {
		expect(subtitleFor({ events: ['finished', 'later_event'] })).toBe('Finished, later_event');
		expect(subtitleFor({ events: 'finished' as unknown as string[] })).toBe('Finished');
	});
});
