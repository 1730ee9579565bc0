/**
 * End-to-end suite: workflows run inside a real n8n (see test/e2e/setup/global-setup.js), 2.x by
 * default, 1.x with ZENVIA_N8N_LINE=1. Started by `npm run test:e2e` (or `npm run test:e2e:n8n1`),
 * which builds the package first.
 * @type {import('jest').Config}
 */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test/e2e'],
	testMatch: ['**/*.test.js'],
	globalSetup: '<rootDir>/test/e2e/setup/global-setup.js',
	globalTeardown: '<rootDir>/test/e2e/setup/global-teardown.js',
	// One n8n database: the files run one after the other.
	maxWorkers: 1,
	// Each `n8n execute` boots a whole n8n (about 8 s).
	testTimeout: 180_000,
	verbose: true,
};
