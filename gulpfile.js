const { rmSync } = require('fs');
const { parallel, src, dest } = require('gulp');

// A file deleted from the sources must not live on in the published package.
async function clean() {
	rmSync('dist', { recursive: true, force: true });
}

// n8n reads icons and codex files (categories, links) from the built package, beside the code.
function buildIcons() {
	return src('icons/*.svg').pipe(dest('dist/icons'));
}

function buildCodex() {
	return src('nodes/**/*.node.json', { base: '.' }).pipe(dest('dist'));
}

exports.clean = clean;
exports['build:assets'] = parallel(buildIcons, buildCodex);
