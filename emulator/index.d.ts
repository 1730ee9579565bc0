// Types for TypeScript tests that import the emulator (emulator/index.js is plain JavaScript).

export interface EmulatorOptions {
	/** 0 picks a free port (default). */
	port?: number;
	/** Default 127.0.0.1. */
	host?: string;
	/** Accepted Chat API token(s) (Integrations > API); default "emulator-token". */
	token?: string | string[];
	/** Accepted ClientSDK token(s) (Integrations > ClientSDK); default "emulator-clientsdk-token". */
	clientSdkToken?: string | string[];
	/** Seed of the generated report data; default 42. */
	seed?: number;
	/** Rows in the history data set and in the ongoing data set; default 1000, at most 1,000,000. */
	records?: number;
	/** The emulator's "current date" (ISO); default 2025-06-01T00:00:00Z. */
	now?: string;
	/** History spreads evenly over this many days before `now`; default 30. */
	spanDays?: number;
	/** Where agent events are posted. */
	webhookTarget?: string | null;
	/** Every API answer waits this long; default 0. */
	latencyMs?: number;
	/** Token-bucket rate limit: over it, 429 with Retry-After; default 0 (off). */
	rateLimitPerSecond?: number;
	/** The bucket's size (requests at once after a quiet spell); default the per-second rate. */
	rateLimitBurst?: number;
}

export interface Fault {
	/** Exact path, or a prefix ending with "*". */
	path: string;
	method?: string;
	status?: number;
	body?: unknown;
	/**
	 * json (default); not-json: a broken body labelled application/json; html: a gateway page;
	 * json-string: `"ok"`; json-null: `null`; empty: no body; error-shape: `{error, status,
	 * success: false}`; echo-token: a message repeating the request's token in raw, escaped,
	 * URL-encoded and base64 forms.
	 */
	bodyKind?: 'json' | 'not-json' | 'html' | 'json-string' | 'json-null' | 'empty' | 'error-shape' | 'echo-token';
	latencyMs?: number;
	retryAfter?: number;
	drop?: boolean;
	/** Read and handle the request (state changes), then destroy the socket unanswered. */
	dropAfterReceive?: boolean;
	/** Handle the request (state changes), send the headers and half the body, then destroy the socket. */
	dropMidAnswer?: boolean;
	times?: number;
	/** Let the first N matching requests through untouched (e.g. fault the second item of a run). */
	skip?: number;
}

export type FaultKind = 'drop' | 'dropAfterReceive' | 'dropMidAnswer' | 'status' | 'latency';

export interface LoggedRequest {
	method: string;
	path: string;
	query: Record<string, string>;
	/** Parsed JSON; the raw text when it was not JSON; null when empty. Tokens are "[redacted]". */
	body: unknown;
	fault?: FaultKind;
	rateLimited?: boolean;
	at: string;
}

export interface StoredMessage {
	hash: string;
	content: string;
	type: string;
	url: string | null;
	direction: 'CLIENT' | 'AGENT';
	createdAt: string;
}

export interface Interaction {
	hash: string;
	channel: 'chat' | 'whatsapp';
	departmentId: number;
	mediaType: string;
	customer: { name?: string; email?: string; phone?: string; cpf?: string; external_id?: string };
	extra: Record<string, unknown>;
	externalHistory: string | null;
	externalId: string | null;
	messages: StoredMessage[];
	tagIds: Array<string | number>;
	mood: 'POSITIVE' | 'NEGATIVE' | null;
	customerKey: string | null;
	note: string | null;
	finished: boolean;
	typing: boolean;
	agentState: 'new' | 'queued' | 'accepted' | 'unavailable' | 'transferred' | 'finished';
	createdAt: string;
}

export type AgentAction = 'queue' | 'accept' | 'unavailable' | 'type' | 'stopTyping' | 'message' | 'transfer' | 'finish';

export interface AgentParams {
	interactionHash?: string;
	externalId?: string;
	position?: number;
	message?: { hash?: string; content?: string; type?: string; url?: string | null };
	content?: string;
	agent?: { id: number; name: string };
	departmentId?: number | string;
	extra?: Record<string, unknown>;
	target?: string;
	query?: Record<string, string>;
	headers?: Record<string, string>;
	raw?: boolean;
	body?: unknown;
}

export interface Delivery {
	/** The target's HTTP status; 0 when it could not be reached. */
	status: number;
	body: unknown;
	error?: string;
}

export interface BotInteraction {
	hash: string;
	departmentId: number;
	state: 'waiting' | 'accepted' | 'transferred' | 'finished';
	/** department_id of the transfer; null = back to the department it started in. */
	transferredTo: number | null;
	messages: Array<{ from: 'CUSTOMER' | 'BOT'; content: string; contentType: string; attachment: { url: string; size?: number } | null }>;
}

export type BotAction = 'newInteraction' | 'newMessage' | 'finishedInteraction';

export interface BotParams {
	/** Required but for newInteraction, which makes a new hash when none is given. */
	interactionHash?: string;
	/** newInteraction; default 1. */
	departmentId?: number;
	/** newMessage; default "Hello". */
	content?: string;
	/** newMessage; default "text". */
	contentType?: string;
	target?: string;
	query?: Record<string, string>;
	headers?: Record<string, string>;
}

export interface AccountState {
	customers: Map<number, { id: number; account_id: number; fields: Record<string, unknown>; customer_key: string; agent_id: number | null; date_creation: string; change_date: string | null; active: boolean }>;
	agents: Map<number, { id: number; name: string; email: string; password: string; profile: 'ADMIN' | 'AGENT'; text_limit: number | null; new_status: string; departmentId: number }>;
	tasks: unknown[];
	offcontacts: unknown[];
}

export interface Emulator {
	/** Base URL without a trailing slash, for all three APIs. */
	url: string;
	port: number;
	state: { interactions: Map<string, Interaction>; bots: Map<string, BotInteraction>; account: AccountState };
	requests(): LoggedRequest[];
	clearRequests(): void;
	setFault(fault: Fault): void;
	clearFaults(): void;
	setWebhookTarget(url: string | null): void;
	agent(action: AgentAction | string, params?: AgentParams): Promise<{ delivered: Delivery[] }>;
	/** Zenvia's side of an external bot: posts new_interaction, new_message or finished_interaction. */
	bot(action: BotAction, params?: BotParams): Promise<{ payload: Record<string, unknown>; delivered: Delivery[] }>;
	configure(changes: {
		records?: number;
		seed?: number;
		now?: string;
		spanDays?: number;
		/** Every API answer waits this long. */
		latencyMs?: number;
		/** Token-bucket limit answered with 429 and Retry-After; 0 turns it off. */
		rateLimitPerSecond?: number;
		rateLimitBurst?: number;
	}): void;
	/** Forget interactions, logged requests and faults. */
	reset(): void;
	close(): Promise<void>;
}

export function startEmulator(options?: EmulatorOptions): Promise<Emulator>;

export interface TrafficConfig {
	latencyMs: number;
	rateLimitPerSecond: number;
	rateLimitBurst: number;
}
export function normalizeTrafficConfig(options?: Partial<TrafficConfig>): TrafficConfig;
/** The emulator's token bucket, exposed so its arithmetic can be tested without waiting. */
export function createRateLimiter(
	config: TrafficConfig,
	now?: () => number,
): { take(): { allowed: true } | { allowed: false; retryAfterSeconds: number } };
