#!/usr/bin/env bash
# n8n's own checkers for community packages, as n8n runs them before it verifies a package:
#   1. `n8n-node lint` (@n8n/node-cli) in this folder, with the project's ESLint config;
#   2. `n8n-node lint` in strict mode on the published sources alone (package.json, nodes/,
#      credentials/), with the CLI's default ESLint config, unchanged;
#   3. @n8n/scan-community-package's analyser on the sources and on the `npm pack` tarball
#      (the two halves its scan of a published package lints);
#   4. scripts/check-pack.js on the same tarball: every path of package.json's n8n section
#      (nodes, credentials) is in it.
# The checkers are installed once into a cache folder keyed by their pinned versions (about
# 3 minutes the first time); they are not dev dependencies because the project lints with its
# own pinned ESLint, and the CLI pulls a second copy of most of n8n's tooling. Run `npm run build`
# first (the tarball holds dist/).
set -euo pipefail

# `npm run` passes its settings on as npm_config_* variables (ignore-scripts among them); the
# nested npm commands read the npmrc files themselves.
while IFS= read -r name; do unset "$name"; done < <(env | sed -n 's/^\(npm_config_[A-Za-z0-9_]*\)=.*/\1/p')

NODE_CLI_VERSION=0.48.3
SCANNER_VERSION=0.32.0
REPO_DIR=$(cd "$(dirname "$0")/.." && pwd)
CACHE_ROOT=${ZENVIA_N8N_CACHE:-"$HOME/.cache/n8n-nodes-zenvia-chat"}
DIR="$CACHE_ROOT/checkers-node-cli-$NODE_CLI_VERSION-scan-$SCANNER_VERSION"

[ -f "$REPO_DIR/dist/package.json" ] || [ -d "$REPO_DIR/dist/nodes" ] || {
  echo "dist/ is missing: run npm run build first" >&2
  exit 1
}

if [ ! -f "$DIR/.complete" ]; then
  mkdir -p "$CACHE_ROOT"
  exec 8>"$CACHE_ROOT/.checkers.lock"
  command -v flock >/dev/null 2>&1 && flock 8
  if [ ! -f "$DIR/.complete" ]; then
    started=$SECONDS
    rm -rf "$DIR" && mkdir -p "$DIR"
    echo '{ "name": "zenvia-chat-n8n-checkers", "private": true }' > "$DIR/package.json"
    echo "Installing @n8n/node-cli@$NODE_CLI_VERSION and @n8n/scan-community-package@$SCANNER_VERSION into $DIR" >&2
    # A dependency of the scanner runs `npx only-allow pnpm` at install; nothing here needs a build.
    (cd "$DIR" && npm install --ignore-scripts --no-audit --no-fund --loglevel=error \
      "@n8n/node-cli@$NODE_CLI_VERSION" "@n8n/scan-community-package@$SCANNER_VERSION" >&2)
    touch "$DIR/.complete"
    echo "  done in $((SECONDS - started)) s" >&2
  fi
fi

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

echo "== n8n-node lint (this folder, the project's ESLint config)"
(cd "$REPO_DIR" && "$DIR/node_modules/.bin/n8n-node" lint)

echo "== n8n-node lint in strict mode (published sources, the CLI's default ESLint config)"
STAGED="$WORK/staged"
mkdir -p "$STAGED"
cp -R "$REPO_DIR/nodes" "$REPO_DIR/credentials" "$REPO_DIR/icons" "$STAGED/"
cp "$DIR/node_modules/@n8n/node-cli/dist/template/templates/shared/default/eslint.config.mjs" "$STAGED/"
# The package.json as published, strict mode on; the compiler settings without the tests.
node -e '
  const fs = require("fs");
  const [repo, staged] = process.argv.slice(1);
  const pkg = JSON.parse(fs.readFileSync(`${repo}/package.json`, "utf8"));
  pkg.n8n.strict = true;
  fs.writeFileSync(`${staged}/package.json`, JSON.stringify(pkg, null, 2) + "\n");
  const ts = JSON.parse(fs.readFileSync(`${repo}/tsconfig.json`, "utf8"));
  ts.include = ["credentials/**/*.ts", "nodes/**/*.ts"];
  fs.writeFileSync(`${staged}/tsconfig.json`, JSON.stringify(ts, null, 2) + "\n");
' "$REPO_DIR" "$STAGED"
ln -s "$DIR/node_modules" "$STAGED/node_modules"
(cd "$STAGED" && "$DIR/node_modules/.bin/n8n-node" lint)

echo "== @n8n/scan-community-package analyser (sources and the npm pack tarball)"
(cd "$REPO_DIR" && npm pack --silent --pack-destination "$WORK" >/dev/null)
mkdir -p "$WORK/package"
tar -xzf "$WORK"/*.tgz -C "$WORK/package" --strip-components=1
node "$REPO_DIR/scripts/scan-package.mjs" "$DIR/node_modules/@n8n/scan-community-package/scanner/scanner.mjs" "$REPO_DIR" "$WORK/package"

echo "== package.json's n8n section against the npm pack tarball"
node "$REPO_DIR/scripts/check-pack.js" "$WORK"/*.tgz
