#!/usr/bin/env bash
# `npm start`: installs, builds, prepares the database, seeds demo data (not in production), and runs API + worker
# (plus a local SMTP sink when SMTP_URL is not set). Ctrl-C stops everything.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/ensure-node.sh
export NX_DAEMON=false NX_NO_CLOUD=true

bash scripts/install-deps.sh
bash scripts/ensure-services.sh
echo "Building…"
npm run --silent build
cli="node dist/server/apps/api/src/cli.js"
# Least privilege: migrations run as the owner role, the API and worker as the app role (rows only).
export MIGRATION_DATABASE_URL="${MIGRATION_DATABASE_URL:-postgres://campaign_desk_owner@127.0.0.1:5432/campaign_desk}"
export DATABASE_URL="${DATABASE_URL:-postgres://campaign_desk_app@127.0.0.1:5432/campaign_desk}"
$cli db-roles
$cli migrate

pids=()
cleanup() { kill -TERM "${pids[@]}" 2>/dev/null || true; wait 2>/dev/null || true; }
trap cleanup EXIT INT TERM

if [ -z "${SMTP_URL:-}" ]; then
  export SMTP_URL="smtp://127.0.0.1:1025"
  $cli smtp-sink --port 1025 --dir tmp/mail-sink &
  pids+=($!)
fi

# Demo data on a development machine only: never under NODE_ENV=production, and the seed itself
# refuses a database holding data it did not create (the product starts without it either way).
demo=""
if [ "${NODE_ENV:-development}" = "production" ]; then
  echo "NODE_ENV=production: starting without demo data."
elif [ "${CD_DEMO:-true}" = "true" ]; then
  if demo=$($cli seed-demo); then
    # The inbound webhook refuses every call while INBOUND_TOKEN is unset; the demo gets a fixed one.
    export INBOUND_TOKEN="${INBOUND_TOKEN:-demo-inbound-token-not-for-production}"
  else
    echo "Starting without demo data."
    demo=""
  fi
fi

node dist/server/apps/worker/src/main.js &
pids+=($!)
node dist/server/apps/api/src/main.js &
pids+=($!)

port="${PORT:-3000}"
for _ in $(seq 1 60); do
  curl -fsS "http://127.0.0.1:${port}/api/health" >/dev/null 2>&1 && break
  sleep 1
done
cat <<MSG

  Campaign Desk is running: http://localhost:${port}
  API docs:                 http://localhost:${port}/api/docs
  Outgoing mail (dev sink): ${SMTP_URL}$( [ -d tmp/mail-sink ] && echo "  (saved in tmp/mail-sink)")
$( [ -n "${INBOUND_TOKEN:-}" ] && printf '%s\n%s' \
  "  Send an email in:         curl -H \"Authorization: Bearer ${INBOUND_TOKEN}\" -H 'Content-Type: message/rfc822' \\" \
  "                              --data-binary @message.eml http://localhost:${port}/api/inbound/email" )
  Press Ctrl-C to stop.

${demo}
MSG
wait -n "${pids[@]}"
