import { baseUrlFor } from '../../../../../nodes/ZenviaChat/transport';
import type { ZenviaCredentials } from '../../../../../nodes/ZenviaChat/transport/types';
import { useZenvia } from '../../../../helpers/zenvia';

const credentials = (changes: Partial<ZenviaCredentials> = {}): ZenviaCredentials => ({
	clientSdkToken: 't0ken-value',
	environment: 'production',
	...changes,
});

describe('WhatsApp API v1 base URL', () => {
	it.each([
		[{}, 'https://services.omnize.com.br'],
		[{ environment: 'homologation' as const }, 'https://homolog.services.omnize.com.br'],
		[{ environment: 'homologation' as const, customBaseUrls: true, whatsappApiBaseUrl: ' http://127.0.0.1:9000/ ' }, 'http://127.0.0.1:9000'],
		// With Custom Base URLs off, an override kept from before counts for nothing.
		[{ environment: 'homologation' as const, whatsappApiBaseUrl: 'http://127.0.0.1:9000' }, 'https://homolog.services.omnize.com.br'],
		[{ customBaseUrls: true, whatsappApiBaseUrl: '   ' }, 'https://services.omnize.com.br'],
		[{ customBaseUrls: true, chatApiBaseUrl: 'http://127.0.0.1:9000' }, 'https://services.omnize.com.br'],
	])('follows the environment unless overridden: %j', (changes, expected) => {
		expect(baseUrlFor('whatsapp', credentials(changes))).toBe(expected);
	});

	it('leaves the Chat API base URL alone in homologation', () => {
		expect(baseUrlFor('chat', credentials({ environment: 'homologation' }))).toBe('https://zchat.zenvia.io');
	});

	describe('in a run', () => {
		const env = useZenvia({ records: 1000, seed: 42 });

		it('sends WhatsApp calls to the override, not to the Chat API base URL', async () => {
			const { error } = await env.run(
				{ resource: 'whatsapp', operation: 'getDepartments', returnAll: true },
				{ credentials: { environment: 'homologation', chatApiBaseUrl: 'http://127.0.0.1:9', whatsappApiBaseUrl: env.emu.url } },
			);

			expect(error).toBeUndefined();
			expect(env.emu.requests().map(({ path }) => path)).toEqual(['/api/v1/departments']);
		});
	});
});
