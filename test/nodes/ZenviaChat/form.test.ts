import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { ZenviaChat } from '../../../nodes/ZenviaChat/ZenviaChat.node';

const { properties } = new ZenviaChat().description;

/** Every resource and operation value of the form. */
const operations = properties
	.filter((property) => property.name === 'operation')
	.flatMap((property) =>
		((property.displayOptions?.show?.resource ?? []) as string[]).flatMap((resource) =>
			((property.options ?? []) as INodePropertyOptions[]).map((option) => ({ resource, operation: String(option.value) })),
		),
	);

/** The fields one operation shows, in form order. */
function fieldsOf(resource: string, operation: string): INodeProperties[] {
	return properties.filter(
		(property) =>
			property.displayOptions?.show?.resource?.includes(resource) && property.displayOptions?.show?.operation?.includes(operation),
	);
}

const BULK = ['customer.createOrUpdate', 'task.import'];

describe('each operation\'s one Options collection', () => {
	it('lists every operation', () => {
		expect(operations).toHaveLength(30);
	});

	it('has no Batching or Request Options block left, and no field outside an operation', () => {
		const names = properties.map((property) => property.name);
		expect(names).not.toContain('batching');
		expect(names).not.toContain('requestOptions');
		expect(names).not.toContain('batchSize');
		for (const property of properties) {
			if (property.name === 'resource') continue;
			expect(property.displayOptions?.show?.resource).toBeDefined();
		}
	});

	it.each(operations.map(({ resource, operation }) => [`${resource}.${operation}`]))('%s: one Options collection, last', (key) => {
		const [resource, operation] = key.split('.');
		const fields = fieldsOf(resource, operation);
		const collections = fields.filter((field) => field.name === 'options');
		expect(collections).toHaveLength(1);
		expect(fields[fields.length - 1].name).toBe('options');
		const [options] = collections;
		expect(options).toMatchObject({ displayName: 'Options', type: 'collection', placeholder: 'Add Option', default: {} });
		const entries = (options.options ?? []) as INodeProperties[];
		const names = entries.map((entry) => entry.name);
		expect(names).toContain('itemTimeLimit');
		if (BULK.includes(key)) {
			expect(names).toContain('itemsPerRequest');
			// Batches go one after the other: nothing for Requests in Flight to bound.
			expect(names).not.toContain('requestsInFlight');
		} else {
			expect(names).toContain('requestsInFlight');
			expect(names).not.toContain('itemsPerRequest');
		}
		const labels = entries.map((entry) => entry.displayName);
		expect(labels).toEqual([...labels].sort((a, b) => a.localeCompare(b)));
	});

	it('reads Requests in Flight once per execution: it takes no expression', () => {
		const entry = (fieldsOf('interaction', 'sendMessage').find((field) => field.name === 'options')?.options ?? []).find(
			(option) => option.name === 'requestsInFlight',
		) as INodeProperties;
		expect(entry.noDataExpression).toBe(true);
	});

	it('asks n8n to convert no field on reading (validateType) and to extract no locator value, which a field read from the item itself would skip', () => {
		const converted = (list: INodeProperties[]): string[] =>
			list.flatMap((property) => [
				...(property.validateType || property.extractValue || property.modes?.some((mode) => mode.extractValue) ? [property.name] : []),
				// A collection's options are fields; a fixed collection's options hold fields in `values`.
				...converted(
					((property.options ?? []) as Array<Partial<INodeProperties> & { values?: INodeProperties[] }>).flatMap((option) =>
						'type' in option ? [option as INodeProperties] : (option.values ?? []),
					),
				),
			]);
		expect(converted(properties)).toEqual([]);
	});

	it('labels the bulk batch size so it is not taken for Requests in Flight', () => {
		for (const key of BULK) {
			const [resource, operation] = key.split('.');
			const entry = (fieldsOf(resource, operation).find((field) => field.name === 'options')?.options ?? []).find(
				(option) => option.name === 'itemsPerRequest',
			) as INodeProperties;
			expect(entry).toMatchObject({ displayName: 'Items per Request', type: 'number', default: 100 });
		}
	});

	it.each([
		['interaction', 'start', 'externalHistory'],
		['whatsapp', 'sendMessage', 'externalHistory'],
		['report', 'getDigitalChannels', 'includeTotal'],
	])('%s > %s keeps its own option in the same collection', (resource, operation, own) => {
		const options = fieldsOf(resource, operation).find((field) => field.name === 'options')?.options as INodeProperties[];
		expect(options.map((option) => option.name)).toContain(own);
	});
});

