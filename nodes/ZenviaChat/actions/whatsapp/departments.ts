import { NodeOperationError } from 'n8n-workflow';
import type { IExecuteFunctions, ILoadOptionsFunctions } from 'n8n-workflow';

import { zenviaRequest } from '../../transport';
import type { Department, DepartmentsAnswer } from './types';

/**
 * GET /api/v1/departments: every department of the account, active or not. Shared by the Get
 * Departments operation and the Department field's list.
 */
export async function fetchDepartments(
	context: IExecuteFunctions | ILoadOptionsFunctions,
	itemIndex?: number,
): Promise<Department[]> {
	const answer = await zenviaRequest<DepartmentsAnswer>(
		context,
		{ api: 'whatsapp', token: 'clientSdk', method: 'GET', path: '/api/v1/departments' },
		itemIndex,
	);
	const departments = Array.isArray(answer) ? answer : answer.data;
	if (!Array.isArray(departments)) {
		throw new NodeOperationError(context.getNode(), 'Zenvia Chat answered the departments request without a list of departments', {
			itemIndex,
			description: 'Check that the WhatsApp API V1 base URL in the credential points at Zenvia Chat.',
		});
	}
	return departments;
}
