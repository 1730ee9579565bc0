import type { IExecuteFunctions, ILoadOptionsFunctions } from 'n8n-workflow';

import { rowsOf, type ListAnswer } from '../../helpers/paginate';
import { zenviaRequest, type ItemRun, type ZenviaRequest } from '../../transport';
import type { Department } from '../whatsapp/types';
import type { ChatDepartment } from './types';

/**
 * Each API lists the account's departments with its own token, every department, active or not:
 * the Chat API (`GET /api/external/departments`, a plain array) for the interactions it starts,
 * WhatsApp API v1 (`GET /api/v1/departments`) with the ClientSDK token for WhatsApp, agents, bots.
 */
const DEPARTMENT_LISTS = {
	chatApi: { api: 'chat', token: 'chatApi', method: 'GET', path: '/api/external/departments', answer: 'objectOrList' },
	clientSdk: { api: 'whatsapp', token: 'clientSdk', method: 'GET', path: '/api/v1/departments', answer: 'objectOrList' },
} satisfies Record<string, ZenviaRequest>;

interface ListedDepartments {
	chatApi: ChatDepartment;
	clientSdk: Department;
}

export async function fetchDepartments<L extends keyof ListedDepartments>(
	context: IExecuteFunctions | ILoadOptionsFunctions,
	list: L,
	run: ItemRun,
): Promise<Array<ListedDepartments[L]>> {
	const answer = await zenviaRequest<ListAnswer<ListedDepartments[L]>>(context, DEPARTMENT_LISTS[list], run);
	return rowsOf(context.getNode(), run.itemIndex, answer);
}
