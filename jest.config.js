/** @type {import('jest').Config} */
module.exports = {
	preset: 'ts-jest',
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testMatch: ['**/*.test.ts'],
	// Retry tests wait through real backoff delays.
	testTimeout: 30_000,
	setupFiles: ['<rootDir>/test/setupEnv.ts'],
	// The end-to-end suite drives a real n8n and has its own command (npm run test:e2e).
	testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/e2e/'],
};
