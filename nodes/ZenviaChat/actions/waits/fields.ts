import { NodeOperationError } from 'n8n-workflow';
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

/** The wait's limit when the user leaves it: long enough for a person to type, short enough to notice. */
export const DEFAULT_WAIT_LIMIT_MINUTES = 10;
/** n8n keeps a waiting execution in its database; a month is more than any conversation waits. */
const MAX_WAIT_LIMIT_MINUTES = 60 * 24 * 31;

export const waitLimitField: INodeProperties = {
	displayName: 'Wait Limit (Minutes)',
	name: 'waitLimitMinutes',
	type: 'number',
	typeOptions: { minValue: 0.05, numberPrecision: 2 },
	default: DEFAULT_WAIT_LIMIT_MINUTES,
	description:
		'How long the execution waits. It then goes on with outcome "noReply" (or "timeout" for Wait for Event). n8n checks expired waits about once a minute, so a wait may end up to a minute late.',
};

/** The limit in milliseconds; anything not a positive number of minutes is refused, naming the field. */
export function readWaitLimitMs(this: IExecuteFunctions, itemIndex: number): number {
	const given = this.getNodeParameter('waitLimitMinutes', itemIndex, DEFAULT_WAIT_LIMIT_MINUTES) as unknown;
	const minutes = typeof given === 'string' && given.trim() !== '' ? Number(given) : given;
	if (typeof minutes !== 'number' || !Number.isFinite(minutes) || minutes <= 0 || minutes > MAX_WAIT_LIMIT_MINUTES) {
		throw new NodeOperationError(
			this.getNode(),
			`Wait Limit (Minutes) must be a number of minutes above 0 and at most ${MAX_WAIT_LIMIT_MINUTES}, got ${JSON.stringify(given)}`,
			{ itemIndex },
		);
	}
	return Math.round(minutes * 60_000);
}
