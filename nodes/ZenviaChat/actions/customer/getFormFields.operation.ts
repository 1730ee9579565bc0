import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { operationOptions } from '../common.descriptions';
import { fetchFormFields } from './formFields';
import type { ItemRun } from '../../transport';

export const description = updateDisplayOptions({ show: { resource: ['customer'], operation: ['getFormFields'] } }, [operationOptions()]);

/** GET /api/external/form_fields, one output item per field of the customer form. */
export async function execute(this: IExecuteFunctions, run: ItemRun): Promise<IDataObject[]> {
	return await fetchFormFields(this, run);
}
