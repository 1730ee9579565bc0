import type { ICredentialTestFunctions, ICredentialsDecrypted, INodeCredentialTestResult } from 'n8n-workflow';

import { SECRET_QUERY_PARAMETER } from './security';

/**
 * The credential's Test button. Zenvia calls n8n, not the other way round, so there is nothing
 * to call: the test checks the secret can work and says how to write it in the URL.
 */
export async function testWebhookSecret(
	this: ICredentialTestFunctions,
	credential: ICredentialsDecrypted,
): Promise<INodeCredentialTestResult> {
	const secret = credential.data?.secret;
	if (typeof secret !== 'string' || !secret.trim()) {
		return { status: 'Error', message: 'The secret is empty: every call would be refused' };
	}
	const encoded = encodeURIComponent(secret) !== secret;
	return {
		status: 'OK',
		message: encoded
			? `End the URL you paste into Zenvia with ?${SECRET_QUERY_PARAMETER}= and the secret URL-encoded (it has characters a URL changes)`
			: `End the URL you paste into Zenvia with ?${SECRET_QUERY_PARAMETER}=<the secret>`,
	};
}
