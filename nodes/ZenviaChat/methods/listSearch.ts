import type { ILoadOptionsFunctions, INodeListSearchItems, INodeListSearchResult } from 'n8n-workflow';

import { fetchAgents } from '../actions/agent/fields';
import { fetchDepartments } from '../actions/department/departments';
import type { OngoingRow, ReportAnswer } from '../actions/report/types';
import { rowsOf } from '../helpers/paginate';
import { zenviaRequest } from '../transport';
import { editorRun } from './editorRun';

interface Listed {
	id: unknown;
	name?: unknown;
	active: boolean;
}

/** What the user typed in the list's search box, ready to compare. */
const needleOf = (filter?: string) => filter?.trim().toLowerCase() ?? '';

/** Entries whose shown name holds the typed text (names carry the id, so an id matches too). */
function matching(results: INodeListSearchItems[], filter?: string): INodeListSearchItems[] {
	const needle = needleOf(filter);
	return needle ? results.filter(({ name }) => name.toLowerCase().includes(needle)) : results;
}

/** Text of a value Zenvia may give as a string, a number or (for a customer's fields) a list of them. */
function textOf(value: unknown): string {
	const first = Array.isArray(value) ? value.find((entry) => textOf(entry) !== '') : value;
	return typeof first === 'string' || typeof first === 'number' ? String(first).trim() : '';
}

/** Active departments with a usable id, named "Name (id)", filtered by name or id as the user types. */
function toResults(departments: Listed[], filter?: string): INodeListSearchResult {
	const results = departments
		// Zenvia refuses interactions in an inactive department: offering one would only fail later.
		.filter(({ id, active }) => active && /^[1-9]\d*$/.test(String(id)))
		.map(({ id, name }) => ({ name: `${textOf(name) || 'Unnamed'} (${id})`, value: String(id) }));
	return { results: matching(results, filter) };
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

/**
 * Agent > Get and Update's list: GET /api/external/agents with the ClientSDK token, every agent
 * not deleted, named "Name, e-mail (id)" and filtered by any of the three as the user types.
 */
export async function searchAgents(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const agents = await fetchAgents(this, editorRun(this));
	const results = agents
		.filter(({ id, deleted_at }) => /^[1-9]\d*$/.test(String(id)) && !deleted_at)
		.map(({ id, name, email }) => {
			const label = [textOf(name) || 'Unnamed', textOf(email)].filter(Boolean).join(', ');
			return { name: `${label} (${id})`, value: String(id) };
		});
	return { results: matching(results, filter) };
}

/** One page of the ongoing list; the next page's number is the list's pagination token. */
const ONGOING_PAGE_SIZE = 100;

/** "Maria Silva · Support · WHATSAPP · IN_PROGRESS (10000001)": who, where, on what, in which state. */
function ongoingName(row: OngoingRow): string {
	const customer = textOf(row.customer?.fields?.main_identifier) || 'Unnamed customer';
	const details = [textOf(row.department?.name), textOf(row.media), textOf(row.current_state)].filter(Boolean);
	return `${[customer, ...details].join(' · ')} (${textOf(row.id)})`;
}

/**
 * Report > Get Conversation Messages' Protocol ID list: the ongoing interactions, GET
 * /api/ms/external/ongoing with the Chat API token, a page of 100 at a time. The endpoint has no
 * text search, so the typed text filters each page here; the value is the row's protocol (id).
 */
export async function searchOngoingInteractions(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const page = /^[1-9]\d*$/.test(paginationToken ?? '') ? Number(paginationToken) : 1;
	const run = editorRun(this);
	const answer = await zenviaRequest<ReportAnswer<OngoingRow>>(
		this,
		{ api: 'chat', token: 'chatApi', method: 'GET', path: '/api/ms/external/ongoing', qs: { limit: ONGOING_PAGE_SIZE, page } },
		run,
	);
	const rows = rowsOf(this.getNode(), run.itemIndex, answer);
	const results = rows
		.filter((row) => textOf(row.id) !== '')
		.map((row) => ({ name: ongoingName(row), value: textOf(row.id) }));
	// A full page may have a next one; a short page is the end of the list (reports-api.md).
	return { results: matching(results, filter), paginationToken: rows.length === ONGOING_PAGE_SIZE ? String(page + 1) : undefined };
}
