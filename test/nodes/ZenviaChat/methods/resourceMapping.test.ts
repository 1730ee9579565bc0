import { customerColumn } from '../../../../nodes/ZenviaChat/methods/resourceMapping';
import type { FormField } from '../../../../nodes/ZenviaChat/actions/customer/types';

const field = (overrides: Partial<FormField>): FormField => ({
	id: 1,
	name: 'main_identifier',
	label: 'Nome',
	is_required: false,
	is_unique: false,
	type: 'string',
	is_multiple: false,
	...overrides,
});

describe('Customer > Create or Update columns', () => {
	it('marks required fields and names each by its label and key', () => {
		expect(customerColumn(field({ is_required: true }))).toEqual({
			id: 'main_identifier',
			displayName: 'Nome (main_identifier)',
			required: true,
			defaultMatch: false,
			canBeUsedToMatch: false,
			display: true,
			type: 'string',
		});
	});

	it('says when a field takes several values', () => {
		const phone = customerColumn(field({ name: 'channel_phone', label: 'Telefone', type: 'phone', is_multiple: true }));
		expect(phone.displayName).toBe('Telefone (channel_phone, one or a list)');
	});

	it('keeps every column text, so n8n turns no blank cell into 0 and no phone into a number', () => {
		const typeOf = (type: string) => customerColumn(field({ type })).type;
		expect(['string', 'phone', 'email', 'date', 'number', 'boolean'].map(typeOf)).toEqual(Array(6).fill('string'));
	});
});
