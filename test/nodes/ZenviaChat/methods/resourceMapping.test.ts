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
	it('marks required fields and names each by its label alone, short enough for the editor', () => {
		expect(customerColumn(field({ is_required: true }))).toEqual({
			id: 'main_identifier',
			displayName: 'Nome',
			required: true,
			defaultMatch: false,
			canBeUsedToMatch: false,
			display: true,
			type: 'string',
		});
	});

	it('says, briefly, when a field takes several values', () => {
		const phone = customerColumn(field({ name: 'channel_phone', label: 'Telefone', type: 'phone', is_multiple: true }));
		expect(phone.displayName).toBe('Telefone (one or more)');
	});

	it('gives a date field its format', () => {
		expect(customerColumn(field({ name: 'birthday', label: 'Aniversário', type: 'date' })).displayName).toBe('Aniversário (YYYY-MM-DD)');
		expect(customerColumn(field({ name: 'd', label: 'Datas', type: 'date', is_multiple: true })).displayName).toBe('Datas (one or more, YYYY-MM-DD)');
	});

	it('falls back to the key when the field has no label', () => {
		expect(customerColumn(field({ name: 'company', label: '  ' })).displayName).toBe('company');
	});

	it('keeps every label of the emulator\'s form within 24 characters', () => {
		const { FORM_FIELDS } = jest.requireActual('../../../../emulator/account') as { FORM_FIELDS: FormField[] };
		for (const formField of FORM_FIELDS) expect(customerColumn(formField).displayName.length).toBeLessThanOrEqual(24);
	});

	it('keeps every column text, so n8n turns no blank cell into 0 and no phone into a number', () => {
		const typeOf = (type: string) => customerColumn(field({ type })).type;
		expect(['string', 'phone', 'email', 'date', 'number', 'boolean'].map(typeOf)).toEqual(Array(6).fill('string'));
	});
});
