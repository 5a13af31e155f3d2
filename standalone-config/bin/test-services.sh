#!/usr/bin/env bash
# Prepares what the test suite needs on this machine, all on loopback:
#   PostgreSQL (role "atrium", password "atrium", a fresh database "atrium_it") and Redis,
#   plus HAProxy for the farm tests and Chromium, Node.js and npm for the browser tests.
# Installs them with apt-get when missing and starts them when stopped. Debian 12; needs root
# or sudo. The README's test command runs it before "mvn verify"; so does .ci/run.
set -euo pipefail

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
as_postgres() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else sudo -u postgres "$@"; fi; }
wait_for() { # description, command...
  local what="$1"; shift
  for _ in $(seq 1 60); do "$@" >/dev/null 2>&1 && return 0; sleep 0.5; done
  echo "test-services: $what did not come up within 30 s" >&2; return 1
}

missing=()
command -v pg_ctlcluster >/dev/null 2>&1 || missing+=(postgresql)
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
command -v haproxy >/dev/null 2>&1 || missing+=(haproxy)
[ -x /usr/bin/chromium ] || missing+=(chromium)
command -v node >/dev/null 2>&1 || missing+=(nodejs)
command -v npm >/dev/null 2>&1 || missing+=(npm)
command -v curl >/dev/null 2>&1 || missing+=(curl)
if [ ${#missing[@]} -gt 0 ]; then
  echo "test-services: installing ${missing[*]}"
  as_root apt-get update -q
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}"
fi

if ! pg_isready -h 127.0.0.1 -p 5432 -q; then
  version="$(ls /etc/postgresql | sort -V | tail -n 1)"
  echo "test-services: starting PostgreSQL $version"
  as_root pg_ctlcluster --skip-systemctl-redirect "$version" main start
  wait_for PostgreSQL pg_isready -h 127.0.0.1 -p 5432 -q
fi

if ! redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1; then
  echo "test-services: starting Redis"
  as_root mkdir -p /var/lib/redis /var/log/redis
  as_root redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no \
    --dir /var/lib/redis --logfile /var/log/redis/atrium-tests.log
  wait_for Redis redis-cli -h 127.0.0.1 -p 6379 ping
fi

# A login role and empty databases for every run (atrium_farm for the farm tests) (the first deployment migrates it from scratch).
as_postgres psql -q -v ON_ERROR_STOP=1 -d postgres <<'SQL'
DO $$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'atrium') THEN
    CREATE ROLE atrium LOGIN PASSWORD 'atrium';
  END IF;
END $$;
DROP DATABASE IF EXISTS atrium_it WITH (FORCE);
CREATE DATABASE atrium_it OWNER atrium;
DROP DATABASE IF EXISTS atrium_farm WITH (FORCE);
CREATE DATABASE atrium_farm OWNER atrium;
SQL
echo "test-services: PostgreSQL and Redis ready on 127.0.0.1 (databases atrium_it, atrium_farm)"
