#!/usr/bin/env bash
# Installs npm packages when node_modules is missing, older than the lockfile, or was installed under
# another Node major (native addons are built per Node ABI).
# `npm install` (not `npm ci`): see TOOLCHAIN.md — the registry lacks some other-platform optional
# binaries, so `npm ci` rejects a lockfile written here; `npm install` leaves the lockfile unchanged.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/ensure-node.sh
marker=node_modules/.installed-with-node
want="$(node -p 'process.versions.node.split(".")[0]')"
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ] \
  || [ "$(cat "$marker" 2>/dev/null)" != "$want" ]; then
  npm install --no-audit --no-fund --loglevel=error
  echo "$want" > "$marker"
fi
