import { NodeOperationError } from 'n8n-workflow';
import type { IExecuteFunctions, ILoadOptionsFunctions } from 'n8n-workflow';

import { zenviaRequest, type ItemRun } from '../../transport';
import type { FormField, FormFieldsAnswer } from './types';

/**
 * GET /api/external/form_fields: the account's customer form. Shared by Get Form Fields and the
 * columns of Create or Update's field mapper.
 */
export async function fetchFormFields(
	context: IExecuteFunctions | ILoadOptionsFunctions,
	run: ItemRun,
): Promise<FormField[]> {
	const answer = await zenviaRequest<FormFieldsAnswer>(
		context,
		{ api: 'chat', token: 'clientSdk', method: 'GET', path: '/api/external/form_fields' },
		run,
	);
	if (!Array.isArray(answer?.form_fields)) {
		throw new NodeOperationError(context.getNode(), 'Zenvia Chat answered the form fields request without a list of form fields', {
			itemIndex: run.itemIndex,
			description: 'Check that the Chat API base URL in the credential points at Zenvia Chat.',
		});
	}
	return answer.form_fields;
}
