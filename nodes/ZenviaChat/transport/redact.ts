export const REDACTED = '[redacted]';

/** Secrets shorter than this are not searched for: replacing them would garble ordinary data. */
const MIN_SECRET_LENGTH = 4;

function escapeRegExp(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Every way one character of a secret can be written back by a server: as itself, JSON-escaped
 * (`\/`, `\u002f`), percent-encoded in either hex case, and `+`/space swapped as form encoding
 * and form decoding do. Matching per character also catches partial encodings (`encodeURI`
 * leaves `/` and `:` alone, `encodeURIComponent` does not).
 */
function characterForms(char: string): string {
	const code = char.charCodeAt(0);
	const forms = [escapeRegExp(char)];
	if (code < 0x80) {
		const hex = code.toString(16).padStart(2, '0');
		forms.push(`%${hex}`, `\\\\u00${hex}`);
		if (char === '/' || char === '"' || char === '\\') forms.push(`\\\\${escapeRegExp(char)}`);
		if (char === ' ') forms.push('\\+');
		if (char === '+') forms.push(' ');
	} else {
		// Other characters are percent-encoded as their UTF-8 bytes.
		const bytes = encodeURIComponent(char);
		if (bytes !== char) forms.push(escapeRegExp(bytes));
	}
	return forms.length === 1 ? forms[0] : `(?:${forms.join('|')})`;
}

/**
 * The base64 text of the secret at each of the three byte alignments it can have inside a longer
 * encoded value (a Basic header's `user:secret`, say), keeping only the characters that depend on
 * the secret's bytes alone. Standard and URL-safe alphabets, with `\/` as JSON writes it.
 */
function base64Forms(secret: string): string[] {
	const bytes = Buffer.from(secret, 'utf8');
	const forms: string[] = [];
	for (let shift = 0; shift < 3; shift++) {
		const encoded = Buffer.concat([Buffer.alloc(shift), bytes]).toString('base64');
		const start = Math.ceil((shift * 8) / 6);
		const end = Math.floor(((shift + bytes.length) * 8) / 6);
		const core = encoded.slice(start, end);
		if (core.length < 6) continue;
		forms.push(escapeRegExp(core), escapeRegExp(core).replace(/\//g, '\\\\/'));
		forms.push(escapeRegExp(core.replace(/\+/g, '-').replace(/\//g, '_')));
	}
	return forms;
}

/** One pattern matching every form of every secret, longest secret first. */
function patternFor(secrets: readonly string[]): RegExp | undefined {
	const wanted = [...new Set(secrets.filter((secret) => typeof secret === 'string' && secret.length >= MIN_SECRET_LENGTH))];
	if (wanted.length === 0) return undefined;
	wanted.sort((a, b) => b.length - a.length);
	const alternatives = wanted.flatMap((secret) => [[...secret].map(characterForms).join(''), ...base64Forms(secret)]);
	// Percent-encoding hex and \u escapes come in either case; a secret differing only by case
	// is redacted too, which costs nothing.
	return new RegExp(alternatives.join('|'), 'gi');
}

/**
 * Removes every secret, in every form a server may write it back (raw, JSON-escaped,
 * URL-encoded in either hex case and `+` style, base64), from text n8n could show, store or log.
 * Built once per set of secrets (an execution's tokens): the pattern is the costly part.
 */
export class Redactor {
	private readonly pattern: RegExp | undefined;

	constructor(secrets: readonly string[]) {
		this.pattern = patternFor(secrets);
	}

	text(text: string): string {
		if (!this.pattern || typeof text !== 'string') return text;
		return text.replace(this.pattern, REDACTED);
	}

	/**
	 * The same for a parsed value: every string in it, keys included, at any depth. Parsing can join
	 * escapes the raw text kept apart (`\u0025` + `2F` is `%2F`), so parsed values are redacted too.
	 * The value is written as JSON once and searched in one pass (a secret in any string shows
	 * there, JSON-escaped, which the pattern matches); the value itself is returned when it holds
	 * no secret.
	 */
	value<T>(value: T): T {
		const pattern = this.pattern;
		if (!pattern || value === undefined) return value;
		const text = JSON.stringify(value);
		if (text === undefined) return value;
		const redacted = text.replace(pattern, REDACTED);
		if (redacted === text) return value;
		try {
			return JSON.parse(redacted) as T;
		} catch {
			// A secret holding a quote can straddle two strings; then each string is cleaned alone.
			return walkValue(value, pattern) as T;
		}
	}
}

/** Redacts one text: for a single use; a run of answers keeps one Redactor. */
export function redact(text: string, secrets: readonly string[]): string {
	return new Redactor(secrets).text(text);
}

/** Redacts one parsed value: for a single use; a run of answers keeps one Redactor. */
export function redactValue<T>(value: T, secrets: readonly string[]): T {
	return new Redactor(secrets).value(value);
}

/** Redacts every string of a value, keys included, copying what changes. */
function walkValue(current: unknown, pattern: RegExp): unknown {
	if (typeof current === 'string') return current.replace(pattern, REDACTED);
	if (typeof current !== 'object' || current === null) return current;
	if (Array.isArray(current)) return current.map((inner) => walkValue(inner, pattern));
	return Object.fromEntries(
		Object.entries(current).map(([key, inner]) => [walkValue(key, pattern) as string, walkValue(inner, pattern)]),
	);
}
