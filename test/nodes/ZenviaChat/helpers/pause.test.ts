import { doublingPauseMs } from '../../../../nodes/ZenviaChat/helpers/pause';

describe('A pause that doubles with each try', () => {
	test.each([
		// first, max, tries, pause
		[25, 500, 0, 25],
		[25, 500, 1, 25],
		[25, 500, 2, 50],
		[25, 500, 5, 400],
		[25, 500, 6, 500],
		[25, 500, 60, 500],
		[150, 2000, 4, 1200],
		[150, 2000, 5, 2000],
	])('from %i ms, at most %i ms, try %i: %i ms', (first, max, tries, pause) => {
		expect(doublingPauseMs(first, max, tries)).toBe(pause);
	});
});
