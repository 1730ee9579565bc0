import type { IExecuteFunctions, ILoadOptionsFunctions } from 'n8n-workflow';

import type { AdaptiveLimiter } from './rateLimiter';
import type { ZenviaCredentials } from './types';

export const CREDENTIAL_TYPE = 'zenviaChatApi';

/** How long one item may take, all requests, retries and waits included, unless the user says otherwise. */
export const DEFAULT_ITEM_TIME_LIMIT_SECONDS = 120;

/**
 * An item's time limit. It starts when the item gets its turn to send (not while it waits behind
 * an earlier item of its conversation); until then the whole limit is left.
 */
export class Deadline {
	private startedAt: number | undefined;

	constructor(
		readonly limitMs: number,
		private readonly now: () => number = Date.now,
	) {}

	/** No limit: a dropdown's list in the editor, the credential test. */
	static none(): Deadline {
		return new Deadline(Infinity);
	}

	start(): void {
		this.startedAt ??= this.now();
	}

	get elapsedMs(): number {
		return this.startedAt === undefined ? 0 : this.now() - this.startedAt;
	}

	get remainingMs(): number {
		return this.limitMs - this.elapsedMs;
	}

	/** The moment the limit runs out, on the same clock as `now`. */
	get endsAt(): number {
		return this.startedAt === undefined ? Infinity : this.startedAt + this.limitMs;
	}
}

/**
 * What one execution of the node shares between its items: the credential (n8n decrypts it and
 * resolves its expressions on every read, so it is read once), the limiter that slows every
 * request down after a 429, and the operation's name for messages.
 */
export interface ZenviaExecution {
	/** "Interaction > Start", as the editor shows it. */
	readonly operationName: string;
	readonly limiter?: AdaptiveLimiter;
	credentials(): Promise<ZenviaCredentials>;
	/**
	 * What the transport derives from the credential once per API and token kind (base URL, n8n's
	 * authentication argument, the redactor of its secrets), so no request rebuilds it.
	 */
	readonly connections: Map<string, unknown>;
}

/**
 * One item's run (or one batch's, for the bulk endpoints): everything a request needs to know
 * about the item it serves, handed down explicitly from the router to the transport.
 */
export interface ItemRun {
	/** The input item this run answers; a batch's first item. */
	readonly itemIndex: number;
	readonly execution: ZenviaExecution;
	readonly deadline: Deadline;
	/**
	 * The conversation the item writes to (an interaction hash, a WhatsApp customer's external id),
	 * set by the operation when it reads that field: items of one conversation send in input order.
	 */
	conversation?: string;
	/**
	 * Awaited by the transport before the item's first request: the item has passed its checks (so
	 * the next item may start its own), then waits for its conversation's turn; its clock starts then.
	 */
	ready(): Promise<void>;
}

/** Reads the credential once, on first use; a failed read is not kept, so each item reports its own. */
export function credentialsOnce(context: IExecuteFunctions | ILoadOptionsFunctions): () => Promise<ZenviaCredentials> {
	let read: Promise<ZenviaCredentials> | undefined;
	return async () => {
		if (!read) {
			const current = context.getCredentials<ZenviaCredentials>(CREDENTIAL_TYPE);
			read = current;
			current.catch(() => {
				if (read === current) read = undefined;
			});
		}
		return await read;
	};
}

/**
 * A run outside the per-item loop: a dropdown's list, a resource mapper's columns. No limiter, no
 * time limit, no turn to wait for.
 */
export function standaloneRun(context: IExecuteFunctions | ILoadOptionsFunctions, operationName: string): ItemRun {
	return {
		itemIndex: 0,
		execution: { operationName, credentials: credentialsOnce(context), connections: new Map() },
		deadline: Deadline.none(),
		ready: async () => {},
	};
}
