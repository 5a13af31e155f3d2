#!/usr/bin/env bash
# A local Atrium web farm on loopback, for demos and the farm tests (docs/farm.md): N WildFly nodes
# (one installation, a server base directory per node), HAProxy in front and a Redis of its own
# with AOF; the database is the one in the installation's configuration (configure.sh --farm-node),
# and a local PostgreSQL that is stopped is started.
#
#   farm.sh start --jboss-home DIR --ear FILE --dir DIR [--nodes 2] [--http-port 8090]
#                 [--redis-port 6390] [--admin-port 8801] [--stats-port 8802] [--java-opts "..."]
#   farm.sh stop --dir DIR                 stops everything (nodes gracefully, then HAProxy, Redis)
#   farm.sh status --dir DIR
#   farm.sh stop-node N --dir DIR          drains node N in HAProxy, then shuts it down gracefully
#   farm.sh start-node N --dir DIR         starts node N again and puts it back into rotation
#   farm.sh kill-node N --dir DIR          kill -9, as a crash
#   farm.sh stop-redis|start-redis --dir DIR
#
# Node N listens on port offset 300+100*N: HTTP 8080+offset (node 1: 8480), management
# 9990+offset, JGroups 7600+offset. Every wait is bounded; a failure prints the log to look at.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cmd="${1:-}"; shift || true
node=""
case "$cmd" in stop-node|start-node|kill-node) node="${1:-}"; shift || true ;; esac
jboss_home="" ear="" dir="" nodes=2 http_port=8090 redis_port=6390 admin_port=8801 stats_port=8802 java_opts=""
while [ $# -gt 0 ]; do
  case "$1" in
    --jboss-home) jboss_home="$2"; shift 2 ;;
    --ear) ear="$2"; shift 2 ;;
    --dir) dir="$2"; shift 2 ;;
    --nodes) nodes="$2"; shift 2 ;;
    --http-port) http_port="$2"; shift 2 ;;
    --redis-port) redis_port="$2"; shift 2 ;;
    --admin-port) admin_port="$2"; shift 2 ;;
    --stats-port) stats_port="$2"; shift 2 ;;
    --java-opts) java_opts="$2"; shift 2 ;;
    *) echo "farm.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
[ -n "$dir" ] || { echo "farm.sh: --dir is required" >&2; exit 2; }
mkdir -p "$dir"; dir="$(cd "$dir" && pwd)"
state="$dir/farm.env"

fail() { echo "farm.sh: $*" >&2; exit 1; }
offset() { echo $((300 + 100 * $1)); }
http_of() { echo $((8080 + $(offset "$1"))); }
mgmt_of() { echo $((9990 + $(offset "$1"))); }
port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
alive() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }
# The HAProxy runtime API (one command per connection).
hap() { exec 3<>"/dev/tcp/127.0.0.1/$admin_port"; printf '%s\n' "$1" >&3; cat <&3; exec 3<&-; }
# Current sessions (requests in flight) on a node, from HAProxy's statistics.
in_flight() { hap "show stat" | awk -F, -v s="node$1" '$1 == "atrium" && $2 == s { print $5 }'; }
ping_code() { curl -s -o /dev/null -w '%{http_code}' --max-time 2 "http://127.0.0.1:$1/0/ping" || true; }

start_node() { # N
  local n="$1" base="$dir/node$1"
  alive "$base/node.pid" && fail "node $n is already running"
  port_free "$(http_of "$n")" || fail "port $(http_of "$n") (node $n) is in use"
  JBOSS_PIDFILE="$base/node.pid" LAUNCH_JBOSS_IN_BACKGROUND=1 \
    JAVA_OPTS="-Xms256m -Xmx768m -XX:MetaspaceSize=96M -XX:MaxMetaspaceSize=512m -Djava.net.preferIPv4Stack=true -Djava.awt.headless=true" \
    nohup "$jboss_home/bin/standalone.sh" -c standalone-ha.xml -Djboss.server.base.dir="$base" \
      -Djboss.node.name="node$n" -Djboss.tx.node.id="node$n" -Djboss.socket.binding.port-offset="$(offset "$n")" \
      -Djboss.bind.address=127.0.0.1 -Djboss.bind.address.private=127.0.0.1 \
      -Datrium.redis.url="redis://127.0.0.1:$redis_port/0" $java_opts > "$base/console.log" 2>&1 < /dev/null &
}

