const { parallel, src, dest } = require('gulp');

// n8n reads icons and codex files (categories, links) from the built package, beside the code.
function buildIcons() {
	return src('icons/*.svg').pipe(dest('dist/icons'));
}

function buildCodex() {
	return src('nodes/**/*.node.json', { base: '.' }).pipe(dest('dist'));
}

exports['build:assets'] = parallel(buildIcons, buildCodex);
