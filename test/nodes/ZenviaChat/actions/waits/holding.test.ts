import { afterRegistration, HOLDING_ROUNDS, readRegistrationAnswer } from '../../../../../nodes/ZenviaChat/actions/waits/holding';

describe('Whether a wait registration held', () => {
	test.each([
		// answer, round, next step
		[{ held: true }, 1, { kind: 'held' }],
		[{ held: true }, 5, { kind: 'held' }],
		[{ held: false }, 1, { kind: 'again', afterMs: 150 }],
		[{ held: false }, 2, { kind: 'again', afterMs: 300 }],
		[{ held: false }, 3, { kind: 'again', afterMs: 600 }],
		[{ held: false }, 4, { kind: 'again', afterMs: 1200 }],
		[{ held: false }, 5, { kind: 'again', afterMs: 2000 }],
		[{ held: false }, 7, { kind: 'again', afterMs: 2000 }],
		[{ held: false }, HOLDING_ROUNDS, { kind: 'lost' }],
		[{ held: false }, HOLDING_ROUNDS + 1, { kind: 'lost' }],
	])('%j after round %i: %j', (answer, round, step) => {
		expect(afterRegistration(answer, round)).toEqual(step);
	});

	test.each([
		[{ registered: true }, { held: false }],
		[{ registered: true, held: false }, { held: false }],
		[{ registered: true, held: true }, { held: true }],
		['{"registered":true,"held":true}', { held: true }],
		['{"registered":true}', { held: false }],
		[{ registered: 'true', held: true }, undefined],
		[{ held: true }, undefined],
		['<html>not found</html>', undefined],
		['', undefined],
		[undefined, undefined],
		[null, undefined],
	])('the answer %j reads as %j', (body, answer) => {
		expect(readRegistrationAnswer(body)).toEqual(answer);
	});
});
