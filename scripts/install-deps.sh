#!/usr/bin/env bash
# Installs npm packages when node_modules is missing or older than the lockfile.
# `npm install` (not `npm ci`): see TOOLCHAIN.md — the registry lacks some other-platform optional
# binaries, so `npm ci` rejects a lockfile written here; `npm install` leaves the lockfile unchanged.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm install --no-audit --no-fund --loglevel=error
fi
