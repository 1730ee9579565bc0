import { redact, redactValue } from '../../../../nodes/ZenviaChat/transport/redact';

const token = 'ZvOdd/Tok:9-q+a=b&c%d';

/** Every form a server may write the token back in. */
const forms: Array<[string, string]> = [
	['raw', token],
	['JSON-escaped slash', token.replace(/\//g, '\\/')],
	['JSON \\u escapes', token.replace(/\//g, '\\u002F').replace(/:/g, '\\u003a')],
	['URL-encoded, upper case hex', encodeURIComponent(token)],
	['URL-encoded, lower case hex', encodeURIComponent(token).replace(/%[0-9A-F]{2}/g, (hex) => hex.toLowerCase())],
	['form-encoded (+ style)', new URLSearchParams({ t: token }).toString().slice(2)],
	['partly encoded (encodeURI)', encodeURI(token)],
	['form-decoded (+ read as a space)', token.replace(/\+/g, ' ')],
	['base64', Buffer.from(token).toString('base64')],
	['base64url', Buffer.from(token).toString('base64url')],
	['base64 inside a Basic header', Buffer.from(`user:${token}`).toString('base64')],
	['base64 with JSON-escaped slashes', Buffer.from(`ab${token}`).toString('base64').replace(/\//g, '\\/')],
];

describe('redact', () => {
	it.each(forms)('removes the %s form', (_, form) => {
		const text = `{"message":"Invalid token ${form} given"}`;
		const redacted = redact(text, [token]);
		expect(redacted).not.toContain(form);
		expect(redacted).toContain('[redacted]');
		expect(redacted.startsWith('{"message":"Invalid token ')).toBe(true);
	});

	it('removes every secret given, the longest first', () => {
		const other = 'clientSdk+Token/2';
		expect(redact(`a=${token}&b=${encodeURIComponent(other)}&c=${token}X`, [other, token])).toBe(
			'a=[redacted]&b=[redacted]&c=[redacted]X',
		);
	});

	it('leaves text alone for secrets too short to search for safely, or none', () => {
		expect(redact('a1a1', ['a1'])).toBe('a1a1');
		expect(redact('a1a1', [])).toBe('a1a1');
		expect(redact('a1a1', ['', undefined as unknown as string])).toBe('a1a1');
	});

	it('redacts parsed values deeply, keys included, without touching other values', () => {
		const value = {
			message: `bad ${token}`,
			nested: [{ url: `https://x.test/?token=${encodeURIComponent(token)}` }, 7, null, true],
			[token]: 'key',
			// JSON parsing joined "\u0025" and "2F" into %2F: only visible after parsing.
			joined: JSON.parse(`"ZvOdd\\u00252FTok:9-q+a=b&c%d"`) as string,
		};
		const redacted = redactValue(value, [token]);
		expect(JSON.stringify(redacted)).not.toMatch(/ZvOdd|Tok/);
		expect(redacted.nested[1]).toBe(7);
		expect(redacted.nested[2]).toBeNull();
		expect(redacted.nested[3]).toBe(true);
		expect(Object.entries(redacted)).toContainEqual(['[redacted]', 'key']);
	});
});
