import { ObservableObject } from 'n8n-workflow';
import type { IDataObject } from 'n8n-workflow';

import { LatestDesks, newerDesk } from '../../../nodes/ZenviaChatTrigger/latestDesks';
import { DESK_ENTRY } from '../../../nodes/ZenviaChat/helpers/waitDesk';
import type { WaitDesk } from '../../../nodes/ZenviaChat/helpers/waitDesk';

const desk = (rev: number | undefined, name: string): WaitDesk => ({ key: name, waiters: {}, ...(rev === undefined ? {} : { rev }) });

describe('newerDesk: which copy of the desk a webhook call reads', () => {
	test.each([
		// loaded rev, kept rev, which
		[undefined, undefined, 'none'],
		[3, undefined, 'loaded'],
		[undefined, 3, 'kept'],
		[3, 3, 'loaded'],
		[3, 4, 'kept'],
		// Another process (or a save that landed late) wrote a newer one.
		[5, 4, 'loaded'],
		// A desk written before revisions were counted reads as 0.
		['no rev', 1, 'kept'],
		[1, 'no rev', 'loaded'],
	])('loaded %p, kept %p: %s', (loadedRev, keptRev, which) => {
		const make = (rev: number | string | undefined, name: string) => (rev === undefined ? undefined : desk(typeof rev === 'number' ? rev : undefined, name));
		const chosen = newerDesk(make(loadedRev, 'loaded'), make(keptRev, 'kept'));
		expect(chosen?.key ?? 'none').toBe(which);
	});
});

describe('LatestDesks', () => {
	test('a change writes into the call\'s static data with the next revision and is read by later calls of the same workflow only', () => {
		const desks = new LatestDesks();
		const staticData: IDataObject = {};
		desks.change('wf1', staticData, () => desk(undefined, 'k'));
		expect(staticData[DESK_ENTRY]).toMatchObject({ key: 'k', rev: 1 });
		expect(desks.read('wf1', {})).toMatchObject({ key: 'k', rev: 1 });
		expect(desks.read('wf2', {})).toBeUndefined();
	});

	test('no change writes nothing', () => {
		const desks = new LatestDesks();
		const staticData: IDataObject = {};
		expect(desks.change('wf1', staticData, () => undefined)).toBeUndefined();
		expect(staticData).toEqual({});
	});

	test('what a call reads is a copy: changing it without `change` alters neither the kept desk nor static data', () => {
		const desks = new LatestDesks();
		const staticData: IDataObject = {};
		desks.change('wf1', staticData, () => desk(undefined, 'k'));
		const copy = desks.read('wf1', {}) as WaitDesk;
		copy.waiters.x = { url: 'u', events: [], until: 0, registeredAt: 0, executionId: '1' };
		expect(desks.read('wf1', {})?.waiters).toEqual({});
		expect((staticData[DESK_ENTRY] as WaitDesk).waiters).toEqual({});
	});

	test('works on static data as n8n hands it over (an observed object, which structuredClone cannot copy), and marks it changed', () => {
		const desks = new LatestDesks();
		const staticData = ObservableObject.create({ [DESK_ENTRY]: { key: 'k', waiters: {}, rev: 2 } });
		expect(desks.read('wf1', staticData)).toEqual({ key: 'k', waiters: {}, rev: 2 });
		desks.change('wf1', staticData, (desk) => desk && { ...desk, intake: 'http://n8n/webhook/w/zenvia-chat' });
		expect(staticData[DESK_ENTRY]).toMatchObject({ rev: 3, intake: 'http://n8n/webhook/w/zenvia-chat' });
		expect(staticData.__dataChanged).toBe(true);
	});
});
