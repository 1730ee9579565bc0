#!/usr/bin/env bash
# Installs the pinned Verdaccio (a local npm registry) into the cache folder scripts/install-n8n.sh
# uses, once per version, from the npm registry. The install-by-name test publishes the packed
# package to it and points n8n at it, so n8n installs the package by name the way a user's n8n
# does, without the package ever being on npmjs. Prints Verdaccio's entry script on its last line
# (stdout); progress goes to stderr. Safe to run from several processes at once.
set -euo pipefail

# `npm run` and jest pass npm's settings on as npm_config_* variables (the project's
# ignore-scripts=true and prefix among them); the nested npm reads the npmrc files itself.
while IFS= read -r name; do unset "$name"; done < <(env | sed -n 's/^\(npm_config_[A-Za-z0-9_]*\)=.*/\1/p')

# 6.8.0 declares Node >= 20; later 6.x releases want Node 22, and this runs on the machine's Node.
VERDACCIO_VERSION=6.8.0
CACHE_ROOT=${ZENVIA_N8N_CACHE:-"$HOME/.cache/n8n-nodes-zenvia-chat"}
DIR="$CACHE_ROOT/verdaccio-$VERDACCIO_VERSION"
ENTRY="$DIR/node_modules/verdaccio/bin/verdaccio"

finish() {
  echo "$ENTRY"
  exit 0
}

[ -f "$DIR/.complete" ] && finish

mkdir -p "$CACHE_ROOT"
# Its own lock: an n8n install holding .install.lock for minutes must not hold this one up.
exec 7>"$CACHE_ROOT/.verdaccio.lock"
if command -v flock >/dev/null 2>&1; then
  flock 7
fi
[ -f "$DIR/.complete" ] && finish

started=$SECONDS
# A half-done folder from an interrupted run is thrown away.
rm -rf "$DIR"
mkdir -p "$DIR"
echo '{ "name": "zenvia-chat-verdaccio-runtime", "private": true }' > "$DIR/package.json"
echo "Installing verdaccio@$VERDACCIO_VERSION into $DIR" >&2
# Nothing Verdaccio needs is built at install time.
(cd "$DIR" && npm install --ignore-scripts --no-audit --no-fund --loglevel=error "verdaccio@$VERDACCIO_VERSION" >&2)

# Proves it starts before the cache is declared complete.
node "$ENTRY" --version >&2
echo "  done in $((SECONDS - started)) s" >&2
touch "$DIR/.complete"
finish
