import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { DateTime } from 'luxon';

import { executeInBatches, itemsPerRequestOption } from '../../helpers/batches';
import { readDate } from '../../helpers/dates';
import { parseEmailList, requireText } from '../../helpers/validation';
import { zenviaRequest, type ItemRun } from '../../transport';
import { operationOptions } from '../common.descriptions';
import type { ItemOutcome } from '../node.type';
import type { ImportTasksAnswer, ImportTasksBody, TaskEntry } from './types';

const properties: INodeProperties[] = [
	{ displayName: 'Task ID', name: 'taskId', type: 'string', required: true, default: '', description: 'The task\'s ID in your system' },
	{ displayName: 'Task Name', name: 'taskName', type: 'string', required: true, default: '' },
	{ displayName: 'Customer ID', name: 'customerId', type: 'string', required: true, default: '', description: 'The customer\'s ID in your system: an existing customer with it is updated' },
	{
		displayName: 'Agent Emails',
		name: 'agentEmails',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. ana@example.com, bruno@example.com',
		description: 'The e-mails of the agents who get the task, separated by commas',
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{ displayName: 'Customer Document', name: 'customerDocument', type: 'string', default: '' },
			{ displayName: 'Customer Emails', name: 'customerEmails', type: 'string', default: '', description: 'Separated by commas' },
			{ displayName: 'Customer Name', name: 'customerName', type: 'string', default: '' },
			{ displayName: 'Customer Phones', name: 'customerPhones', type: 'string', default: '', description: 'Separated by commas' },
			{ displayName: 'Description', name: 'description', type: 'string', default: '' },
			{ displayName: 'Expires At', name: 'expiresAt', type: 'dateTime', default: '', description: 'A date and time without a time zone is read in the workflow\'s time zone (workflow settings); Zenvia gets it in UTC' },
		],
	},
	operationOptions([itemsPerRequestOption], { bulk: true }),
];

export const description = updateDisplayOptions({ show: { resource: ['task'], operation: ['import'] } }, properties);

const listOf = (value: unknown): string[] =>
	(Array.isArray(value) ? value.map(String) : String(value ?? '').split(',')).map((part) => part.trim()).filter(Boolean);

/** "2020-01-01 00:00:00" in UTC, the format the document gives. */
/**
 * Zenvia takes `expires_at` as "YYYY-MM-DD HH:MM:SS" in UTC. A date typed without a zone is read in
 * the workflow's time zone, as every date of the node is.
 */
function expiresAt(this: IExecuteFunctions, itemIndex: number, value: unknown): string {
	const date = readDate(this.getNode(), itemIndex, 'Expires At', value, this.getTimezone()) as DateTime;
	return date.toUTC().toFormat('yyyy-LL-dd HH:mm:ss');
}

function readTask(this: IExecuteFunctions, itemIndex: number): TaskEntry {
	const node = this.getNode();
	const extra = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const agents = parseEmailList(node, itemIndex, 'Agent Emails', this.getNodeParameter('agentEmails', itemIndex, ''));
	if (agents.length === 0) throw new NodeOperationError(node, 'Agent Emails is required: got an empty value', { itemIndex });
	const entry: TaskEntry = {
		task: {
			id: requireText(node, itemIndex, 'Task ID', this.getNodeParameter('taskId', itemIndex)),
			name: requireText(node, itemIndex, 'Task Name', this.getNodeParameter('taskName', itemIndex)),
		},
		customer: { id: requireText(node, itemIndex, 'Customer ID', this.getNodeParameter('customerId', itemIndex)) },
		agents,
	};
	const text = (key: string) => (typeof extra[key] === 'string' || typeof extra[key] === 'number' ? String(extra[key]).trim() : '');
	if (text('description')) entry.task.description = text('description');
	if (text('expiresAt')) entry.task.expires_at = expiresAt.call(this, itemIndex, extra.expiresAt);
	if (text('customerName')) entry.customer.name = text('customerName');
	if (text('customerDocument')) entry.customer.document = text('customerDocument');
	if (listOf(extra.customerEmails).length) entry.customer.emails = parseEmailList(node, itemIndex, 'Customer Emails', extra.customerEmails);
	if (listOf(extra.customerPhones).length) entry.customer.phones = listOf(extra.customerPhones);
	return entry;
}

/** POST /api/external/tasks, in batches. Zenvia answers a batch as a whole, so each of its items shares the answer. */
export async function executeAll(
	this: IExecuteFunctions,
	itemIndexes: number[],
	batchRun: (itemIndexes: number[]) => ItemRun,
): Promise<ItemOutcome[]> {
	const read = (itemIndex: number) => readTask.call(this, itemIndex);
	return await executeInBatches(this, itemIndexes, batchRun, read, async (tasks, run) => {
		const body: ImportTasksBody = { tasks };
		const answer = await zenviaRequest<ImportTasksAnswer>(
			this,
			{ api: 'chat', token: 'clientSdk', method: 'POST', path: '/api/external/tasks', body },
			run,
		);
		return tasks.map((entry): ItemOutcome => ({ ok: true, value: { taskId: entry.task.id, customerId: entry.customer.id, ...answer } }));
	});
}
