import { doublingPauseMs } from '../../helpers/pause';

/*
 * Whether a registration held. The trigger keeps waiters in the workflow's static data, which n8n
 * loads at the start of each webhook call and saves whole at its end. Within one n8n process the
 * trigger's own newest copy keeps registrations from hiding each other (ZenviaChatTrigger/
 * latestDesks.ts), and the trigger answers such a registration held at once. When it cannot tell
 * (it has not written the desk since n8n started, or another process wrote a newer one), it answers
 * not held, and the registration is repeated after a pause until a later call finds it held. The
 * question is sent only then.
 */

/** What the trigger answered a registration. */
export interface RegistrationAnswer {
	/** The trigger vouches that the waiter is on the desk: found there, or written from a desk only its own process wrote. */
	held: boolean;
}

export type HoldingStep = { kind: 'held' } | { kind: 'again'; afterMs: number } | { kind: 'lost' };

/** How many registrations in a row may find the waiter gone before the wait fails. */
export const HOLDING_ROUNDS = 8;
/** The first pause before asking again; it doubles (a busy n8n takes longer to save). */
export const HOLDING_FIRST_PAUSE_MS = 150;
export const HOLDING_MAX_PAUSE_MS = 2_000;

/** After the `round`-th registration (1 = the first), what to do next. */
export function afterRegistration(answer: RegistrationAnswer, round: number): HoldingStep {
	if (answer.held) return { kind: 'held' };
	if (round >= HOLDING_ROUNDS) return { kind: 'lost' };
	return { kind: 'again', afterMs: doublingPauseMs(HOLDING_FIRST_PAUSE_MS, HOLDING_MAX_PAUSE_MS, round) };
}

/** Reads the trigger's answer: `{ registered: true, held }`; undefined when it is not one. */
export function readRegistrationAnswer(body: unknown): RegistrationAnswer | undefined {
	let value = body;
	if (typeof value === 'string') {
		try {
			value = JSON.parse(value);
		} catch {
			return undefined;
		}
	}
	if (!value || typeof value !== 'object' || (value as { registered?: unknown }).registered !== true) return undefined;
	return { held: (value as { held?: unknown }).held === true };
}
