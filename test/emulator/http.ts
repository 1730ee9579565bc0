// Plain node:http client for the emulator tests: one connection per request (no keep-alive),
// so closing the emulator never waits on pooled sockets.
import * as http from 'http';

/**
 * Parsed JSON of an answer or webhook body. Tests probe it freely (row.customer.fields...)
 * and let the assertions do the checking, so it is deliberately untyped.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

export interface HttpAnswer {
	status: number;
	headers: http.IncomingHttpHeaders;
	text: string;
	json: Json;
}

export function call(method: string, url: string, body?: unknown, headers: Record<string, string> = {}): Promise<HttpAnswer> {
	return new Promise((resolve, reject) => {
		const text = body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body);
		const req = http.request(
			url,
			{
				method,
				agent: false,
				headers: {
					...(text !== undefined ? { 'Content-Type': 'application/json', 'Content-Length': String(Buffer.byteLength(text)) } : {}),
					...headers,
				},
			},
			(res) => {
				const chunks: Buffer[] = [];
				res.on('data', (chunk: Buffer) => chunks.push(chunk));
				// A connection broken mid-body ends the answer without 'end'.
				res.on('error', reject);
				res.on('aborted', () => reject(new Error('The answer was cut off')));
				res.on('end', () => {
					const raw = Buffer.concat(chunks).toString('utf8');
					let json: unknown;
					try {
						json = raw === '' ? undefined : JSON.parse(raw);
					} catch {
						json = undefined;
					}
					resolve({ status: res.statusCode ?? 0, headers: res.headers, text: raw, json });
				});
			},
		);
		req.on('error', reject);
		req.end(text);
	});
}

export interface Received {
	method: string;
	url: string;
	headers: http.IncomingHttpHeaders;
	text: string;
	json: Json;
}

/** A local webhook receiver that records every POST and answers with a chosen status. */
export async function startReceiver(answer: { status: number; body: unknown } = { status: 200, body: { ok: true } }) {
	const received: Received[] = [];
	const server = http.createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => {
			const text = Buffer.concat(chunks).toString('utf8');
			let json: unknown;
			try {
				json = JSON.parse(text);
			} catch {
				json = undefined;
			}
			received.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, text, json });
			res.writeHead(answer.status, { 'Content-Type': 'application/json' });
			res.end(JSON.stringify(answer.body));
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
	const address = server.address() as { port: number };
	return {
		url: `http://127.0.0.1:${address.port}/webhook/zenvia`,
		received,
		answer,
		close: () =>
			new Promise<void>((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			}),
	};
}
