// @ts-check
'use strict';

// A local endpoint that keeps every JSON body POSTed to it: the trigger workflow reports each
// execution here, so the test sees how many executions ran and what each one received.

const http = require('http');
const { waitFor } = require('./processes');

async function startRecorder() {
	/** @type {unknown[]} */
	const records = [];
	/** When each record arrived (performance.now(), in the same order as records): for latency figures. */
	/** @type {number[]} */
	const arrivals = [];
	const server = http.createServer((req, res) => {
		let text = '';
		// Decode as one stream: a chunk may end inside a multi-byte character.
		req.setEncoding('utf8');
		req.on('data', (chunk) => (text += chunk));
		req.on('end', () => {
			try {
				records.push(JSON.parse(text));
				arrivals.push(performance.now());
				res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"ok":true}');
			} catch {
				// Kept, so the test sees a wrong record instead of a recorder that died.
				records.push({ unreadableBody: text.slice(0, 200) });
				arrivals.push(performance.now());
				res.writeHead(400, { 'Content-Type': 'application/json' }).end('{"ok":false}');
			}
		});
	});
	await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
	const { port } = /** @type {import('net').AddressInfo} */ (server.address());
	return {
		url: `http://127.0.0.1:${port}/record`,
		records,
		arrivals,
		/** @param {number} count */
		waitForRecords: (count) => waitFor(`${count} recorded executions`, async () => records.length >= count, { timeoutMs: 60_000 }),
		close: () =>
			new Promise((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve(undefined));
			}),
	};
}

module.exports = { startRecorder };
