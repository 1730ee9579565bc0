import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { zenviaRequest, type ItemRun } from '../../transport';
import { operationOptions } from '../common.descriptions';
import { customerExternalIdField, readCustomerExternalId } from './customerExternalId';
import type { CustomerSignalAnswer, CustomerSignalBody } from './types';

/**
 * Typing and stopped typing are the same call: a PUT of the token and the customer's external_id
 * to a path of their own. One definition serves both operations.
 */
export function customerSignalOperation(operation: string, path: string) {
	const description: INodeProperties[] = updateDisplayOptions(
		{ show: { resource: ['whatsapp'], operation: [operation] } },
		[customerExternalIdField, operationOptions()],
	);

	async function execute(this: IExecuteFunctions, run: ItemRun): Promise<IDataObject> {
		const externalId = readCustomerExternalId.call(this, run);
		const body: CustomerSignalBody = { customer: { external_id: externalId } };
		const answer = await zenviaRequest<CustomerSignalAnswer>(this, { api: 'whatsapp', token: 'clientSdk', method: 'PUT', path, body }, run);
		return { externalId, ...answer };
	}

	return { description, execute };
}
