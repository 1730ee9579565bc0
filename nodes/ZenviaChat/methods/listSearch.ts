import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { fetchDepartments } from '../actions/department/departments';
import { editorRun } from './editorRun';

interface Listed {
	id: unknown;
	name?: unknown;
	active: boolean;
}

/** Active departments with a usable id, named "Name (id)", filtered by name or id as the user types. */
function toResults(departments: Listed[], filter?: string): INodeListSearchResult {
	const needle = filter?.trim().toLowerCase() ?? '';
	const results = departments
		// Zenvia refuses interactions in an inactive department: offering one would only fail later.
		.filter(({ id, active }) => active && /^[1-9]\d*$/.test(String(id)))
		.map(({ id, name }) => {
			const label = typeof name === 'string' && name.trim() ? name.trim() : 'Unnamed';
			return { name: `${label} (${id})`, value: String(id) };
		})
		.filter(({ name }) => !needle || name.toLowerCase().includes(needle));
	return { results };
}

/** Interaction > Start's list: GET /api/external/departments with the Chat API token. */
export async function searchChatDepartments(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const departments = await fetchDepartments(this, 'chatApi', editorRun(this));
	return toResults(
		departments.map(({ id, name, state }) => ({ id, name, active: state !== 0 })),
		filter,
	);
}

/** The ClientSDK list (WhatsApp, agents, bots): GET /api/v1/departments with the ClientSDK token. */
export async function searchClientSdkDepartments(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const departments = await fetchDepartments(this, 'clientSdk', editorRun(this));
	return toResults(
		departments.map(({ id, name, active }) => ({ id, name, active: active !== false })),
		filter,
	);
}
