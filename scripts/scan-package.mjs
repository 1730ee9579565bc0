// Runs @n8n/scan-community-package's analyser on a local package, the way its scan of a published
// package does: the sources (package.json, nodes/, credentials/) and the unpacked tarball (every
// .js file and package.json). The scanner's CLI only takes a package name on the registry.
// Usage: node scripts/scan-package.mjs <scanner.mjs> <source folder> <unpacked tarball folder>

import { pathToFileURL } from 'node:url';

const [scannerPath, sourceDir, packageDir] = process.argv.slice(2);
if (!scannerPath || !sourceDir || !packageDir) {
	console.error('Usage: node scripts/scan-package.mjs <scanner.mjs> <source folder> <unpacked tarball folder>');
	process.exit(2);
}

const { analyzePackage, SOURCE_FILE_PATTERNS } = await import(pathToFileURL(scannerPath).href);

const legs = [
	{ name: 'sources', dir: sourceDir, patterns: SOURCE_FILE_PATTERNS },
	{ name: 'tarball', dir: packageDir, patterns: ['**/*.js', 'package.json'] },
];

let failed = false;
for (const leg of legs) {
	const result = await analyzePackage(leg.dir, leg.patterns);
	if (result.message === 'No files found to analyze') {
		console.log(`${leg.name}: no files found in ${leg.dir}`);
		failed = true;
	} else if (result.passed) {
		console.log(`${leg.name}: passed (${leg.dir})`);
	} else {
		console.log(`${leg.name}: ${result.message}\n${result.details ?? ''}`);
		failed = true;
	}
}
process.exit(failed ? 1 : 0);
