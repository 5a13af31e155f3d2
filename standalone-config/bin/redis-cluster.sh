#!/usr/bin/env bash
# Starts or stops a local Redis Cluster of three masters on loopback, for tests and demos.
#   redis-cluster.sh start DIR [PORT...]   (default ports 7001 7002 7003; AOF on, in DIR/<port>)
#   redis-cluster.sh stop DIR
# Atrium then connects with atrium.redis.url=redis-cluster://127.0.0.1:7001,127.0.0.1:7002,127.0.0.1:7003
# (see standalone-config/redis/ for production settings).
set -euo pipefail

cmd="${1:-}"; dir="${2:-}"
[ -n "$cmd" ] && [ -n "$dir" ] || { echo "usage: redis-cluster.sh start|stop DIR [PORT...]" >&2; exit 2; }
shift 2
ports=("$@"); [ ${#ports[@]} -gt 0 ] || ports=(7001 7002 7003)

case "$cmd" in
  start)
    mkdir -p "$dir"
    dir="$(cd "$dir" && pwd)"
    for port in "${ports[@]}"; do
      if redis-cli -h 127.0.0.1 -p "$port" ping >/dev/null 2>&1; then
        echo "redis-cluster: port $port is already in use" >&2; exit 1
      fi
      rm -rf "${dir:?}/$port"; mkdir -p "$dir/$port"
      redis-server --port "$port" --bind 127.0.0.1 --cluster-enabled yes --cluster-config-file nodes.conf \
        --cluster-node-timeout 5000 --appendonly yes --save "" --dir "$dir/$port" --daemonize yes \
        --pidfile "$dir/$port/redis.pid" --logfile "$dir/$port/redis.log"
      echo "$port" >> "$dir/ports"
    done
    for port in "${ports[@]}"; do
      for _ in $(seq 1 50); do redis-cli -h 127.0.0.1 -p "$port" ping >/dev/null 2>&1 && break; sleep 0.1; done
    done
    nodes=(); for port in "${ports[@]}"; do nodes+=("127.0.0.1:$port"); done
    redis-cli --cluster create "${nodes[@]}" --cluster-replicas 0 --cluster-yes >"$dir/create.log" 2>&1
    # Ready when every master sees the whole cluster: each node decides its cluster_state on its
    # own, and one still saying CLUSTERDOWN refuses the keys it serves.
    for _ in $(seq 1 100); do
      ready=0
      for port in "${ports[@]}"; do
        redis-cli -h 127.0.0.1 -p "$port" cluster info 2>/dev/null \
          | grep -q "cluster_state:ok" && ready=$((ready + 1))
      done
      if [ "$ready" -eq "${#ports[@]}" ]; then
        echo "redis-cluster: ${#ports[@]} masters ready on ${nodes[*]}"; exit 0
      fi
      sleep 0.1
    done
    echo "redis-cluster: the cluster did not become ready within 10 s (see $dir)" >&2; exit 1
    ;;
  stop)
    [ -f "$dir/ports" ] || exit 0
    while read -r port; do
      redis-cli -h 127.0.0.1 -p "$port" shutdown nosave >/dev/null 2>&1 || true
    done < "$dir/ports"
    rm -f "$dir/ports"
    echo "redis-cluster: stopped"
    ;;
  *) echo "usage: redis-cluster.sh start|stop DIR [PORT...]" >&2; exit 2 ;;
esac
