#!/usr/bin/env bash
# Makes sure the local Postgres and Redis this machine kind provides are running (starting or installing
# them if not). Skipped for a service whose URL points somewhere other than this machine.
set -euo pipefail

db_url="${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/campaign_desk}"
redis_url="${REDIS_URL:-redis://127.0.0.1:6379}"
is_local() { [[ "$1" =~ @(127\.0\.0\.1|localhost)[:/] ]] || [[ "$1" =~ ^redis://(127\.0\.0\.1|localhost)[:/]? ]]; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
apt_install() {
  export DEBIAN_FRONTEND=noninteractive
  [ -n "${APT_UPDATED:-}" ] || { as_root apt-get update -qq; APT_UPDATED=1; }
  as_root apt-get install -y -qq "$@" >/dev/null
}

postgres_up() { pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; }
redis_up() { redis-cli -h 127.0.0.1 -p 6379 ping 2>/dev/null | grep -q PONG; }

if is_local "$db_url" && ! postgres_up; then
  echo "Postgres is not answering on 127.0.0.1:5432; starting it"
  command -v pg_ctlcluster >/dev/null || apt_install postgresql
  version=$(ls /etc/postgresql | sort -n | tail -1)
  as_root pg_ctlcluster --skip-systemctl-redirect "$version" main start || true
  for _ in $(seq 1 30); do postgres_up && break; sleep 1; done
  postgres_up || { echo "Postgres did not start" >&2; exit 1; }
fi

if is_local "$redis_url" && ! redis_up; then
  echo "Redis is not answering on 127.0.0.1:6379; starting it"
  command -v redis-server >/dev/null || apt_install redis-server
  mkdir -p /var/lib/redis /var/log/redis 2>/dev/null || true
  redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no \
    --dir /var/lib/redis --logfile /var/log/redis/ci.log
  for _ in $(seq 1 30); do redis_up && break; sleep 1; done
  redis_up || { echo "Redis did not start" >&2; exit 1; }
fi
