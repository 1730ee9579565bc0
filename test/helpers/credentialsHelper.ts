import { ICredentialsHelper, NodeHelpers } from 'n8n-workflow';
import type {
	ICredentialDataDecryptedObject,
	ICredentials,
	IHttpRequestOptions,
	INodeParameters,
	INodeProperties,
} from 'n8n-workflow';

import { ZenviaChatApi } from '../../credentials/ZenviaChatApi.credentials';

/**
 * Hands the node a decrypted credential and lets the real credential class place the token,
 * as n8n's own credentials helper does with a credential whose `authenticate` is a function.
 */
export class TestCredentialsHelper extends ICredentialsHelper {
	private readonly credentialType = new ZenviaChatApi();

	/** How many times the node asked n8n to decrypt the credential. */
	decryptions = 0;

	constructor(private readonly data: ICredentialDataDecryptedObject) {
		super();
	}

	getParentTypes(): string[] {
		return [];
	}

	isCredentialUsableByNode(): boolean {
		return true;
	}

	async authenticate(credentials: ICredentialDataDecryptedObject, _type: string, options: IHttpRequestOptions) {
		return await this.credentialType.authenticate(credentials, options);
	}

	async preAuthentication() {
		return undefined;
	}

	async runPreAuthentication() {
		return undefined;
	}

	async getCredentials(): Promise<ICredentials> {
		throw new Error('not used by these tests');
	}

	/**
	 * The Zenvia Chat API credential as n8n hands it to a node (CredentialsHelper's
	 * applyDefaultsAndOverwrites): the defaults filled in, and the fields the form hides left out,
	 * e.g. the base URLs while Custom Base URLs is off, whatever values they keep. Any other
	 * credential (the trigger's secret) as given.
	 */
	async getDecrypted(_additionalData: unknown, _nodeCredentials: unknown, type: string): Promise<ICredentialDataDecryptedObject> {
		this.decryptions++;
		if (type !== this.credentialType.name) return { ...this.data };
		const data = { ...this.data } as INodeParameters;
		return NodeHelpers.getNodeParameters(this.credentialType.properties, data, true, false, null, null) as ICredentialDataDecryptedObject;
	}

	async updateCredentials() {}

	async updateCredentialsOauthTokenData() {}

	getCredentialsProperties(): INodeProperties[] {
		return this.credentialType.properties;
	}
}
