import { randomUUID } from 'crypto';
import { deepCopy } from 'n8n-workflow';
import type { IDataObject } from 'n8n-workflow';

import { DESK_ENTRY, readDesk } from '../ZenviaChat/helpers/waitDesk';
import type { WaitDesk } from '../ZenviaChat/helpers/waitDesk';

/*
 * Why the trigger keeps its own copy of the desk. n8n loads a workflow's static data when a webhook
 * call arrives and saves it whole when the call ends. Two registrations at the same moment each load
 * the desk without the other's waiter, and the second save hides the first: a waiter lost, and the
 * customer's reply to its question starts a stray execution. Every webhook call of a workflow runs in
 * the same n8n process (the main one, or the webhook process in queue mode), so that process remembers
 * the newest desk it wrote, and each call reads and changes the newer of the loaded one and its own.
 * A save then always carries every waiter the process knew, and an event that comes before the save
 * has landed still finds its waiter. `rev` says which copy is newer; a desk loaded with a higher `rev`
 * (another process wrote it) wins.
 */

/** The newer of the desk n8n loaded for this call and the one this process wrote last. */
export function newerDesk(loaded: WaitDesk | undefined, kept: WaitDesk | undefined): WaitDesk | undefined {
	if (!kept) return loaded;
	if (!loaded) return kept;
	return (kept.rev ?? 0) > (loaded.rev ?? 0) ? kept : loaded;
}

/** The newest desk this process wrote, per workflow. One per process: `processDesks`. */
export class LatestDesks {
	private readonly kept = new Map<string, WaitDesk>();
	/** Marks this process's writes: another process counts its revisions on its own. */
	private readonly writer = randomUUID();

	/** A copy of the desk to read for this call. */
	read(workflowId: string, staticData: IDataObject): WaitDesk | undefined {
		const desk = newerDesk(readDesk(staticData), this.kept.get(workflowId));
		// deepCopy, not structuredClone: n8n hands static data over as an observed object (a Proxy).
		return desk && deepCopy(desk);
	}

	/**
	 * Whether what n8n loaded for this call is this process's own writing and no newer than its
	 * copy: then no other process has written since, and a registration made now cannot be hidden
	 * by one (revisions count per process, so another writer's copy never vouches).
	 */
	ownsNewest(workflowId: string, staticData: IDataObject): boolean {
		const kept = this.kept.get(workflowId);
		const loaded = readDesk(staticData);
		if (!kept) return false;
		if (!loaded) return true;
		return loaded.writer === this.writer && (kept.rev ?? 0) >= (loaded.rev ?? 0);
	}

	/**
	 * Changes the desk: `change` gets a copy of the newest and returns the desk to write, or undefined
	 * to write nothing. Synchronous on purpose: no other call can change the desk in between, so two
	 * changes never start from the same copy. What is written goes into this call's static data (n8n
	 * saves it when the call ends) and is kept as the newest.
	 */
	change(workflowId: string, staticData: IDataObject, change: (desk: WaitDesk | undefined) => WaitDesk | undefined): WaitDesk | undefined {
		const changed = change(this.read(workflowId, staticData));
		if (!changed) return undefined;
		const written: WaitDesk = { ...changed, rev: (changed.rev ?? 0) + 1, writer: this.writer };
		staticData[DESK_ENTRY] = written;
		this.kept.set(workflowId, deepCopy(written));
		return written;
	}
}

/** The desks of this n8n process. */
export const processDesks = new LatestDesks();
