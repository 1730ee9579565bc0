/** @type {import('jest').Config} */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testMatch: ['**/*.test.ts'],
	// Transpile only: each file is compiled on its own, without type checks, which made the unit run
	// about three times slower. Types are checked once for the whole tree by `npm run typecheck`
	// (part of `npm run lint`).
	transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: { ...require('./tsconfig.json').compilerOptions, isolatedModules: true } }] },
	// Retry tests wait through real backoff delays.
	testTimeout: 30_000,
	setupFiles: ['<rootDir>/test/setupEnv.ts'],
	// The end-to-end suite drives a real n8n and has its own command (npm run test:e2e).
	testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/e2e/'],
};
