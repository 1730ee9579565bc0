import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { zenviaRequest } from '../transport';

interface Department {
	id: number | string;
	name?: string;
}

/** GET /api/v1/departments (WhatsApp API v1), for the Department field's list mode. */
export async function searchDepartments(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const answer = await zenviaRequest<Department[] | { data?: Department[] }>(this, {
		api: 'whatsapp',
		method: 'GET',
		path: '/api/v1/departments',
	});
	const departments = Array.isArray(answer) ? answer : (answer.data ?? []);
	const needle = filter?.trim().toLowerCase() ?? '';
	const results = departments
		.map(({ id, name }) => ({ name: name ? `${name} (${id})` : String(id), value: String(id) }))
		.filter(({ name }) => !needle || name.toLowerCase().includes(needle));
	return { results };
}
