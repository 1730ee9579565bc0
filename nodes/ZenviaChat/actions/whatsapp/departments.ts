import type { IExecuteFunctions, ILoadOptionsFunctions } from 'n8n-workflow';

import { rowsOf } from '../../helpers/paginate';
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
		{ api: 'whatsapp', method: 'GET', path: '/api/v1/departments', answer: 'objectOrList' },
		itemIndex,
	);
	return rowsOf(context.getNode(), itemIndex, answer);
}
