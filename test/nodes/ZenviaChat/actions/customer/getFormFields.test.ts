import type { INodeParameters } from 'n8n-workflow';

import { useZenvia } from '../../../../helpers/zenvia';
import type { RunOptions } from '../../../../helpers/zenvia';

const env = useZenvia();
const run = (operation: string, parameters: INodeParameters, options?: RunOptions) =>
	env.run({ resource: 'customer', operation, ...parameters }, options);

describe('Customer > Get Form Fields', () => {
	it('reads the form with the ClientSDK token in the query and gives one item per field', async () => {
		const { items, error } = await run('getFormFields', {});

		expect(error).toBeUndefined();
		expect(env.emu.requests()).toEqual([expect.objectContaining({ method: 'GET', path: '/api/external/form_fields', query: { token: '[redacted]' } })]);
		expect(items.map((item) => item.json.name)).toEqual(['main_identifier', 'channel_phone', 'channel_email', 'document', 'company', 'birthday']);
		expect(items[0].json).toMatchObject({ label: 'Nome', is_required: true, type: 'string' });
	});

	it('names the status and Zenvia\'s message when the form is missing', async () => {
		env.emu.setFault({ path: '/api/external/form_fields', status: 404, body: { status: 404, message: 'Form not found' } });

		const { error } = await run('getFormFields', {});

		expect(error?.message).toBe('Zenvia Chat answered HTTP 404: Form not found');
	});
});
