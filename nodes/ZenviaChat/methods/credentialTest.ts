import type {
	ICredentialTestFunctions,
	ICredentialsDecrypted,
	INodeCredentialTestResult,
} from 'n8n-workflow';

import { ZENVIA_TOKENS } from '../../../credentials/ZenviaChatApi.credentials';
import { baseUrlFor } from '../transport';
import { credentialSecrets } from '../transport/credentials';
import { apiErrorMessage } from '../transport/errors';
import { redact } from '../transport/redact';
import type { ZenviaApi, ZenviaCredentials, ZenviaTokenKind } from '../transport/types';

/** A harmless read per token kind: each lists departments on the API that takes that token. */
const PROBES: Record<ZenviaTokenKind, { api: ZenviaApi; path: string }> = {
	chatApi: { api: 'chat', path: '/api/external/departments' },
	clientSdk: { api: 'whatsapp', path: '/api/v1/departments' },
};

const TEST_TIMEOUT_MS = 15_000;

interface ProbeAnswer {
	statusCode: number;
	body: unknown;
}

/** What went wrong with one token, in words that say what to do; undefined when it was accepted. */
async function probe(
	context: ICredentialTestFunctions,
	credentials: ZenviaCredentials,
	kind: ZenviaTokenKind,
	token: string,
): Promise<string | undefined> {
	const { label, screen } = ZENVIA_TOKENS[kind];
	const baseUrl = baseUrlFor(PROBES[kind].api, credentials);
	let answer: ProbeAnswer;
	try {
		answer = (await context.helpers.request({
			method: 'GET',
			uri: `${baseUrl}${PROBES[kind].path}`,
			qs: { token },
			json: true,
			simple: false,
			resolveWithFullResponse: true,
			timeout: TEST_TIMEOUT_MS,
		})) as ProbeAnswer;
	} catch (error) {
		const code = (error as { code?: unknown; cause?: { code?: unknown } }).code ?? (error as { cause?: { code?: unknown } }).cause?.code;
		return `${label} not checked: no answer from ${baseUrl}${typeof code === 'string' ? ` (${code})` : ''}. Check the base URL and that the host is reachable.`;
	}
	const { statusCode, body } = answer;
	const refusedInBody = (body as { success?: unknown } | null)?.success === false;
	if (statusCode >= 200 && statusCode < 300 && !refusedInBody) return undefined;
	const said = apiErrorMessage(body);
	const status = `HTTP ${statusCode}${said ? `: ${said}` : ''}`;
	if (statusCode === 401 || statusCode === 403) {
		return `${label} refused (${status}): it is wrong or was regenerated, and a new token disables the previous one. Copy the current one from ${screen}.`;
	}
	return `${label} could not be checked (${status}). Check the base URL for this API.`;
}

/**
 * The credential's Test button: checks every token that is filled in against a read that fits it,
 * and names each one that failed and why. n8n's declarative test sends one request, which could
 * check only one of the two tokens.
 */
export async function zenviaChatApiTest(
	this: ICredentialTestFunctions,
	credential: ICredentialsDecrypted,
): Promise<INodeCredentialTestResult> {
	const credentials = (credential.data ?? {}) as unknown as ZenviaCredentials;
	const filled = (Object.keys(ZENVIA_TOKENS) as ZenviaTokenKind[])
		.map((kind) => ({ kind, token: credentials[ZENVIA_TOKENS[kind].field]?.trim() ?? '' }))
		.filter(({ token }) => token !== '');
	if (filled.length === 0) {
		return {
			status: 'Error',
			message: `Fill in the Chat API Token (${ZENVIA_TOKENS.chatApi.screen}), the ClientSDK Token (${ZENVIA_TOKENS.clientSdk.screen}), or both.`,
		};
	}
	const failures = await Promise.all(filled.map(({ kind, token }) => probe(this, credentials, kind, token)));
	const failed = failures.filter((failure): failure is string => failure !== undefined);
	const secrets = credentialSecrets(credentials);
	const hide = (text: string) => secrets.reduce((redacted, secret) => redact(redacted, secret), text);
	if (failed.length > 0) return { status: 'Error', message: hide(failed.join(' ')) };
	const accepted = filled.map(({ kind }) => ZENVIA_TOKENS[kind].label).join(' and ');
	return { status: 'OK', message: `${accepted} accepted` };
}
