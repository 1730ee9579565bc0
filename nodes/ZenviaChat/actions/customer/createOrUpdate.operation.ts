import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties, ResourceMapperValue } from 'n8n-workflow';

import { executeInBatches, itemsPerRequestOption } from '../../helpers/batches';
import { parseJsonObject, requirePositiveInteger } from '../../helpers/validation';
import { zenviaRequest, type ItemRun } from '../../transport';
import { operationOptions } from '../common.descriptions';
import type { ItemOutcome } from '../node.type';
import { customerOutcomes } from './answer';
import type { CustomerEntry, CustomerFieldValue, UpsertCustomersAnswer, UpsertCustomersBody } from './types';

const properties: INodeProperties[] = [
	{
		displayName: 'Fields Input',
		name: 'fieldsInput',
		type: 'options',
		default: 'mapper',
		options: [
			{ name: 'Map Each Field', value: 'mapper', description: 'Columns loaded from the account\'s customer form' },
			{ name: 'JSON', value: 'json', description: 'A JSON object of form field names and values' },
		],
	},
	{
		displayName: 'Customer Fields',
		name: 'customerFields',
		type: 'resourceMapper',
		noDataExpression: true,
		default: { mappingMode: 'defineBelow', value: null },
		required: true,
		displayOptions: { show: { fieldsInput: ['mapper'] } },
		typeOptions: {
			loadOptionsDependsOn: ['fieldsInput'],
			resourceMapper: {
				resourceMapperMethod: 'getCustomerColumns',
				mode: 'add',
				fieldWords: { singular: 'field', plural: 'fields' },
				addAllFields: true,
				multiKeyMatch: false,
				supportAutoMap: true,
			},
		},
	},
	{
		displayName: 'Customer Fields (JSON)',
		name: 'customerJson',
		type: 'json',
		default: '{\n  "main_identifier": "",\n  "channel_email": ""\n}',
		required: true,
		description: 'The customer\'s form fields by name (see Customer > Get Form Fields), e.g. {"main_identifier": "Maria", "channel_phone": "1122334455"}',
		displayOptions: { show: { fieldsInput: ['json'] } },
	},
	{
		displayName: 'Agent ID',
		name: 'agentId',
		type: 'string',
		default: '',
		placeholder: 'e.g. 101',
		description: 'The agent who owns this customer. Leave empty for none.',
	},
	operationOptions([itemsPerRequestOption], { bulk: true }),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['customer'], operation: ['createOrUpdate'] } },
	properties,
);

function isEmpty(value: unknown): boolean {
	return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

/** A form field value: text, a number, a yes/no, or a list of those for a multiple field. */
function fieldValue(this: IExecuteFunctions, itemIndex: number, name: string, value: unknown): CustomerFieldValue {
	const scalar = (item: unknown) => typeof item === 'string' || typeof item === 'number' || typeof item === 'boolean';
	if (scalar(value)) return typeof value === 'string' ? value.trim() : (value as number | boolean);
	if (Array.isArray(value) && value.every((item) => typeof item === 'string' || typeof item === 'number')) return value as Array<string | number>;
	throw new NodeOperationError(this.getNode(), `Customer field "${name}" must be text, a number or a list of them, got ${JSON.stringify(value)}`, {
		itemIndex,
	});
}

/** The mapper's values, or in auto-map mode the input item's keys that are form fields. */
function mappedValues(this: IExecuteFunctions, itemIndex: number): { values: IDataObject; mapper: ResourceMapperValue } {
	const mapper = this.getNodeParameter('customerFields', itemIndex) as ResourceMapperValue;
	if (mapper.mappingMode !== 'autoMapInputData') return { values: (mapper.value ?? {}) as IDataObject, mapper };
	const json = this.getInputData()[itemIndex].json;
	const known = new Set((mapper.schema ?? []).map((field) => field.id));
	const values = Object.fromEntries(Object.entries(json).filter(([key]) => known.size === 0 || known.has(key)));
	return { values, mapper };
}

function readCustomer(this: IExecuteFunctions, itemIndex: number): CustomerEntry {
	const node = this.getNode();
	let given: IDataObject;
	if (this.getNodeParameter('fieldsInput', itemIndex, 'mapper') === 'json') {
		given = parseJsonObject(node, itemIndex, 'Customer Fields (JSON)', this.getNodeParameter('customerJson', itemIndex, '{}'));
	} else {
		const { values, mapper } = mappedValues.call(this, itemIndex);
		given = values;
		const missing = (mapper.schema ?? []).find((field) => field.required && !field.removed && isEmpty(values[field.id]));
		if (missing) {
			// The column shows the label alone; the key says which form field it is.
			const named = missing.displayName && missing.displayName !== missing.id ? `"${missing.displayName}" (${missing.id})` : `"${missing.id}"`;
			throw new NodeOperationError(node, `Customer field ${named} is required: got an empty value`, { itemIndex });
		}
	}
	// Unset columns are left out: Zenvia would store an empty string as the customer's data.
	const fields = Object.fromEntries(
		Object.entries(given)
			.filter(([, value]) => !isEmpty(value))
			.map(([name, value]) => [name, fieldValue.call(this, itemIndex, name, value)]),
	);
	if (Object.keys(fields).length === 0) {
		throw new NodeOperationError(node, 'Customer Fields are empty: set at least the required form fields', { itemIndex });
	}
	const entry: CustomerEntry = { fields };
	const agentId = this.getNodeParameter('agentId', itemIndex, '');
	if (!isEmpty(agentId)) entry.agent_id = requirePositiveInteger(node, itemIndex, 'Agent ID', agentId);
	return entry;
}

/** POST /api/external/customers, in batches; each input item gets its own customer or refusal. */
export async function executeAll(
	this: IExecuteFunctions,
	itemIndexes: number[],
	batchRun: (itemIndexes: number[]) => ItemRun,
): Promise<ItemOutcome[]> {
	const read = (itemIndex: number) => readCustomer.call(this, itemIndex);
	return await executeInBatches(this, itemIndexes, batchRun, read, async (customers, run, indexes) => {
		const body: UpsertCustomersBody = { customers };
		const answer = await zenviaRequest<UpsertCustomersAnswer>(
			this,
			{ api: 'chat', token: 'clientSdk', method: 'POST', path: '/api/external/customers', body, partialSuccess: true },
			run,
		);
		return customerOutcomes(this.getNode(), customers, indexes, answer);
	});
}
