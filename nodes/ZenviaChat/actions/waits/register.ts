import { createHash } from 'crypto';
import { NodeOperationError, sleep } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { REGISTRATION_HEADER, WAIT_PASS_ENTRY, conversationKeyOf, readDesk, readPass, sameOrigin, signRegistration } from '../../helpers/waitDesk';
import type { Registration } from '../../helpers/waitDesk';
import { WEBHOOK_URL_HINT } from '../../helpers/pause';
import { afterRegistration, readRegistrationAnswer } from './holding';
import type { RegistrationAnswer } from './holding';
import { limitOutcome } from './outcome';
import { WAIT_SINCE } from './resume';

/*
 * The waiting node's half of a wait (the trigger's half: ../../../ZenviaChatTrigger/waits.ts).
 * Before anything is sent, the node registers {conversation → its resume URL, the events that end
 * the wait, its limit} through the Zenvia Chat Trigger's Production URL, so a reply that comes
 * within milliseconds of the question already finds its waiter; then the caller sends, then the
 * execution waits.
 */

/** A busy n8n answers its own webhook calls late: a registration may wait this long. */
const REGISTRATION_TIMEOUT_MS = 30_000;

export interface WaitPlan {
	itemIndex: number;
	/** conversationKey(...) of ../../helpers/waitDesk */
	conversation: string;
	events: string[];
	limitMs: number;
	/** The n8n operation name decides how n8n checks the resume URL (see resumeUrl). */
	sendAndWait: boolean;
	/** More query parameters for the resumed node, signed with the URL (Send and Wait for Reply only). */
	query?: Record<string, string>;
}

/**
 * n8n's resume URL of this node in this execution. n8n 2.x checks every call to it: for an
 * operation named sendAndWait against the URL's HMAC signature (getSignedResumeUrl), for any other
 * against the execution's resume token, which `$execution.resumeUrl` carries (the node's id goes
 * in the path, as the signed URL has it). `since` gives the resumed node its waiting time.
 */
function resumeUrl(context: IExecuteFunctions, plan: WaitPlan, since: number): string {
	if (plan.sendAndWait) return context.getSignedResumeUrl({ ...plan.query, since: String(since) });
	const base = new URL(String(context.evaluateExpression('{{ $execution.resumeUrl }}', plan.itemIndex)));
	base.pathname = `${base.pathname.replace(/\/$/, '')}/${context.getNode().id}`;
	base.searchParams.set('since', String(since));
	return base.toString();
}

function registrationFailure(context: IExecuteFunctions, itemIndex: number, intake: string, status: number | undefined, detail: string): NodeOperationError {
	if (status === undefined) {
		return new NodeOperationError(context.getNode(), `n8n could not reach the Zenvia Chat Trigger's Production URL to register the wait (${detail})`, {
			itemIndex,
			description: `The URL is ${intake}. ${WEBHOOK_URL_HINT}`,
		});
	}
	const why =
		status === 404
			? 'the workflow is not published (active), so its trigger does not listen'
			: status === 401
				? 'the trigger did not recognise the registration: publish the workflow again'
				: `the trigger answered ${status}: ${detail}`;
	return new NodeOperationError(context.getNode(), `The Zenvia Chat Trigger refused to register the wait: ${why}`, { itemIndex });
}

/**
 * Execution custom data entries that carry the trigger's address and the keys of the execution's
 * latest conversations along the execution: "<digest of the conversation>.<its key>" pairs, newest
 * first. Three pairs keep the value under n8n's 255 characters; a fixed number of entries leaves
 * the workflow's own custom data room (n8n keeps ten per execution).
 */
const CARRIED_INTAKE = 'zenviaChatWaitIntake';
const CARRIED_KEYS = 'zenviaChatWaitKeys';
const CARRIED_CONVERSATIONS = 3;

/** What a conversation's pair starts with: "<digest>." */
const pairPrefixOf = (conversation: string) => `${createHash('sha256').update(conversation).digest('hex').slice(0, 16)}.`;

/** The carried key of the conversation with this pair prefix, if one of the latest. */
function carriedKey(pairs: string | undefined, prefix: string): string | undefined {
	return (pairs ?? '').split(' ').find((pair) => pair.startsWith(prefix))?.slice(prefix.length) || undefined;
}

