import type {
	ICredentialTestFunctions,
	ICredentialsDecrypted,
	INodeCredentialTestResult,
} from 'n8n-workflow';

import { ZENVIA_TOKENS, activeOverrides } from '../../../credentials/ZenviaChatApi.credentials';
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

const OTHER_KIND: Record<ZenviaTokenKind, ZenviaTokenKind> = { chatApi: 'clientSdk', clientSdk: 'chatApi' };

const TEST_TIMEOUT_MS = 15_000;

interface ProbeAnswer {
	statusCode: number;
	body: unknown;
}

/** How one read went: accepted, refused as a token (401/403), or another failure, in words. */
type ProbeResult = { kind: 'accepted' } | { kind: 'refused'; status: string } | { kind: 'failed'; message: string };

/** Reads the probe of `endpoint` (a token kind's API) with `token`. */
async function probe(
	context: ICredentialTestFunctions,
	credentials: ZenviaCredentials,
	endpoint: ZenviaTokenKind,
	token: string,
	label: string,
): Promise<ProbeResult> {
	const baseUrl = baseUrlFor(PROBES[endpoint].api, credentials);
	let answer: ProbeAnswer;
	try {
		answer = (await context.helpers.request({
			method: 'GET',
			uri: `${baseUrl}${PROBES[endpoint].path}`,
			qs: { token },
			json: true,
			simple: false,
			resolveWithFullResponse: true,
			timeout: TEST_TIMEOUT_MS,
		})) as ProbeAnswer;
	} catch (error) {
		const code = (error as { code?: unknown; cause?: { code?: unknown } }).code ?? (error as { cause?: { code?: unknown } }).cause?.code;
		return {
			kind: 'failed',
			message: `${label} not checked: no answer from ${baseUrl}${typeof code === 'string' ? ` (${code})` : ''}. Check the base URL and that the host is reachable.`,
		};
	}
	const { statusCode, body } = answer;
	const refusedInBody = (body as { success?: unknown } | null)?.success === false;
	if (statusCode >= 200 && statusCode < 300 && !refusedInBody) return { kind: 'accepted' };
	const said = apiErrorMessage(body);
	const status = `HTTP ${statusCode}${said ? `: ${said}` : ''}`;
	if (statusCode === 401 || statusCode === 403) return { kind: 'refused', status };
	return { kind: 'failed', message: `${label} could not be checked (${status}). Check the base URL for this API.` };
}

interface Checked {
	kind: ZenviaTokenKind;
	token: string;
	result: ProbeResult;
	/** For a refused token: whether the other kind's API accepts it (it was pasted into the wrong field). */
	otherKindAccepts?: boolean;
}

/** A refused token the other API accepts: which field it belongs in. */
function misplaced({ kind, result }: Checked): string {
	const { label, screen } = ZENVIA_TOKENS[kind];
	const other = ZENVIA_TOKENS[OTHER_KIND[kind]];
	const status = result.kind === 'refused' ? result.status : '';
	const kindOfToken = other.label.replace(/ Token$/, ' token');
	return `The tokens look swapped: the ${label} field holds a ${kindOfToken} (${ZENVIA_TOKENS[kind].api} refuses it, ${status}; ${other.api} accepts it). It belongs in the ${other.label} field; the ${label} comes from ${screen}.`;
}

/** What to tell the user about one checked token; undefined when it was accepted. */
function verdict(checked: Checked): string | undefined {
	const { kind, result } = checked;
	const { label, screen } = ZENVIA_TOKENS[kind];
	if (result.kind === 'accepted') return undefined;
	if (result.kind === 'failed') return result.message;
	if (checked.otherKindAccepts) return misplaced(checked);
	return `${label} refused (${result.status}): it is wrong or was regenerated, and a new token disables the previous one. Copy the current one from ${screen}.`;
}

/**
 * The credential's Test button: checks every token that is filled in against a read that fits it,
 * and names each one that failed and why. A refused token is tried on the other API too: a token
 * pasted into the other one's field is named as such ("these look swapped"), not as wrong. n8n's
 * declarative test sends one request, which could check only one of the two tokens.
 */
export async function zenviaChatApiTest(
	this: ICredentialTestFunctions,
	credential: ICredentialsDecrypted,
): Promise<INodeCredentialTestResult> {
	// The base-URL overrides count only while Custom Base URLs is on.
	const credentials = activeOverrides((credential.data ?? {}) as unknown as ZenviaCredentials & { customBaseUrls?: unknown });
	const filled = (Object.keys(ZENVIA_TOKENS) as ZenviaTokenKind[])
		.map((kind) => ({ kind, token: credentials[ZENVIA_TOKENS[kind].field]?.trim() ?? '' }))
		.filter(({ token }) => token !== '');
	if (filled.length === 0) {
		return {
			status: 'Error',
			message: `Fill in the Chat API Token (${ZENVIA_TOKENS.chatApi.screen}), the ClientSDK Token (${ZENVIA_TOKENS.clientSdk.screen}), or both.`,
		};
	}
	const checked: Checked[] = await Promise.all(
		filled.map(async ({ kind, token }) => {
			const result = await probe(this, credentials, kind, token, ZENVIA_TOKENS[kind].label);
			if (result.kind !== 'refused') return { kind, token, result };
			const other = await probe(this, credentials, OTHER_KIND[kind], token, ZENVIA_TOKENS[kind].label);
			return { kind, token, result, otherKindAccepts: other.kind === 'accepted' };
		}),
	);
	const secrets = credentialSecrets(credentials);
	const swapped = checked.length === 2 && checked.every((entry) => entry.otherKindAccepts) && checked[0].token !== checked[1].token;
	if (swapped) {
		const message = `These look swapped: the Chat API Token field holds a ClientSDK token and the ClientSDK Token field holds a Chat API token (each is refused by its own API and accepted by the other's). Put the token now in Chat API Token into ClientSDK Token, and the one in ClientSDK Token into Chat API Token.`;
		return { status: 'Error', message };
	}
	const failed = checked.map(verdict).filter((failure): failure is string => failure !== undefined);
	if (failed.length > 0) return { status: 'Error', message: redact(failed.join(' '), secrets) };
	const accepted = filled.map(({ kind }) => ZENVIA_TOKENS[kind].label).join(' and ');
	return { status: 'OK', message: `${accepted} accepted` };
}
