import { NodeOperationError } from 'n8n-workflow';
import type { ICredentialsDecrypted, IExecuteFunctions, ILoadOptionsFunctions, INode } from 'n8n-workflow';

import { SELECTED_TOKEN_KEY, ZENVIA_TOKENS } from '../../../credentials/ZenviaChatApi.credentials';
import { displayedOperation } from '../operationNames';
import type { ZenviaCredentials, ZenviaTokenKind } from './types';

export const CREDENTIAL_TYPE = 'zenviaChatApi';

type ZenviaContext = IExecuteFunctions | ILoadOptionsFunctions;

/**
 * One read of the credential per node execution: n8n decrypts it and resolves its expressions on
 * every getCredentials call, which a run of many items would otherwise repeat for each request.
 * Keyed by the context object, which n8n creates afresh for each execution of the node.
 */
const perExecution = new WeakMap<object, Promise<ZenviaCredentials>>();

export async function readCredentials(context: ZenviaContext): Promise<ZenviaCredentials> {
	let credentials = perExecution.get(context);
	if (!credentials) {
		credentials = context.getCredentials<ZenviaCredentials>(CREDENTIAL_TYPE);
		perExecution.set(context, credentials);
		// A failed read is not kept, so the next item reports its own error.
		credentials.catch(() => perExecution.delete(context));
	}
	return await credentials;
}

/** The operation as the editor names it, e.g. "Interaction > Start". */
export function operationName(node: INode): string {
	return displayedOperation(node.parameters.resource, node.parameters.operation) ?? node.name;
}

/** Every secret the credential holds, for redaction. */
export function credentialSecrets(credentials: ZenviaCredentials): string[] {
	return [credentials.chatApiToken, credentials.clientSdkToken].filter(
		(secret): secret is string => typeof secret === 'string' && secret !== '',
	);
}

/** The token the endpoint takes; an empty one fails here, before any request is sent. */
export function pickToken(
	node: INode,
	credentials: ZenviaCredentials,
	kind: ZenviaTokenKind,
	itemIndex?: number,
): string {
	const { field, label, screen } = ZENVIA_TOKENS[kind];
	const token = credentials[field]?.trim();
	if (token) return token;
	throw new NodeOperationError(node, `${operationName(node)} needs the ${label}, and the credential has none`, {
		itemIndex,
		description: `Copy the token from ${screen} in the Zenvia admin and paste it into the ${label} field of the Zenvia Chat API credential.`,
	});
}

/** What n8n's httpRequestWithAuthentication takes instead of decrypting the credential again. */
export function decryptedWithToken(
	node: INode,
	credentials: ZenviaCredentials,
	token: string,
): ICredentialsDecrypted {
	const saved = node.credentials?.[CREDENTIAL_TYPE];
	return {
		id: saved?.id ?? '',
		name: saved?.name ?? '',
		type: CREDENTIAL_TYPE,
		data: { ...credentials, [SELECTED_TOKEN_KEY]: token },
	};
}
