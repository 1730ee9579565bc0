const { src, dest } = require('gulp');

// n8n reads node and credential icons from the built package, next to the compiled code.
function buildIcons() {
	return src('icons/*.svg').pipe(dest('dist/icons'));
}

exports['build:icons'] = buildIcons;
