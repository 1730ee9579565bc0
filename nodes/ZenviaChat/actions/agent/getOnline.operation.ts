import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { zenviaRequest, type ItemRun } from '../../transport';
import { clientSdkDepartmentField, operationOptions, readOptionalDepartmentId } from '../common.descriptions';
import type { OnlineAgentsAnswer } from './types';

const properties: INodeProperties[] = [
	{ ...clientSdkDepartmentField, required: false, description: 'Only agents of this department. Leave empty for all. The list takes the ClientSDK token, as this operation does.' },
	operationOptions(),
];

export const description = updateDisplayOptions({ show: { resource: ['agent'], operation: ['getOnline'] } }, properties);

/** GET /core/api/v1/agents/online: up to 3 online agents (Zenvia picks them), the count and the average answer time. */
export async function execute(this: IExecuteFunctions, run: ItemRun): Promise<IDataObject> {
	const { itemIndex } = run;
	const department = readOptionalDepartmentId.call(this, itemIndex);
	return await zenviaRequest<OnlineAgentsAnswer>(
		this,
		{
			api: 'chat',
			token: 'clientSdk',
			method: 'GET',
			path: '/core/api/v1/agents/online',
			qs: department === undefined ? undefined : { department_id: department },
		},
		run,
	);
}
