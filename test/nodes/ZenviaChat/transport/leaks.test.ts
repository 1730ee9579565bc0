import type { INodeParameters } from 'n8n-workflow';

import type { RunNodeResult } from '../../../helpers/runNode';
import { useZenvia } from '../../../helpers/zenvia';

/** A token full of the characters that change form when escaped, encoded or decoded. */
const ODD_TOKEN = 'ZvOdd/Tok:9-q+a=b&c%d';
const env = useZenvia({ token: ODD_TOKEN, records: 10 });

/** The token's distinctive parts: none may appear anywhere, in any encoding. */
const FRAGMENTS = ['ZvOdd', 'Tok:9', 'Tok%3A9', 'Tok%3a9', Buffer.from(ODD_TOKEN).toString('base64').slice(0, 12)];

const run = (parameters: INodeParameters, continueOnFail = false) =>
	env.run(parameters, { credentials: { chatApiToken: ODD_TOKEN, clientSdkToken: ODD_TOKEN }, continueOnFail, items: [{}, {}] });

const visible = (result: RunNodeResult) =>
	JSON.stringify(result.items) + JSON.stringify(result.error ?? {}) + String(result.error?.stack ?? '') + String(result.error?.description ?? '');

describe('a token echoed back in any form is never shown', () => {
	it.each([
		['a 401 on a Chat API write (token in the body)', { resource: 'interaction', operation: 'finish', interactionHash: 'h-1' }, '/core/api/v1/interactions/*'],
		['a 404 on a Reports API read (token in the query)', { resource: 'report', operation: 'getOngoing', limit: 2 }, '/api/ms/external/*'],
		['a 401 on WhatsApp API v1', { resource: 'whatsapp', operation: 'getDepartments', limit: 2 }, '/api/v1/*'],
	])('%s: not in the error, nor in Continue On Fail items', async (_, parameters, path) => {
		for (const continueOnFail of [false, true]) {
			env.emu.setFault({ path, status: path.startsWith('/api/ms') ? 404 : 401, bodyKind: 'echo-token' });
			const result = await run(parameters, continueOnFail);
			env.emu.clearFaults();

			expect(continueOnFail ? result.items.length : 1).toBe(continueOnFail ? 2 : 1);
			const shown = visible(result);
			expect(shown).toContain('[redacted]');
			for (const fragment of FRAGMENTS) expect([fragment, shown.includes(fragment)]).toEqual([fragment, false]);
		}
	});

	it('is not in a success answer that echoes it', async () => {
		env.emu.setFault({ path: '/core/api/v1/interactions/*', status: 200, bodyKind: 'echo-token' });

		const result = await run({ resource: 'interaction', operation: 'finish', interactionHash: 'h-1' });

		expect(result.items).toHaveLength(2);
		for (const fragment of FRAGMENTS) expect(visible(result)).not.toContain(fragment);
	});

	it('is not in a value that JSON escapes spell out only once parsed', async () => {
		// "\u0025" parses to "%": the raw text holds no URL-encoded token, the parsed value does.
		const spelled = encodeURIComponent(ODD_TOKEN).replace(/%/g, '\\u0025');
		env.emu.setFault({ path: '/core/api/v1/interactions/*', status: 200, bodyKind: 'not-json', body: `{"message":"ok ${spelled}"}` });

		const result = await run({ resource: 'interaction', operation: 'finish', interactionHash: 'h-1' });

		expect(result.items[0].json.message).toBe('ok [redacted]');
	});
});
