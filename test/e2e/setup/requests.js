// @ts-check
'use strict';

const { emulator } = require('./context');

/** How the emulator logs the token: the test sees that one was sent, never its value. */
const TOKEN = '[redacted]';

/** The emulator's request log without arrival times, for exact comparison. */
async function received() {
	return (await emulator.requests()).map(({ method, path, query, body }) => ({ method, path, query, body }));
}

module.exports = { TOKEN, received };
