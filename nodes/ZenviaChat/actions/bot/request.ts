import type { IDataObject, IExecuteFunctions, IHttpRequestMethods } from 'n8n-workflow';

import { pathSegment } from '../../helpers/validation';
import { zenviaRequest, type ItemRun } from '../../transport';
import { readInteractionHash } from '../common.descriptions';
import type { BotAnswer } from './types';

/**
 * Every bot call: the ClientSDK token to /api/v1/bot/{interactionHash}/{action} on the bot host,
 * answered with the hash lifted to the top for the next node.
 */
export async function botRequest(
	this: IExecuteFunctions,
	run: ItemRun,
	method: IHttpRequestMethods,
	action: 'accept' | 'message' | 'transfer' | 'finish',
	body: IDataObject = {},
): Promise<IDataObject> {
	const hash = readInteractionHash.call(this, run);
	const path = `/api/v1/bot/${pathSegment(hash)}/${action}`;
	const answer = await zenviaRequest<BotAnswer>(this, { api: 'bot', token: 'clientSdk', method, path, body }, run);
	return { interactionHash: hash, ...answer };
}