describe('message forms', () => {
	const FORMS = [
		['interaction', 'sendMessage'],
		['whatsapp', 'sendMessage'],
		['bot', 'sendMessage'],
		['interaction', 'leaveMessageForTeam'],
	];

	it.each(FORMS)('%s > %s: Message Type, then Content, then Media URL, with the same labels', (resource, operation) => {
		const fields = fieldsOf(resource, operation);
		const names = fields.map((field) => field.name);
		const messageFields = names.filter((name) => ['messageType', 'content', 'url'].includes(name));
		expect(messageFields).toEqual(['messageType', 'content', 'url']);
		// Nothing but WhatsApp's free MIME Type (shown for "Other MIME Type") sits between them.
		const between = names.slice(names.indexOf('messageType'), names.indexOf('url') + 1);
		expect(between.filter((name) => !messageFields.includes(name))).toEqual(resource === 'whatsapp' ? ['mimeType'] : []);
		const label = (name: string) => fields.find((field) => field.name === name)?.displayName;
		expect([label('messageType'), label('content'), label('url')]).toEqual(['Message Type', 'Content', 'Media URL']);
		expect(fields.find((field) => field.name === 'content')?.description).toContain('caption');
		expect(fields.find((field) => field.name === 'url')?.displayOptions?.hide).toEqual({ messageType: ['text'] });
	});
});

describe('report lists', () => {
	it.each([
		['getHistory', 'the oldest N finished interactions of the period'],
		['getOngoing', 'the N ongoing interactions that started first'],
	])('%s: Limit says which records it keeps (the API lists oldest first and cannot sort)', (operation, which) => {
		const limit = fieldsOf('report', operation).find((field) => field.name === 'limit');
		expect(limit?.description).toContain(which);
		expect(limit?.description).toContain('cannot sort newest first');
	});

	it.each(['getHistory', 'getOngoing', 'getDigitalChannels'])('%s: Simplify is on by default', (operation) => {
		expect(fieldsOf('report', operation).find((field) => field.name === 'simplify')?.default).toBe(true);
	});
});

describe('texts', () => {
	const operationOption = (resource: string, value: string) =>
		(properties.find((property) => property.name === 'operation' && property.displayOptions?.show?.resource?.includes(resource))
			?.options as INodePropertyOptions[]).find((option) => option.value === value);

	it('shows the Bot notice after Operation, not between Resource and Operation', () => {
		const bot = properties.filter((property) => property.name === 'resource' || property.displayOptions?.show?.resource?.includes('bot'));
		const names = bot.map((property) => property.name);
		expect(names.indexOf('botNotice')).toBe(names.indexOf('operation') + 1);
	});

	it('names the offcontact call for what it does, the API name in its description', () => {
		const option = operationOption('interaction', 'leaveMessageForTeam');
		expect(option?.name).toBe('Leave Message for Team');
		expect(option?.description).toContain('offcontact');
		expect(JSON.stringify(properties)).not.toMatch(/Offcontact Message/);
	});

	it.each([
		['department', 'getAll', 'Chat API', 'Chat API token'],
		['whatsapp', 'getDepartments', 'WhatsApp API v1', 'ClientSDK token'],
	])('%s > %s says which API and token it lists departments with', (resource, value, api, token) => {
		const { description } = operationOption(resource, value) ?? {};
		expect(description).toContain(api);
		expect(description).toContain(token);
	});
});
