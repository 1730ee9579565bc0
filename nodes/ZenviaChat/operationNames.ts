import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

/** resource value -> operation value -> the names the editor shows. */
export type OperationNames = Record<string, { name: string; operations: Record<string, string> }>;

/**
 * Reads the editor's names of every resource and operation from the node's own properties, so
 * subtitles and messages say "Department > Get Many" and never drift from the dropdowns.
 */
export function operationNamesOf(properties: INodeProperties[]): OperationNames {
	const names: OperationNames = {};
	const resource = properties.find((property) => property.name === 'resource');
	for (const option of (resource?.options ?? []) as INodePropertyOptions[]) {
		names[String(option.value)] = { name: option.name, operations: {} };
	}
	for (const property of properties) {
		if (property.name !== 'operation') continue;
		for (const resourceValue of (property.displayOptions?.show?.resource ?? []) as string[]) {
			const entry = (names[resourceValue] ??= { name: resourceValue, operations: {} });
			for (const option of (property.options ?? []) as INodePropertyOptions[]) {
				entry.operations[String(option.value)] = option.name;
			}
		}
	}
	return names;
}

/** The node's subtitle: "Start: Interaction", read from the same names. */
export function subtitleOf(names: OperationNames): string {
	const table: Record<string, string> = {};
	for (const [resource, { name, operations }] of Object.entries(names)) {
		for (const [operation, operationName] of Object.entries(operations)) {
			table[`${resource}:${operation}`] = `${operationName}: ${name}`;
		}
	}
	// Spaces keep "}}" out of the expression, which would end it early.
	const literal = JSON.stringify(table).replace(/[{}]/g, (brace) => ` ${brace} `);
	return `={{ (${literal})[$parameter["resource"] + ":" + $parameter["operation"]] ?? $parameter["operation"] }}`;
}

/** "Interaction > Start": a resource and operation as the editor names them. */
export function displayedOperation(names: OperationNames, resource: string, operation: string): string {
	const entry = names[resource];
	return `${entry?.name ?? resource} > ${entry?.operations[operation] ?? operation}`;
}