await_node() { # N: the EAR answers, within 240 s
  local n="$1" base="$dir/node$1"
  for _ in $(seq 1 480); do
    [ "$(ping_code "$(http_of "$n")")" = 200 ] && return 0
    [ -f "$base/deployments/atrium.ear.failed" ] && fail "node $n: deployment failed (see $base/log/server.log)"
    [ -f "$base/node.pid" ] && ! alive "$base/node.pid" && fail "node $n exited (see $base/console.log)"
    sleep 0.5
  done
  fail "node $n did not answer within 240 s (see $base/log/server.log)"
}

await_exit() { # pidfile, seconds: then kill -9
  local pidfile="$1" seconds="$2"
  for _ in $(seq 1 $((seconds * 10))); do alive "$pidfile" || return 0; sleep 0.1; done
  echo "farm.sh: $(basename "$(dirname "$pidfile")") did not stop within $seconds s; killing it" >&2
  kill -9 "$(cat "$pidfile")" 2>/dev/null || true
}

ensure_database() { # a PostgreSQL on this machine named by the datasource is running
  local url host port
  url="$(grep -o '<connection-url>jdbc:postgresql://[^<]*' "$jboss_home/standalone/configuration/standalone-ha.xml" | head -n 1 || true)"
  [ -n "$url" ] || return 0
  host="$(echo "$url" | sed -E 's#.*//([^:/]+).*#\1#')"
  port="$(echo "$url" | sed -nE 's#.*//[^:/]+:([0-9]+).*#\1#p')"; port="${port:-5432}"
  case "$host" in 127.*|localhost) ;; *) return 0 ;; esac
  pg_isready -h "$host" -p "$port" -q && return 0
  echo "farm.sh: starting the local PostgreSQL"
  local sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | sort -V | tail -n 1)" main start
  for _ in $(seq 1 100); do pg_isready -h "$host" -p "$port" -q && return 0; sleep 0.2; done
  fail "PostgreSQL on $host:$port did not start"
}

start_redis() {
  mkdir -p "$dir/redis"
  port_free "$redis_port" || fail "port $redis_port (Redis) is in use"
  redis-server "$here/redis/redis-aof.conf" --port "$redis_port" --bind 127.0.0.1 --dir "$dir/redis" \
    --daemonize yes --pidfile "$dir/redis/redis.pid" --logfile "$dir/redis/redis.log"
  # PONG only once the append-only file is loaded (before that, PING answers LOADING).
  for _ in $(seq 1 100); do [ "$(redis-cli -p "$redis_port" ping 2>/dev/null)" = PONG ] && return 0; sleep 0.1; done
  fail "Redis did not start (see $dir/redis/redis.log)"
}

stop_redis() {
  redis-cli -p "$redis_port" shutdown >/dev/null 2>&1 || true
  for _ in $(seq 1 100); do port_free "$redis_port" && return 0; sleep 0.1; done
  fail "Redis on port $redis_port did not stop"
}

start_haproxy() {
  { sed '/^[[:space:]]*server /d' "$here/haproxy/haproxy.cfg"
    for n in $(seq 1 "$nodes"); do echo "    server node$n 127.0.0.1:$(http_of "$n")"; done
  } > "$dir/haproxy.cfg"
  port_free "$http_port" || fail "port $http_port (HAProxy) is in use"
  ATRIUM_HTTP_BIND="127.0.0.1:$http_port" ATRIUM_ADMIN_BIND="127.0.0.1:$admin_port" \
    ATRIUM_STATS_BIND="127.0.0.1:$stats_port" ATRIUM_LOG=stdout \
    nohup haproxy -db -f "$dir/haproxy.cfg" > "$dir/haproxy.log" 2>&1 < /dev/null &
  echo $! > "$dir/haproxy.pid"
  for _ in $(seq 1 100); do port_free "$admin_port" || return 0; sleep 0.1; done
  fail "HAProxy did not start (see $dir/haproxy.log)"
}

await_haproxy_up() { # every node UP in HAProxy, within 30 s
  for _ in $(seq 1 300); do
    [ "$(hap "show stat" | awk -F, '$1 == "atrium" && $2 ~ /^node/ && $18 == "UP"' | wc -l)" -eq "$nodes" ] && return 0
    sleep 0.1
  done
  fail "HAProxy does not see every node up (see $dir/haproxy.log)"
}

