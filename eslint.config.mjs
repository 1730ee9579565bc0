import { n8nCommunityNodesPlugin } from '@n8n/eslint-plugin-community-nodes';
import n8nNodesBase from 'eslint-plugin-n8n-nodes-base';
import tseslint from 'typescript-eslint';

// package.json sets n8n's "strict" to false: strict mode makes `n8n-node lint` refuse any config
// but the CLI's default, which lints every .ts file in the folder with the community-node rules,
// and those forbid what tests and the emulator exist to do (spawn processes, read process.env,
// hold fake tokens). So this config gives the shipped code n8n's rules and the rest the project's
// own, and scripts/n8n-checks.sh also runs `n8n-node lint` in strict mode, with the CLI's
// unchanged default config, on a copy of the published sources alone.
const shipped = ['nodes/**/*.ts', 'credentials/**/*.ts'];

export default tseslint.config(
	{ ignores: ["dist/**", "node_modules/**", "coverage/**", ".n8n-e2e/**", ".n8n-demo/**", ".n8n-bench/**"] },
	{
		files: ['**/*.ts'],
		extends: [tseslint.configs.recommended],
	},
	// n8n's community rules apply to what the package ships and to its package.json.
	{
		files: [...shipped, 'package.json'],
		...n8nCommunityNodesPlugin.configs.recommended,
	},
	{
		files: ['package.json'],
		languageOptions: { parser: tseslint.parser, parserOptions: { extraFileExtensions: ['.json'] } },
		plugins: { 'n8n-nodes-base': n8nNodesBase },
		rules: {
			...n8nNodesBase.configs.community.rules,
			'@typescript-eslint/no-unused-expressions': 'off',
		},
	},
	{
		files: ['credentials/**/*.ts'],
		plugins: { 'n8n-nodes-base': n8nNodesBase },
		rules: {
			...n8nNodesBase.configs.credentials.rules,
			// Applies to n8n's own repository, whose docs use slugs; this credential links to Zenvia.
			'n8n-nodes-base/cred-class-field-documentation-url-miscased': 'off',
		},
	},
	{
		files: ['nodes/**/*.ts'],
		plugins: { 'n8n-nodes-base': n8nNodesBase },
		rules: {
			...n8nNodesBase.configs.nodes.rules,
			// These predate NodeConnectionTypes and ask for the literal 'main', which the
			// community rule node-connection-type-literal forbids; the community rule wins.
			'n8n-nodes-base/node-class-description-inputs-wrong-regular-node': 'off',
			'n8n-nodes-base/node-class-description-outputs-wrong': 'off',
		},
	},
);
