import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INode } from 'n8n-workflow';

import { zenviaRequest } from '../transport';
import type { ItemRun, ZenviaRequest } from '../transport';

/** The Reports API serves at most 10,000 records per request (reports-api.md, `limit`). */
export const MAX_PAGE_SIZE = 10_000;
/** A hard stop: 1,000 full pages are 10 million records, far past what a workflow can hold. */
export const MAX_PAGES = 1_000;

export interface PageWalk<T> {
	/** How many records to return; undefined means all of them. */
	limit?: number;
	/** The largest page the API serves. */
	maxPageSize?: number;
	maxPages?: number;
	/** A record's identity, so a record served twice is returned once. */
	idOf?: (record: T) => unknown;
}

/**
 * Offsets are `(page - 1) * pageSize`, so the page size must stay the same on every request or
 * records would be skipped or repeated. With a limit, the size is chosen so the fewest requests
 * fetch at most a few records more than asked for: 25,000 becomes three pages of 8,334.
 */
export function pageSizeFor(limit: number | undefined, maxPageSize = MAX_PAGE_SIZE): number {
	if (limit === undefined) return maxPageSize;
	const requests = Math.ceil(limit / maxPageSize);
	return Math.ceil(limit / requests);
}

/**
 * Walks `page` = 1, 2, ... until the limit is reached or the API answers a short or empty page
 * (the end of the data, per the document's note). Records are pushed into one array, never
 * copied, so memory grows with the records returned and nothing more.
 */
export async function collectPages<T>(
	node: INode,
	itemIndex: number,
	fetchPage: (page: number, pageSize: number) => Promise<T[]>,
	walk: PageWalk<T> = {},
): Promise<T[]> {
	const { limit, maxPageSize = MAX_PAGE_SIZE, maxPages = MAX_PAGES, idOf } = walk;
	const pageSize = pageSizeFor(limit, maxPageSize);
	const wanted = limit ?? Infinity;
	const records: T[] = [];
	const seen = new Set<unknown>();

	for (let page = 1; records.length < wanted; page++) {
		if (page > maxPages) {
			throw new NodeOperationError(
				node,
				`Stopped after ${maxPages} pages of ${pageSize} records: Zenvia Chat kept answering full pages`,
				{ itemIndex, description: 'Narrow the filters (a shorter date range, say) or turn off Return All and set a Limit.' },
			);
		}
		const rows = await fetchPage(page, pageSize);
		let fresh = 0;
		for (const row of rows) {
			if (records.length >= wanted) break;
			const id = idOf?.(row);
			if (id !== undefined && id !== null) {
				if (seen.has(id)) continue;
				seen.add(id);
			}
			records.push(row);
			fresh++;
		}
		// A short page is the last one. A full page of records already returned means the API
		// ignored `page`: asking again would only repeat it.
		if (rows.length < pageSize || (fresh === 0 && rows.length > 0)) break;
	}
	return records;
}

/** A list answer: the Reports API's `{ status, success, data: [...] }`, or a bare list. */
export type ListAnswer<T> = T[] | { data?: T[] };

/** Reads the rows of a list answer in either shape, refusing an answer that carries no list. */
export function rowsOf<T>(node: INode, itemIndex: number | undefined, answer: ListAnswer<T>): T[] {
	const rows = Array.isArray(answer) ? answer : answer.data;
	if (Array.isArray(rows)) return rows;
	throw new NodeOperationError(node, 'Zenvia Chat answered without a list', {
		itemIndex,
		description: 'The answer was neither a list nor an object with a "data" list, e.g. {"success": true, "data": [...]}.',
	});
}

/**
 * GETs a paged Reports API list (history, ongoing) with `page` and `limit` added to the query.
 * Records carrying an `id` (the protocol) are returned once even if the API serves one twice.
 */
export async function zenviaPaginate<T extends IDataObject>(
	context: IExecuteFunctions,
	request: ZenviaRequest,
	run: ItemRun,
	limit: number | undefined,
): Promise<T[]> {
	const node = context.getNode();
	const { itemIndex } = run;
	return await collectPages<T>(
		node,
		itemIndex,
		async (page, pageSize) => {
			const qs = { ...request.qs, page, limit: pageSize };
			const answer = await zenviaRequest<ListAnswer<T>>(context, { ...request, qs }, run);
			return rowsOf(node, itemIndex, answer);
		},
		{ limit, idOf: (record) => record.id },
	);
}
