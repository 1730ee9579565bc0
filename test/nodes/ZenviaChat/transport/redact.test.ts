import { redact } from '../../../../nodes/ZenviaChat/transport/redact';

describe('redact', () => {
	it('removes the token in raw and URL-encoded form', () => {
		const token = 'abc+def/ghi=';
		expect(redact(`token=${encodeURIComponent(token)}&x=${token}`, token)).toBe('token=[redacted]&x=[redacted]');
	});

	it('leaves text alone for a token too short to search for safely', () => {
		expect(redact('a1a1', 'a1')).toBe('a1a1');
	});
});
