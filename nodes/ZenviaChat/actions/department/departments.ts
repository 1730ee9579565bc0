import type { IExecuteFunctions, ILoadOptionsFunctions } from 'n8n-workflow';

import { rowsOf, type ListAnswer } from '../../helpers/paginate';
import { zenviaRequest } from '../../transport';
import type { ChatDepartment } from './types';

/**
 * GET /api/external/departments: every department of the account, active or not, as a plain
 * array. Takes the Chat API token, like the interactions started in these departments.
 */
export async function fetchChatDepartments(
	context: IExecuteFunctions | ILoadOptionsFunctions,
	itemIndex?: number,
): Promise<ChatDepartment[]> {
	const answer = await zenviaRequest<ListAnswer<ChatDepartment>>(
		context,
		{ api: 'chat', token: 'chatApi', method: 'GET', path: '/api/external/departments', answer: 'objectOrList' },
		itemIndex,
	);
	return rowsOf(context.getNode(), itemIndex, answer);
}
