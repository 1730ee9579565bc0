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
}

export interface Fault {
	/** Exact path, or a prefix ending with "*". */
	path: string;
	method?: string;
	status?: number;
	body?: unknown;
	/** json (default); not-json: a broken body labelled application/json; html: a gateway page. */
	bodyKind?: 'json' | 'not-json' | 'html';
	latencyMs?: number;
	retryAfter?: number;
	drop?: boolean;
	/** Read and handle the request (state changes), then destroy the socket unanswered. */
	dropAfterReceive?: boolean;
	times?: number;
}

export type FaultKind = 'drop' | 'dropAfterReceive' | 'status' | 'latency';

export interface LoggedRequest {
	method: string;
	path: string;
	query: Record<string, string>;
	/** Parsed JSON; the raw text when it was not JSON; null when empty. Tokens are "[redacted]". */
	body: unknown;
	fault?: FaultKind;
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
	configure(changes: { records?: number; seed?: number; now?: string; spanDays?: number }): void;
	/** Forget interactions, logged requests and faults. */
	reset(): void;
	close(): Promise<void>;
}

export function startEmulator(options?: EmulatorOptions): Promise<Emulator>;
