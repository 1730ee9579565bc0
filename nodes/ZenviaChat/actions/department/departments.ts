import { NodeOperationError } from 'n8n-workflow';
import type { IExecuteFunctions, ILoadOptionsFunctions } from 'n8n-workflow';

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
	const answer = await zenviaRequest<unknown>(
		context,
		{ api: 'chat', token: 'chatApi', method: 'GET', path: '/api/external/departments' },
		itemIndex,
	);
	if (!Array.isArray(answer)) {
		throw new NodeOperationError(context.getNode(), 'Zenvia Chat answered the departments request without a list of departments', {
			itemIndex,
			description: 'Check that the Chat API base URL in the credential points at Zenvia Chat.',
		});
	}
	return answer as ChatDepartment[];
}