/** The pairs with this conversation's key first, the oldest dropped. */
function withCarriedKey(pairs: string | undefined, prefix: string, key: string): string {
	const others = (pairs ?? '').split(' ').filter((pair) => pair && !pair.startsWith(prefix));
	return [`${prefix}${key}`, ...others].slice(0, CARRIED_CONVERSATIONS).join(' ');
}

/** The Zenvia Chat Trigger's node type, whatever the package's scope. */
const TRIGGER_TYPE = /(^|\.)zenviaChatTrigger$/;

/** Where a registration goes, and the key of its conversation that signs it. */
interface RegistrationTarget {
	intake: string;
	key: string;
}

/**
 * The wait pass the Zenvia Chat Trigger put on the item it started this execution with (see
 * waitDesk.ts), for this conversation; undefined when there is none. A pass is only taken for an
 * address on this n8n (the origin of the execution's own resume URL).
 */
function passFromTrigger(context: IExecuteFunctions, itemIndex: number, conversation: string): RegistrationTarget | undefined {
	// An AI Agent's tool has no main input: n8n runs it for the agent, its source, whose ancestors
	// hold the trigger.
	const from = [context.getNode().name, ...(context.getExecuteData().source?.main ?? []).map((source) => source?.previousNode)];
	const triggers = from
		.filter((name): name is string => typeof name === 'string')
		.flatMap((name) => context.getParentNodes(name))
		.filter((node) => TRIGGER_TYPE.test(node.type) && !node.disabled);
	if (triggers.length === 0) return undefined;
	const proxy = context.getWorkflowDataProxy(itemIndex);
	const ownResumeUrl = String(context.evaluateExpression('{{ $execution.resumeUrl }}', itemIndex));
	for (const trigger of triggers) {
		let item: IDataObject | undefined;
		try {
			// The whole item, not only its json: the pass sits beside it.
			item = (proxy.$(trigger.name, true) as { first: () => IDataObject | undefined }).first();
		} catch {
			// This trigger did not start this execution.
			continue;
		}
		const pass = readPass(item?.[WAIT_PASS_ENTRY]);
		const key = pass?.keys[conversation];
		if (pass && key && sameOrigin(pass.intake, ownResumeUrl)) return { intake: pass.intake, key };
	}
	return undefined;
}

/**
 * Where to register and with which key; the desk's own key never leaves static data, a
 * registration is signed with its conversation's key (waitDesk.ts, conversationKeyOf). First the
 * desk the trigger keeps in static data. n8n runs an execution that its wait limit resumed without
 * the workflow's static data (an execution keeps no copy of it), so the address and the keys of
 * the execution's latest conversations also travel with the execution, in its custom data, for a
 * later wait. A worker in queue mode gets no static data for a new execution either: there the
 * wait pass on the trigger's item gives them, for the event's own conversations.
 */
function registrationTarget(context: IExecuteFunctions, itemIndex: number, conversation: string): RegistrationTarget | undefined {
	// n8n 1.x gives nodes no execution custom data (`this.customData` is undefined there).
	if (!context.customData) {
		throw new NodeOperationError(context.getNode(), 'Waiting needs n8n 2.0 or later', {
			description:
				'This n8n gives nodes no execution custom data (this.customData, added in n8n 2), which a wait needs to carry the trigger\'s address across n8n\'s own resumes. Update n8n, or answer each message in its own execution with Bot > Send Message.',
		});
	}
	const { customData } = context;
	const desk = readDesk(context.getWorkflowStaticData('global'));
	const prefix = pairPrefixOf(conversation);
	const carried = (): RegistrationTarget | undefined => {
		const intake = customData.get(CARRIED_INTAKE);
		const key = carriedKey(customData.get(CARRIED_KEYS), prefix);
		return intake && key ? { intake, key } : undefined;
	};
	const target = desk?.intake ? { intake: desk.intake, key: conversationKeyOf(desk.key, conversation) } : (carried() ?? passFromTrigger(context, itemIndex, conversation));
	if (!target) return undefined;
	const keys = withCarriedKey(customData.get(CARRIED_KEYS), prefix, target.key);
	if (customData.get(CARRIED_INTAKE) !== target.intake) customData.set(CARRIED_INTAKE, target.intake);
	if (customData.get(CARRIED_KEYS) !== keys) customData.set(CARRIED_KEYS, keys);
	return target;
}

