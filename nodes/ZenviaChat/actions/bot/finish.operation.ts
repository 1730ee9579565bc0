import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { interactionHashField, operationOptions } from '../common.descriptions';
import { botRequest } from './request';
import type { ItemRun } from '../../transport';

export const description = updateDisplayOptions({ show: { resource: ['bot'], operation: ['finish'] } }, [interactionHashField, operationOptions()]);

/** PUT /api/v1/bot/{interactionHash}/finish */
export async function execute(this: IExecuteFunctions, run: ItemRun): Promise<IDataObject> {
	return await botRequest.call(this, run, 'PUT', 'finish');
}
