import type { IDataObject } from 'n8n-workflow';

/** What one input item ends in: its value, or its own error. */
export type ItemOutcome<T = IDataObject> = { ok: true; value: T } | { ok: false; error: unknown };
