import { NodeOperationError } from 'n8n-workflow';
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { WaitOutput } from './outcome';

/*
 * Bot > Send and Wait for Reply as n8n's Human-review gate. For a node type with a sendAndWait
 * operation, n8n 2.x also offers a "<type>HitlTool" variant (n8n/dist/tool-generation/hitl-tools.js)
 * that sits between an AI Agent and a gated tool: it sends its Message parameter, waits, and the
 * agent reads the resumed item's `approved` (true runs the gated tool) and `chatInput` (otherwise
 * given to the model as the reviewer's feedback). Here the reviewer is the customer, who answers in
 * the conversation: a reply that reads as a yes approves, any other reply is the feedback.
 */

/** The replies that approve when the user leaves the field as it is. */
export const DEFAULT_APPROVE_WHEN = 'sim, s, yes, y, ok, confirmo, 1';

/**
 * A hidden field whose value tells the two variants apart in the form: n8n's Human-review variant
 * replaces a property named responseType with its own hidden one set to "approval"
 * (hitl-tools.js, filterHitlToolProperties), the plain node keeps "reply".
 */
export const responseTypeField: INodeProperties = {
	displayName: 'Response Type',
	name: 'responseType',
	type: 'hidden',
	default: 'reply',
};

/** Shown only in the Human-review variant. */
export const approveWhenField: INodeProperties = {
	displayName: 'Approve When the Reply Is',
	name: 'approveWhen',
	type: 'string',
	default: DEFAULT_APPROVE_WHEN,
	description:
		'As a Human-review gate: the replies, separated by commas, that approve the tool call. The whole reply is compared, ignoring case, accents, spaces and punctuation at its ends. Any other reply reaches the AI Agent as the customer\'s feedback; no reply or a customer who leaves rejects it.',
	displayOptions: { show: { responseType: ['approval'] } },
};

/** Whether the node runs as n8n's Human-review gate (its node type ends with HitlTool). */
export function isHumanReviewGate(nodeType: string): boolean {
	return nodeType.endsWith('HitlTool');
}

/** Lower case, no accents, single spaces, no punctuation or spaces at either end. */
export function normalizeReply(text: string): string {
	return text
		.normalize('NFD')
		.replace(/\p{M}/gu, '')
		.toLowerCase()
		.replace(/\s+/g, ' ')
		.replace(/^[\s\p{P}]+|[\s\p{P}]+$/gu, '');
}

/** The field's list, each entry normalized; empty entries dropped. */
export function parseApproveWhen(list: string): string[] {
	return [...new Set(list.split(',').map(normalizeReply).filter((entry) => entry !== ''))];
}

/** The decision: the customer's whole reply, normalized, is one of the approving replies. */
export function readsAsApproval(reply: string, approving: string[]): boolean {
	const normalized = normalizeReply(reply);
	return normalized !== '' && approving.includes(normalized);
}

/**
 * The gate's item: the wait's item plus `approved`, and for a reply its text as `chatInput`, so a
 * "no, but ..." reaches the model as feedback. No reply, or a customer who left, rejects.
 */
export function gateOutput(output: WaitOutput, approving: string[]): WaitOutput {
	if (output.outcome !== 'reply') return { ...output, approved: false };
	const text = typeof output.content === 'string' ? output.content : '';
	return { ...output, approved: readsAsApproval(text, approving), chatInput: text };
}

/** Reads the field once, before anything is sent; a list with no reply in it is refused. */
export function readApproveWhen(this: IExecuteFunctions, itemIndex: number): string[] {
	const given = this.getNodeParameter('approveWhen', itemIndex, DEFAULT_APPROVE_WHEN) as unknown;
	const approving = typeof given === 'string' ? parseApproveWhen(given) : [];
	if (approving.length === 0) {
		throw new NodeOperationError(this.getNode(), `Approve When the Reply Is needs at least one reply, got ${JSON.stringify(given)}`, {
			itemIndex,
			description: `Separate the replies with commas, e.g. "${DEFAULT_APPROVE_WHEN}".`,
		});
	}
	return approving;
}

/** The question the gate sends: its Message parameter, as text. */
export function readGateMessage(this: IExecuteFunctions, itemIndex: number): string {
	const given = this.getNodeParameter('message', itemIndex, '') as unknown;
	if (typeof given !== 'string' || given.trim() === '') {
		throw new NodeOperationError(this.getNode(), 'Message is empty: the customer is asked this text before the tool runs', {
			itemIndex,
			description: 'Write the question the customer answers, e.g. "May I transfer you to a person?".',
		});
	}
	return given;
}

/** The approving replies travel in the signed resume URL, so the resume reads the same list. */
export const APPROVE_QUERY = 'approveWhen';

export function approvingFromQuery(value: unknown): string[] {
	if (typeof value !== 'string') return parseApproveWhen(DEFAULT_APPROVE_WHEN);
	try {
		const parsed = JSON.parse(value) as unknown;
		if (Array.isArray(parsed) && parsed.every((entry) => typeof entry === 'string')) return parsed as string[];
	} catch {
		// fall through: the default list
	}
	return parseApproveWhen(DEFAULT_APPROVE_WHEN);
}
