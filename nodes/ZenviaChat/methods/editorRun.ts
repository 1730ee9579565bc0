import type { ILoadOptionsFunctions } from 'n8n-workflow';

import { operationNames } from '../actions/description';
import { displayedOperation } from '../operationNames';
import { standaloneRun, type ItemRun } from '../transport';

/** The run of a list the editor loads for a field: named after the operation the form shows. */
export function editorRun(context: ILoadOptionsFunctions): ItemRun {
	const { resource, operation } = context.getNode().parameters;
	const name =
		typeof resource === 'string' && typeof operation === 'string'
			? displayedOperation(operationNames, resource, operation)
			: context.getNode().name;
	return standaloneRun(context, name);
}
