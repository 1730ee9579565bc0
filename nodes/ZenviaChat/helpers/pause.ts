/**
 * A pause that doubles with each try, from `firstMs`, never above `maxMs`: the shape every
 * "ask again later" of the package shares (retries to Zenvia, resumes, wait registrations).
 * `tries` counts from 1; below 1 it is read as 1.
 */
export function doublingPauseMs(firstMs: number, maxMs: number, tries: number): number {
	return Math.min(maxMs, firstMs * 2 ** Math.max(0, tries - 1));
}

/**
 * What to do when n8n cannot reach an address it built from WEBHOOK_URL (its own resume URL, the
 * trigger's Production or Test URL): one sentence for every error and log line that says so.
 */
export const WEBHOOK_URL_HINT =
	'It is built from WEBHOOK_URL: set WEBHOOK_URL to an address this n8n can reach itself (with N8N_SSRF_PROTECTION_ENABLED, allow that host in N8N_SSRF_ALLOWED_HOSTNAMES).';
