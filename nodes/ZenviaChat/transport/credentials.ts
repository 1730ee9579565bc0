import { NodeOperationError } from 'n8n-workflow';
import type { ICredentialsDecrypted, INode } from 'n8n-workflow';

import { SELECTED_TOKEN_KEY, ZENVIA_TOKENS } from '../../../credentials/ZenviaChatApi.credentials';
import { CREDENTIAL_TYPE, type ItemRun } from './run';
import type { ZenviaCredentials, ZenviaTokenKind } from './types';

/** Every secret the credential holds, for redaction. */
export function credentialSecrets(credentials: ZenviaCredentials): string[] {
	return [credentials.chatApiToken, credentials.clientSdkToken].filter(
		(secret): secret is string => typeof secret === 'string' && secret !== '',
	);
}

/** The token the endpoint takes; an empty one fails here, before any request is sent. */
export function pickToken(node: INode, credentials: ZenviaCredentials, kind: ZenviaTokenKind, run: ItemRun): string {
	const { field, label, screen } = ZENVIA_TOKENS[kind];
	const token = credentials[field]?.trim();
	if (token) return token;
	throw new NodeOperationError(node, `${run.execution.operationName} needs the ${label}, and the credential has none`, {
		itemIndex: run.itemIndex,
		description: `Copy the token from ${screen} in the Zenvia admin and paste it into the ${label} field of the Zenvia Chat API credential.`,
	});
}

/** What n8n's httpRequestWithAuthentication takes instead of decrypting the credential again. */
export function decryptedWithToken(node: INode, credentials: ZenviaCredentials, token: string): ICredentialsDecrypted {
	const saved = node.credentials?.[CREDENTIAL_TYPE];
	return {
		id: saved?.id ?? '',
		name: saved?.name ?? '',
		type: CREDENTIAL_TYPE,
		data: { ...credentials, [SELECTED_TOKEN_KEY]: token },
	};
}
