import type { IDataObject, IExecuteFunctions, IHttpRequestMethods } from 'n8n-workflow';

import { pathSegment } from '../../helpers/validation';
import { zenviaRequest } from '../../transport';
import { readInteractionHash } from '../common.descriptions';
import type { BotAnswer } from './types';

/**
 * Every bot call: the ClientSDK token to /api/v1/bot/{interactionHash}/{action} on the bot host,
 * answered with the hash lifted to the top for the next node.
 */
export async function botRequest(
	this: IExecuteFunctions,
	itemIndex: number,
	method: IHttpRequestMethods,
	action: 'accept' | 'message' | 'transfer' | 'finish',
	body: IDataObject = {},
): Promise<IDataObject> {
	const hash = readInteractionHash.call(this, itemIndex);
	const path = `/api/v1/bot/${pathSegment(hash)}/${action}`;
	const answer = await zenviaRequest<BotAnswer>(this, { api: 'bot', token: 'clientSdk', method, path, body }, itemIndex);
	return { interactionHash: hash, ...answer };
}
