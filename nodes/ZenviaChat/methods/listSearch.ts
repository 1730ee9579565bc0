import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { fetchDepartments } from '../actions/whatsapp/departments';

/** The Department field's list: GET /api/v1/departments, filtered by name or id as the user types. */
export async function searchDepartments(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const departments = await fetchDepartments(this);
	const needle = filter?.trim().toLowerCase() ?? '';
	const results = departments
		// Zenvia refuses interactions in an inactive department: offering one would only fail later.
		.filter(({ id, active }) => active !== false && /^[1-9]\d*$/.test(String(id)))
		.map(({ id, name }) => {
			const label = typeof name === 'string' && name.trim() ? name.trim() : 'Unnamed';
			return { name: `${label} (${id})`, value: String(id) };
		})
		.filter(({ name }) => !needle || name.toLowerCase().includes(needle));
	return { results };
}
