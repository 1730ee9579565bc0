// @ts-check
'use strict';

module.exports = async function globalTeardown() {
	const emulator = /** @type {any} */ (globalThis).__zenviaE2eEmulator;
	if (emulator) await emulator.close();
};
