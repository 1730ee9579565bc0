const REDACTED = '[redacted]';

/**
 * Removes the token, raw and URL-encoded, from text n8n could show or store. Tokens shorter than
 * four characters are not searched for: replacing them would garble ordinary data.
 */
export function redact(text: string, token: string): string {
	if (token.length < 4) return text;
	let result = text;
	for (const form of new Set([token, encodeURIComponent(token)])) {
		result = result.split(form).join(REDACTED);
	}
	return result;
}