/** One registration call to the trigger's Production URL, signed now; throws when it is refused. */
async function postRegistration(context: IExecuteFunctions, itemIndex: number, target: RegistrationTarget, body: string): Promise<RegistrationAnswer> {
	let response: { statusCode?: number; body?: unknown };
	try {
		response = (await context.helpers.httpRequest({
			method: 'POST',
			url: target.intake,
			body,
			headers: { 'content-type': 'application/json', [REGISTRATION_HEADER]: signRegistration(target.key, body, Date.now()) },
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
			timeout: REGISTRATION_TIMEOUT_MS,
		})) as { statusCode?: number; body?: unknown };
	} catch (error) {
		throw registrationFailure(context, itemIndex, target.intake, undefined, error instanceof Error ? error.message : String(error));
	}
	const status = Number(response.statusCode);
	const answer = status === 200 ? readRegistrationAnswer(response.body) : undefined;
	if (!answer) {
		const text = typeof response.body === 'string' ? response.body : JSON.stringify(response.body ?? '');
		throw registrationFailure(context, itemIndex, target.intake, status, text.slice(0, 200));
	}
	return answer;
}

/** Registers the wait with the workflow's Zenvia Chat Trigger. Throws, saying what to fix, when it cannot. */
export async function registerWait(this: IExecuteFunctions, plan: WaitPlan): Promise<{ since: number; until: number }> {
	const { itemIndex } = plan;
	const target = registrationTarget(this, itemIndex, plan.conversation);
	if (!target) {
		throw new NodeOperationError(this.getNode(), 'Waiting needs a published Zenvia Chat Trigger in this workflow', {
			itemIndex,
			description:
				'The trigger delivers the events a wait ends with. Add a Zenvia Chat Trigger to this workflow (with the events Zenvia posts for this conversation) and publish the workflow. The trigger keeps the address waits register at in the workflow\'s static data, which n8n does not give a queue-mode worker\'s new execution or an execution it resumed at its wait limit: there a wait can only be for the conversation of the Zenvia Chat Trigger event that started the execution, or one of the last three this execution waited for (docs/QUEUE-MODE.md).',
		});
	}
	const since = Date.now();
	const until = since + plan.limitMs;
	// Before the URL is out: only a call for this wait may resume the execution (resume.ts).
	this.customData.set(WAIT_SINCE, String(since));
	const registration: Registration = {
		conversation: plan.conversation,
		waiter: { url: resumeUrl(this, plan, since), events: plan.events, until, registeredAt: since, executionId: this.getExecutionId() },
	};
	const body = JSON.stringify(registration);
	for (let round = 1; ; round++) {
		const answer = await postRegistration(this, itemIndex, target, body);
		const step = afterRegistration(answer, round);
		if (step.kind === 'held') break;
		if (step.kind === 'lost') {
			throw new NodeOperationError(this.getNode(), 'The Zenvia Chat Trigger kept losing this wait\'s registration', {
				itemIndex,
				description: `Registered ${round} times, and each time another webhook call of this workflow saved its static data over it (n8n saves a workflow's static data whole). Nothing was sent to the customer: run the node again, and keep other writes to this workflow's static data (Code nodes) out of it.`,
			});
		}
		await sleep(step.afterMs);
	}
	return { since, until };
}

/**
 * Puts the execution to wait until `until`. A wait that reaches its limit is resumed by n8n's own
 * timer, which outputs the node's input items as they are (workflow-execute.ts,
 * handleWaitingState: the node is not run again); so the item the limit gives is put in their
 * place now, and a resume by an event replaces it with the event's item.
 */
export async function waitUntil(this: IExecuteFunctions, until: number, limitItem: IDataObject, outcome: 'noReply' | 'timeout', limitMs: number): Promise<IDataObject> {
	const json = limitOutcome(outcome, limitItem, limitMs);
	this.getExecuteData().data = { main: [[{ json, pairedItem: { item: 0 } }]] };
	await this.putExecutionToWait(new Date(until));
	return json;
}