case "$cmd" in
  start)
    [ -x "$jboss_home/bin/standalone.sh" ] || fail "--jboss-home must name a WildFly installation configured with configure.sh --farm-node"
    [ -f "$ear" ] || fail "--ear must name the Atrium EAR"
    grep -q 'TCPPING' "$jboss_home/standalone/configuration/standalone-ha.xml" \
      || fail "$jboss_home is not configured as a farm node (configure.sh --farm-node)"
    jboss_home="$(cd "$jboss_home" && pwd)"
    printf 'jboss_home=%q\nnodes=%q\nhttp_port=%q\nredis_port=%q\nadmin_port=%q\nstats_port=%q\njava_opts=%q\n' \
      "$jboss_home" "$nodes" "$http_port" "$redis_port" "$admin_port" "$stats_port" "$java_opts" > "$state"
    ensure_database
    rm -rf "$dir/redis"; start_redis
    for n in $(seq 1 "$nodes"); do
      rm -rf "$dir/node$n"; cp -r "$jboss_home/standalone" "$dir/node$n"
      rm -rf "$dir/node$n"/{data,log,tmp} "$dir/node$n"/deployments/*
      cp "$ear" "$dir/node$n/deployments/atrium.ear"
    done
    # The first node migrates the database; the others start once it is up.
    start_node 1; await_node 1
    for n in $(seq 2 "$nodes"); do start_node "$n"; done
    for n in $(seq 2 "$nodes"); do await_node "$n"; done
    start_haproxy; await_haproxy_up
    echo "farm.sh: $nodes nodes behind http://127.0.0.1:$http_port/ (stats http://127.0.0.1:$stats_port/, Redis $redis_port)"
    ;;
  stop|status|stop-node|start-node|kill-node|stop-redis|start-redis)
    [ -f "$state" ] || fail "no farm in $dir"
    # shellcheck disable=SC1090
    source "$state"
    ;;&
  stop)
    for n in $(seq 1 "$nodes"); do alive "$dir/node$n/node.pid" && kill -TERM "$(cat "$dir/node$n/node.pid")"; done
    for n in $(seq 1 "$nodes"); do await_exit "$dir/node$n/node.pid" 60; done
    alive "$dir/haproxy.pid" && kill -TERM "$(cat "$dir/haproxy.pid")"; await_exit "$dir/haproxy.pid" 10
    stop_redis
    echo "farm.sh: stopped"
    ;;
  status)
    for n in $(seq 1 "$nodes"); do
      if alive "$dir/node$n/node.pid"; then pid="pid $(cat "$dir/node$n/node.pid")"; else pid="not running"; fi
      echo "node$n: $pid, http://127.0.0.1:$(http_of "$n")/0/ping -> $(ping_code "$(http_of "$n")")"
    done
    if alive "$dir/haproxy.pid"; then
      hap "show stat" | awk -F, '$1 == "atrium" && $2 ~ /^node/ { print "haproxy " $2 ": " $18 }'
    else echo "haproxy: not running"; fi
    if redis-cli -p "$redis_port" ping >/dev/null 2>&1; then echo "redis: up on $redis_port"; else echo "redis: down"; fi
    ;;
  stop-node)
    [ -n "$node" ] && [ "$node" -ge 1 ] && [ "$node" -le "$nodes" ] || fail "which node? 1..$nodes"
    started="$(date +%s%N)"
    hap "set server atrium/node$node state drain" >/dev/null
    # HAProxy sends it nothing new; let what it is serving finish (bounded).
    for _ in $(seq 1 300); do [ "$(in_flight "$node")" = 0 ] && break; sleep 0.1; done
    drained="$(date +%s%N)"
    "$jboss_home/bin/jboss-cli.sh" --controller="127.0.0.1:$(mgmt_of "$node")" -c \
      --command=":shutdown(suspend-timeout=30)" >/dev/null 2>&1 || true
    await_exit "$dir/node$node/node.pid" 60
    hap "set server atrium/node$node state maint" >/dev/null
    echo "farm.sh: node $node drained in $(( (drained - started) / 1000000 )) ms and stopped in $(( ($(date +%s%N) - drained) / 1000000 )) ms"
    ;;
  start-node)
    [ -n "$node" ] && [ "$node" -ge 1 ] && [ "$node" -le "$nodes" ] || fail "which node? 1..$nodes"
    start_node "$node"; await_node "$node"
    hap "set server atrium/node$node state ready" >/dev/null
    echo "farm.sh: node $node started"
    ;;
  kill-node)
    [ -n "$node" ] && [ "$node" -ge 1 ] && [ "$node" -le "$nodes" ] || fail "which node? 1..$nodes"
    alive "$dir/node$node/node.pid" || fail "node $node is not running"
    kill -9 "$(cat "$dir/node$node/node.pid")"
    await_exit "$dir/node$node/node.pid" 10
    echo "farm.sh: node $node killed"
    ;;
  stop-redis) stop_redis; echo "farm.sh: Redis stopped" ;;
  start-redis) start_redis; echo "farm.sh: Redis started (AOF in $dir/redis)" ;;
  *) sed -n '2,16p' "${BASH_SOURCE[0]}" >&2; exit 2 ;;
esac
