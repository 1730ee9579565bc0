import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

/**
 * Every IANA time zone this n8n's runtime knows, after an entry for the workflow's own timezone
 * (the empty value, read when the node runs, so a changed workflow setting is followed).
 */
export async function getTimezones(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	// Node.js 18+ has Intl.supportedValuesOf; the compile target's library predates it.
	const zones = (Intl as unknown as { supportedValuesOf(key: 'timeZone'): string[] }).supportedValuesOf('timeZone');
	// The runtime lists only geographic zones; UTC is what reports are most often wanted in.
	const listed = zones.includes('UTC') ? zones : ['UTC', ...zones];
	return [
		{ name: `Workflow Timezone (${this.getTimezone()})`, value: '' },
		...listed.map((zone) => ({ name: zone.replace(/_/g, ' '), value: zone })),
	];
}
