#!/usr/bin/env bash
# The browser workspace's figures (see bench/README.md, "Browser workspace"): starts the benchmark's
# server with its data (bench/run.sh --keep, 100,000 contacts; a short API run on the way), then
# measures in headless Chromium the first paint of the Contacts list with a cold cache and after a
# reload, a form opened from the list, and the bundles' gzipped sizes, against baselines measured in
# the same run (bench/workspace/workspace.mjs). Prints a table (also bench/target/workspace.md) and
# stops the server. Loopback only; needs what bench/run.sh needs plus Chromium and Node.js.
#
# Usage: bench/workspace.sh [--runs N] [--keep]
#   --runs   fresh browser contexts measured (5)
#   --keep   leave the server running at the end
set -euo pipefail

bench="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$bench")"
runs=5 keep=false
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs="$2"; shift 2 ;;
    --keep) keep=true; shift ;;
    -h|--help) sed -n '2,12p' "${BASH_SOURCE[0]}"; exit 0 ;;
    *) echo "workspace.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
[[ "$runs" =~ ^[0-9]+$ ]] && [ "$runs" -ge 1 ] && [ "$runs" -le 50 ] || { echo "workspace.sh: --runs takes 1 to 50" >&2; exit 2; }
[ -x /usr/bin/chromium ] || { echo "workspace.sh: needs /usr/bin/chromium (apt-get install -y chromium)" >&2; exit 1; }

pidfile="$bench/target/wildfly.pid"
stop() {
  if ! $keep && [ -f "$pidfile" ]; then
    local pid; pid="$(cat "$pidfile")"
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 600); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    rm -f "$pidfile"
  fi
}
trap stop EXIT

"$bench/run.sh" --duration 2 --warmup 1 --concurrency 4 --keep
(cd "$bench/workspace" && npm ci --no-audit --no-fund --silent)
ATRIUM_URL=http://127.0.0.1:8780 ATRIUM_USER=Supervisor ATRIUM_PASSWORD="$(head -n 1 "$bench/target/supervisor-password")" \
  ASSETS="$root/webapp-war/target/frontend/assets" RUNS="$runs" \
  node "$bench/workspace/workspace.mjs" | tee "$bench/target/workspace.md"
