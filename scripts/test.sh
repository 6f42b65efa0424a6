#!/usr/bin/env bash
# `npm test`: installs what the tests need, checks types and module boundaries, builds the dashboard
# for the browser tests, then runs unit, integration and browser tests against real services.
# Writes tmp/jest-results.json, which .ci/run summarises.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/ensure-node.sh
export NX_DAEMON=false NX_NO_CLOUD=true NX_TUI=false

bash scripts/install-deps.sh
bash scripts/ensure-services.sh
bash scripts/ensure-test-tools.sh
echo "Type check and lint…"
npm run --silent typecheck
npm run --silent lint
echo "Building (the browser tests use the dashboard build; process-level tests spawn the built API and worker)…"
npm run --silent build >/dev/null
mkdir -p tmp
npx jest --config jest.config.ts --selectProjects unit integration e2e --maxWorkers=2 \
  --forceExit --json --outputFile=tmp/jest-results.json "$@"
