import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { clientSdkDepartmentField, interactionHashField, operationOptions, readOptionalDepartmentId } from '../common.descriptions';
import { botRequest } from './request';
import type { BotTransferBody } from './types';
import type { ItemRun } from '../../transport';

const properties: INodeProperties[] = [
	interactionHashField,
	{
		...clientSdkDepartmentField,
		required: false,
		description: 'The department whose agents take over. Leave empty to send it back to the department it started in. The list takes the ClientSDK token, as this operation does.',
	},
	operationOptions(),
];

export const description = updateDisplayOptions({ show: { resource: ['bot'], operation: ['transfer'] } }, properties);

/** PUT /api/v1/bot/{interactionHash}/transfer: hands the interaction over to people. */
export async function execute(this: IExecuteFunctions, run: ItemRun): Promise<IDataObject> {
	const { itemIndex } = run;
	const department = readOptionalDepartmentId.call(this, itemIndex);
	const body: BotTransferBody = department === undefined ? {} : { department_id: department };
	return await botRequest.call(this, run, 'PUT', 'transfer', body);
}
