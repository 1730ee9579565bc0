import { Workflow } from 'n8n-workflow';
import type { INode, INodeTypes } from 'n8n-workflow';

import { operationNames } from '../../../nodes/ZenviaChat/actions/description';
import { displayedOperation } from '../../../nodes/ZenviaChat/operationNames';
import type { OperationNames } from '../../../nodes/ZenviaChat/operationNames';
import { ZenviaChat } from '../../../nodes/ZenviaChat/ZenviaChat.node';

const node = new ZenviaChat();
const nodeTypes: INodeTypes = {
	getByName: () => node,
	getByNameAndVersion: () => node,
	getKnownTypes: () => ({}),
};

/** Evaluates the subtitle with n8n-workflow's own expression engine, as the editor does. */
function subtitleFor(resource: string, operation: string): unknown {
	const zenvia: INode = {
		id: '1',
		name: 'Zenvia Chat',
		type: 'n8n-nodes-zenvia-chat.zenviaChat',
		typeVersion: 1,
		position: [0, 0],
		parameters: { resource, operation },
	};
	const workflow = new Workflow({ nodes: [zenvia], connections: {}, active: false, nodeTypes });
	return workflow.expression.getSimpleParameterValue(
		zenvia,
		node.description.subtitle as string,
		'internal',
		{},
	);
}

describe('operation names', () => {
	it.each([
		['interaction', 'start', 'Start: Interaction'],
		['whatsapp', 'sendMessage', 'Send Message: WhatsApp'],
		['report', 'getDigitalChannels', 'Get Digital Channels Report: Report'],
		['department', 'getAll', 'Get Many: Department'],
	])('the subtitle of %s/%s shows display names', (resource, operation, expected) => {
		expect(subtitleFor(resource, operation)).toBe(expected);
	});

	it('names operations in messages as the editor does', () => {
		expect(displayedOperation(operationNames, 'department', 'getAll')).toBe('Department > Get Many');
		expect(displayedOperation(operationNames, 'whatsapp', 'getDepartments')).toBe('WhatsApp > Get Departments');
		expect(displayedOperation(operationNames, 'interaction', 'start')).toBe('Interaction > Start');
	});

	it('is a pure function of the names it is given, falling back to the raw values', () => {
		const names: OperationNames = { crm: { name: 'CRM', operations: { sync: 'Sync Now' } } };
		expect(displayedOperation(names, 'crm', 'sync')).toBe('CRM > Sync Now');
		expect(displayedOperation(names, 'crm', 'other')).toBe('CRM > other');
		expect(displayedOperation(names, 'unknown', 'sync')).toBe('unknown > sync');
		expect(displayedOperation({}, 'department', 'getAll')).toBe('department > getAll');
	});

	it('has a name for every operation in the dropdowns', () => {
		for (const property of node.description.properties.filter((entry) => entry.name === 'operation')) {
			for (const resource of (property.displayOptions?.show?.resource ?? []) as string[]) {
				for (const { value, name } of (property.options ?? []) as Array<{ value: string; name: string }>) {
					expect(displayedOperation(operationNames, resource, value)).toBe(`${operationNames[resource].name} > ${name}`);
				}
			}
		}
	});

	it('has a display name for every operation the router knows', () => {
		const resources = node.description.properties.find((property) => property.name === 'resource')?.options ?? [];
		for (const { value } of resources as Array<{ value: string }>) {
			const operations = node.description.properties.filter(
				(property) => property.name === 'operation' && property.displayOptions?.show?.resource?.includes(value),
			);
			expect(operations).toHaveLength(1);
		}
	});
});

describe('node panel search', () => {
	it('finds the action node by "Omnize" and "WhatsApp", as n8n merges both codex files into one entry', () => {
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const codex = require('../../../nodes/ZenviaChat/ZenviaChat.node.json') as { alias: string[]; resources: { credentialDocumentation: Array<{ url: string }> } };
		expect(codex.alias).toEqual(expect.arrayContaining(['Omnize', 'WhatsApp']));
		expect(codex.resources.credentialDocumentation[0].url).toBe('https://www.npmjs.com/package/n8n-nodes-zenvia-chat#credentials');
	});
});

describe('Report date range', () => {
	it.each(['getHistory', 'getDigitalChannels'])('%s shows From, To and Timezone first, outside the collections', (operation) => {
		const fields = node.description.properties
			.filter((property) => property.displayOptions?.show?.operation?.includes(operation) && property.displayOptions?.show?.resource?.includes('report'))
			.map((property) => property.name);
		expect(fields.slice(0, 3)).toEqual(['from', 'to', 'timezone']);
	});

	it('offers the time zones as a list, the workflow timezone first', async () => {
		const options = await node.methods.loadOptions.getTimezones.call({ getTimezone: () => 'America/Sao_Paulo' } as never);
		expect(options[0]).toEqual({ name: 'Workflow Timezone (America/Sao_Paulo)', value: '' });
		expect(options).toContainEqual({ name: 'America/Sao Paulo', value: 'America/Sao_Paulo' });
		expect(options).toContainEqual({ name: 'UTC', value: 'UTC' });
	});
});
