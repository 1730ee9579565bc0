import { request } from 'http';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { startRecorder } = require('../../../scripts/e2e/recorder');

/** POSTs a body in two writes split at `at` bytes, so TCP delivers it as two chunks. */
function postInTwoParts(url: string, body: Buffer, at: number): Promise<number> {
	return new Promise((resolve, reject) => {
		const req = request(url, { method: 'POST', headers: { 'Content-Type': 'application/json', 'Content-Length': body.length } }, (res) => {
			res.resume();
			res.on('end', () => resolve(res.statusCode ?? 0));
		});
		req.on('error', reject);
		req.write(body.subarray(0, at));
		setTimeout(() => req.end(body.subarray(at)), 50);
	});
}

describe('the recorder the trigger tests report to', () => {
	it('keeps a multi-byte character whole when a chunk ends inside it', async () => {
		const recorder = await startRecorder();
		try {
			const body = Buffer.from(JSON.stringify({ note: 'çç' }));
			// Byte 10 is the middle of the first "ç" (two bytes in UTF-8).
			expect(body.subarray(0, 10).toString()).toBe('{"note":"\ufffd');
			expect(await postInTwoParts(recorder.url, body, 10)).toBe(200);
			expect(recorder.records).toEqual([{ note: 'çç' }]);
		} finally {
			await recorder.close();
		}
	});
});
