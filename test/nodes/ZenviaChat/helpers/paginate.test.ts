import type { INode } from 'n8n-workflow';

import { MAX_PAGE_SIZE, collectPages, pageSizeFor } from '../../../../nodes/ZenviaChat/helpers/paginate';

const node = { name: 'Zenvia Chat', type: 'n8n-nodes-zenvia-chat.zenviaChat' } as INode;

interface Row {
	id: number;
}

/** A paged API over `total` records with ids 1..total, logging each page asked for. */
function pagedApi(total: number) {
	const calls: Array<{ page: number; pageSize: number }> = [];
	const fetchPage = async (page: number, pageSize: number): Promise<Row[]> => {
		calls.push({ page, pageSize });
		const start = (page - 1) * pageSize;
		const count = Math.max(0, Math.min(pageSize, total - start));
		return Array.from({ length: count }, (_, n) => ({ id: start + n + 1 }));
	};
	return { calls, fetchPage };
}

const ids = (rows: Row[]) => rows.map((row) => row.id);
const oneTo = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

describe('pageSizeFor', () => {
	it('asks for the largest page when returning all', () => {
		expect(pageSizeFor(undefined)).toBe(MAX_PAGE_SIZE);
		expect(MAX_PAGE_SIZE).toBe(10_000);
	});

	it('asks for exactly the limit when it fits one page', () => {
		expect(pageSizeFor(1)).toBe(1);
		expect(pageSizeFor(7)).toBe(7);
		expect(pageSizeFor(10_000)).toBe(10_000);
	});

	it('splits a larger limit into the fewest equal pages', () => {
		expect(pageSizeFor(25_000)).toBe(8_334);
		expect(pageSizeFor(20_000)).toBe(10_000);
		expect(pageSizeFor(10, 4)).toBe(4);
		expect(pageSizeFor(9, 4)).toBe(3);
	});
});

describe('collectPages', () => {
	it('returns all records over several pages and stops on the short last page', async () => {
		const api = pagedApi(25);
		const rows = await collectPages(node, 0, api.fetchPage, { maxPageSize: 10 });
		expect(ids(rows)).toEqual(oneTo(25));
		expect(api.calls).toEqual([
			{ page: 1, pageSize: 10 },
			{ page: 2, pageSize: 10 },
			{ page: 3, pageSize: 10 },
		]);
	});

	it('stops on an empty page when the records fill the last page exactly', async () => {
		const api = pagedApi(20);
		const rows = await collectPages(node, 0, api.fetchPage, { maxPageSize: 10 });
		expect(ids(rows)).toEqual(oneTo(20));
		expect(api.calls.map((call) => call.page)).toEqual([1, 2, 3]);
	});

	it('asks once when there are no records', async () => {
		const api = pagedApi(0);
		expect(await collectPages(node, 0, api.fetchPage, { maxPageSize: 10 })).toEqual([]);
		expect(api.calls).toEqual([{ page: 1, pageSize: 10 }]);
	});

	it('asks for no more than a limit smaller than a page', async () => {
		const api = pagedApi(100);
		const rows = await collectPages(node, 0, api.fetchPage, { limit: 7, maxPageSize: 10 });
		expect(ids(rows)).toEqual(oneTo(7));
		expect(api.calls).toEqual([{ page: 1, pageSize: 7 }]);
	});

	it('walks equal pages for a limit spanning pages, trimming the last, with no record skipped or repeated', async () => {
		const api = pagedApi(100);
		const rows = await collectPages(node, 0, api.fetchPage, { limit: 25, maxPageSize: 10 });
		expect(ids(rows)).toEqual(oneTo(25));
		expect(api.calls).toEqual([
			{ page: 1, pageSize: 9 },
			{ page: 2, pageSize: 9 },
			{ page: 3, pageSize: 9 },
		]);
	});

	it('returns fewer than the limit when the data runs out', async () => {
		const api = pagedApi(12);
		const rows = await collectPages(node, 0, api.fetchPage, { limit: 50, maxPageSize: 10 });
		expect(ids(rows)).toEqual(oneTo(12));
		expect(api.calls.map((call) => call.pageSize)).toEqual([10, 10]);
	});

	it('returns a record served twice only once', async () => {
		const pages = [[{ id: 1 }, { id: 2 }, { id: 3 }], [{ id: 3 }, { id: 4 }, { id: 5 }], [{ id: 6 }]];
		const rows = await collectPages(node, 0, async (page) => pages[page - 1], {
			maxPageSize: 3,
			idOf: (row) => row.id,
		});
		expect(ids(rows)).toEqual([1, 2, 3, 4, 5, 6]);
	});

	it('keeps records without an id rather than treating them as one', async () => {
		const rows = await collectPages(node, 0, async () => [{}, {}], { maxPageSize: 3, idOf: () => undefined });
		expect(rows).toHaveLength(2);
	});

	it('stops when the API ignores the page and serves the same full page again', async () => {
		let calls = 0;
		const rows = await collectPages(
			node,
			0,
			async () => {
				calls++;
				return [{ id: 1 }, { id: 2 }];
			},
			{ maxPageSize: 2, idOf: (row) => row.id },
		);
		expect(ids(rows)).toEqual([1, 2]);
		expect(calls).toBe(2);
	});

	it('gives up after the page bound instead of looping forever', async () => {
		const api = pagedApi(Number.MAX_SAFE_INTEGER);
		await expect(collectPages(node, 4, api.fetchPage, { maxPageSize: 5, maxPages: 3 })).rejects.toMatchObject({
			message: 'Stopped after 3 pages of 5 records: Zenvia Chat kept answering full pages',
			context: { itemIndex: 4 },
		});
		expect(api.calls).toHaveLength(3);
	});

	it('walks 100,000 records in ten full pages and one empty page', async () => {
		const api = pagedApi(100_000);
		const rows = await collectPages(node, 0, api.fetchPage, { idOf: (row) => row.id });
		expect(rows).toHaveLength(100_000);
		expect(rows[99_999].id).toBe(100_000);
		expect(api.calls).toHaveLength(11);
	});
});
