#!/usr/bin/env bash
# Atrium benchmark (see bench/README.md): builds what is missing, makes a fresh PostgreSQL database
# atrium_bench, configures and starts a WildFly of its own (bench/target, port offset 700, HTTP on
# 127.0.0.1:8780), seeds 20,000 accounts and 100,000 contacts, then measures each scenario against
# the server (reads by wrk with bench/wrk/atrium.lua, writes by bench/src/Bench.java, an unauthenticated
# /0/ping as the floor) and the same SQL run directly by pgbench, and prints one table
# (also bench/target/results.md). Everything on loopback. Needs root or sudo (PostgreSQL).
#
# Usage: bench/run.sh [--duration S] [--warmup S] [--concurrency C] [--keep]
#   --duration     seconds measured per scenario (10)
#   --warmup       seconds of warm-up before each scenario, not measured (5)
#   --concurrency  concurrent clients, for the server and for pgbench (16)
#   --keep         leave the server running at the end (prints how to stop it)
set -euo pipefail

bench="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$bench")"
target="$bench/target"
duration=10 warmup=5 concurrency=16 keep=false
while [ $# -gt 0 ]; do
  case "$1" in
    --duration) duration="$2"; shift 2 ;;
    --warmup) warmup="$2"; shift 2 ;;
    --concurrency) concurrency="$2"; shift 2 ;;
    --keep) keep=true; shift ;;
    -h|--help) sed -n '2,13p' "${BASH_SOURCE[0]}"; exit 0 ;;
    *) echo "run.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
for n in "$duration" "$warmup" "$concurrency"; do
  [[ "$n" =~ ^[0-9]+$ ]] || { echo "run.sh: --duration, --warmup and --concurrency take whole numbers" >&2; exit 2; }
done
[ "$duration" -ge 1 ] && [ "$concurrency" -ge 1 ] || { echo "run.sh: --duration and --concurrency must be at least 1" >&2; exit 2; }

wildfly_version=39.0.1.Final
port_offset=700
http_port=$((8080 + port_offset))
base_url="http://127.0.0.1:$http_port"
db=atrium_bench db_user=atrium db_password=atrium   # the role that test-services.sh creates
accounts=20000 contacts=100000
jboss_home="$target/wildfly-$wildfly_version"
pidfile="$target/wildfly.pid"
# psql and pgbench as the application's role on the benchmark database (not the postgres superuser).
as_app() { PGHOST=127.0.0.1 PGPORT=5432 PGUSER="$db_user" PGPASSWORD="$db_password" PGDATABASE="$db" "$@"; }

log() { echo "bench: $*"; }
fail() { echo "bench: $*" >&2; exit 1; }
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
as_postgres() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else sudo -u postgres "$@"; fi; }
alive() { [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null; }
port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
ping_code() { curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$base_url/0/ping" || true; }

if ! command -v wrk >/dev/null 2>&1; then   # the HTTP load generator of the read scenarios (Debian package)
  log "installing wrk"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q wrk >/dev/null 2>&1 \
    || { as_root apt-get update -q >/dev/null && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q wrk >/dev/null; }
fi
for tool in java mvn unzip curl psql pgbench awk sort wrk; do
  command -v "$tool" >/dev/null 2>&1 || fail "$tool is missing (see bench/README.md)"
done
mkdir -p "$target"

# --- 1. Build what is missing -------------------------------------------------------------------
# The EAR is rebuilt when it is missing or older than a source file or pom.xml of the project.
ear="$(ls "$root"/ear/target/*.ear 2>/dev/null | head -n 1 || true)"
stale=""
if [ -n "$ear" ]; then
  stale="$(find "$root" \( -name target -o -name node_modules -o -name .git -o -path "$bench" \) -prune -o \
    -type f \( -path '*/src/main/*' -o -name pom.xml \) -newer "$ear" -print 2>/dev/null | head -n 1)"
fi
libs_missing=false
for jar in eclipselink.jar postgresql.jar mssql-jdbc.jar ojdbc11.jar; do
  [ -f "$root/standalone-config/target/lib/$jar" ] || libs_missing=true
done
if [ -z "$ear" ] || [ -n "$stale" ] || $libs_missing; then
  log "building Atrium (mvn -B -q -DskipTests package)${stale:+; newer than the EAR: ${stale#"$root"/}}"
  (cd "$root" && mvn -B -q -DskipTests package)
  ear="$(ls "$root"/ear/target/*.ear 2>/dev/null | head -n 1 || true)"
  [ -n "$ear" ] || fail "the build produced no ear/target/*.ear"
fi
log "EAR: ${ear#"$root"/}"
if [ ! -x "$jboss_home/bin/standalone.sh" ]; then
  zip="$target/wildfly-dist-$wildfly_version.zip"
  if [ ! -f "$zip" ]; then
    log "downloading WildFly $wildfly_version"
    (cd "$root" && mvn -B -q -N dependency:copy -Dartifact="org.wildfly:wildfly-dist:$wildfly_version:zip" \
      -DoutputDirectory="$target")
  fi
  log "unpacking WildFly into ${jboss_home#"$root"/}"
  rm -rf "$jboss_home"
  unzip -q "$zip" -d "$target"
  [ -x "$jboss_home/bin/standalone.sh" ] || fail "$zip did not contain wildfly-$wildfly_version/"
fi

# --- 2. PostgreSQL and a fresh database ---------------------------------------------------------
port_free "$http_port" || fail "port $http_port is in use (a server kept with --keep? stop it: kill \$(cat $pidfile))"
if ! pg_isready -h 127.0.0.1 -p 5432 -q; then
  version="$(ls /etc/postgresql | sort -V | tail -n 1)"
  log "starting PostgreSQL $version"
  as_root pg_ctlcluster --skip-systemctl-redirect "$version" main start
  for _ in $(seq 1 60); do pg_isready -h 127.0.0.1 -p 5432 -q && break; sleep 0.5; done
  pg_isready -h 127.0.0.1 -p 5432 -q || fail "PostgreSQL did not come up within 30 s"
fi
as_postgres psql -q -v ON_ERROR_STOP=1 -d postgres <<SQL
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$db_user') THEN
    CREATE ROLE $db_user LOGIN PASSWORD '$db_password';
  END IF;
END \$\$;
DROP DATABASE IF EXISTS $db WITH (FORCE);
CREATE DATABASE $db OWNER $db_user;
SQL
log "fresh database $db on 127.0.0.1:5432 (role $db_user)"

# --- 3. Configure and start WildFly -------------------------------------------------------------
# A new Supervisor password for every run (the database is new); only this script and Bench use it.
password_file="$target/supervisor-password"
(umask 077; head -c 24 /dev/urandom | base64 | tr '+/' 'Kq' | tr -d '=\n' > "$password_file"; echo >> "$password_file")
supervisor_password="$(head -n 1 "$password_file")"
(umask 077; cat > "$target/bench.properties" <<EOF
# Written by bench/run.sh for its own WildFly (bench/target); regenerated on every run.
server.config=standalone.xml
db.driver=postgresql
db.url=jdbc:postgresql://127.0.0.1:5432/$db
db.user=$db_user
db.password=$db_password
db.pool.min=5
db.pool.max=40
atrium.mode=production
atrium.supervisor.password=$supervisor_password
EOF
)
# A clean server: no deployment, data or logs of an earlier run.
rm -rf "$jboss_home"/standalone/deployments/atrium*.ear* "$jboss_home"/standalone/{data,log,tmp}
"$root/standalone-config/bin/configure.sh" --jboss-home "$jboss_home" --properties "$target/bench.properties" \
  --deploy "$ear" | sed 's/^/configure: /'

launcher=""
stop_server() {
  # Still starting (no pid file yet): standalone.sh passes the signal on to the server.
  if ! alive && [ -n "$launcher" ] && kill -0 "$launcher" 2>/dev/null; then
    kill -TERM "$launcher" 2>/dev/null || true
    for _ in $(seq 1 100); do alive && break; kill -0 "$launcher" 2>/dev/null || return 0; sleep 0.1; done
  fi
  alive || return 0
  local pid; pid="$(cat "$pidfile")"
  log "stopping the server (pid $pid)"
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 600); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.1; done
  echo "bench: the server did not stop within 60 s; killing it" >&2
  kill -9 "$pid" 2>/dev/null || true
}
on_exit() {
  local rc=$?
  if $keep && alive; then
    log "server left running (--keep): $base_url/ (Supervisor, password in ${password_file#"$root"/})"
    log "stop it with: kill \$(cat ${pidfile#"$PWD"/})"
  else
    stop_server
  fi
  [ "$rc" -eq 0 ] || echo "bench: failed (exit $rc); server log: ${jboss_home#"$root"/}/standalone/log/server.log" >&2
}
trap on_exit EXIT
trap 'exit 130' INT TERM

rm -f "$pidfile"
log "starting WildFly (HTTP $base_url)"
JBOSS_PIDFILE="$pidfile" LAUNCH_JBOSS_IN_BACKGROUND=1 \
  JAVA_OPTS="-Xms256m -Xmx768m -XX:MetaspaceSize=96M -XX:MaxMetaspaceSize=512m -Djava.net.preferIPv4Stack=true -Djava.awt.headless=true" \
  nohup "$jboss_home/bin/standalone.sh" -c standalone.xml -Djboss.socket.binding.port-offset="$port_offset" \
    -Djboss.bind.address=127.0.0.1 -Djboss.bind.address.management=127.0.0.1 \
    > "$target/console.log" 2>&1 < /dev/null &
launcher=$!
started=$SECONDS
up=false
for _ in $(seq 1 480); do
  [ "$(ping_code)" = 200 ] && { up=true; break; }
  [ -f "$jboss_home/standalone/deployments/$(basename "$ear").failed" ] \
    && fail "deployment failed (see ${jboss_home#"$root"/}/standalone/log/server.log)"
  { [ -f "$pidfile" ] && ! alive; } || ! kill -0 "$launcher" 2>/dev/null \
    && fail "the server exited (see ${target#"$root"/}/console.log)"
  sleep 0.5
done
$up || fail "the server did not answer $base_url/0/ping within 240 s"
log "server up in $((SECONDS - started)) s"

# --- 4. Seed ------------------------------------------------------------------------------------
owner="$(as_app psql -qAtX -v ON_ERROR_STOP=1 -c "SELECT contactid FROM sysadminunit WHERE code = 'supervisor'")"
[[ "$owner" =~ ^[0-9a-f-]{36}$ ]] || fail "could not find the Supervisor's contact (got '$owner')"
log "seeding $accounts accounts and $contacts contacts (owner: the Supervisor's contact $owner)"
seed_started=$SECONDS
as_app psql -qX -v ON_ERROR_STOP=1 -c "CREATE TABLE bench_cities (n serial PRIMARY KEY, city varchar(250) NOT NULL, country varchar(250) NOT NULL)" \
  -c "\\copy bench_cities (city, country) FROM STDIN" < "$bench/data/cities.tsv"
as_app psql -qX -v ON_ERROR_STOP=1 -v accounts="$accounts" -v contacts="$contacts" -v owner="$owner" -f "$bench/sql/seed.sql" \
  | sed 's/^seed: //; s/^/bench: /'
cut -f1 "$bench/data/cities.tsv" > "$target/cities.txt"
log "seeded in $((SECONDS - seed_started)) s"

# --- 4b. Record rights: a user who sees a tenth of the contacts ---------------------------------
# For the pair odata-page (the Supervisor, who bypasses record rights) and odata-page-rights (an
# employee whose record rights reach 10,000 of the 100,000 contacts: every tenth is theirs as its
# owner). Contact's shipped rule (what All employees write, All employees see) is removed, and the
# server's background job gives the seeded contacts their rights, in SQL.
jar="$target/cookies.txt"
api() { # method path [json] as the Supervisor: prints the body; fails on an HTTP error
  local csrf; csrf="$(awk '$6 == "BPMCSRF" { print $7 }' "$jar")"
  curl -sS --fail-with-body -b "$jar" -H "BPMCSRF: $csrf" -H 'Content-Type: application/json' \
    -H 'Accept: application/json' -X "$1" "$base_url$2" ${3:+--data "$3"}
}
sign_in() { # user password cookie-jar
  curl -sS --fail-with-body -c "$3" -H 'Content-Type: application/json' \
    --data "{\"UserName\":\"$1\",\"UserPassword\":\"$2\"}" "$base_url/ServiceModel/AuthService.svc/Login" \
    | grep -q '"Code":0' || fail "$1 could not sign in"
}
(umask 077; : > "$jar")
sign_in Supervisor "$supervisor_password" "$jar"
rights_user=bench-rights
rights_password="$(head -c 18 /dev/urandom | base64 | tr '+/' 'Kq' | tr -d '=\n')Aa1!"
user_json="$(api POST /0/rest/users "{\"Name\":\"$rights_user\",\"Type\":\"Employee\",\"Password\":\"$rights_password\",\"RoleIds\":[\"a29a3ba5-4b0d-de11-9a51-005056c00008\"]}")" \
  || fail "could not create the user $rights_user: $user_json"
user_id="$(grep -oE '[{,]"Id":"[0-9a-f-]{36}"' <<< "$user_json" | grep -oE '[0-9a-f-]{36}')"
user_contact="$(grep -oE '"ContactId":"[0-9a-f-]{36}"' <<< "$user_json" | grep -oE '[0-9a-f-]{36}')"
[ -n "$user_id" ] && [ -n "$user_contact" ] || fail "unexpected answer creating $rights_user: $user_json"
api PUT "/0/rest/operations/CanUseODataService/grantees/$user_id" '{"CanExecute":true}' > /dev/null
as_app psql -qX -v ON_ERROR_STOP=1 -c "UPDATE contact SET ownerid = '$user_contact' FROM bench_ids b
  WHERE contact.id = b.id AND b.n % 10 = 0"
rights_started=$SECONDS
api PUT /0/rest/objects/Contact/default-record-rights '{"Entries":[]}' > /dev/null
state=""
for _ in $(seq 1 600); do
  state="$(api GET /0/rest/objects/Contact/default-record-rights | grep -oE '"RightsState":"[A-Za-z]+"' || true)"
  [ "$state" = '"RightsState":"Current"' ] && break
  sleep 1
done
[ "$state" = '"RightsState":"Current"' ] || fail "Contact's record rights were not brought up to date within 600 s ($state)"
rights_rows="$(as_app psql -qAtX -v ON_ERROR_STOP=1 -c "SELECT count(*) FROM syscontactright")"
as_app psql -qX -v ON_ERROR_STOP=1 -c "ANALYZE syscontactright"
log "record rights of the contacts brought up to date by the background job in about $((SECONDS - rights_started)) s ($rights_rows rows)"
user_jar="$target/cookies-rights.txt"
(umask 077; : > "$user_jar")
sign_in "$rights_user" "$rights_password" "$user_jar"
seen="$(curl -sS --fail-with-body -b "$user_jar" -H "BPMCSRF: $(awk '$6 == "BPMCSRF" { print $7 }' "$user_jar")" \
  "$base_url/0/odata/Contact/\$count")"
[ "$seen" = "$((contacts / 10))" ] || fail "$rights_user sees $seen contacts, not $((contacts / 10))"
log "$rights_user sees $seen of the $contacts contacts"

# --- 5./6. Measure ------------------------------------------------------------------------------
results="$target/results.tsv"   # scenario, side, requests, errors, req/s, p50 ms, p99 ms, client cores, server cores, generator
: > "$results"
server() { # [--prewarm S] [--as user password] scenarios...
  local extra=() user=Supervisor password="$supervisor_password"
  if [ "$1" = --prewarm ]; then extra=(--prewarm "$2"); shift 2; fi
  if [ "$1" = --as ]; then user="$2" password="$3"; shift 3; fi
  BENCH_PASSWORD="$password" java -Xmx512m "$bench/src/Bench.java" --base "$base_url" --user "$user" "${extra[@]}" \
    --duration "$duration" --warmup "$warmup" --concurrency "$concurrency" --cities "$target/cities.txt" \
    --out "$results" --server-pid "$(cat "$pidfile" 2>/dev/null || echo 0)" --scenarios "$(IFS=,; echo "$*")"
}
# wrk (bench/wrk/atrium.lua) sends the read scenarios: Bench.java writes their requests and its session
# (--dump), wrk picks from them at random. Two threads; the server's CPU from /proc, the client's
# from the shell's children times.
wrk_dir="$target/wrk"
rm -rf "$wrk_dir"
dump() { # dir [--as user password] scenarios...
  local dir="$1" user=Supervisor password="$supervisor_password"; shift
  if [ "$1" = --as ]; then user="$2" password="$3"; shift 3; fi
  BENCH_PASSWORD="$password" java -Xmx256m "$bench/src/Bench.java" --base "$base_url" --user "$user" \
    --cities "$target/cities.txt" --dump "$dir" --scenarios "$(IFS=,; echo "$*")" > /dev/null
}
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat" 2>/dev/null || echo 0; }   # utime + stime of a process
wrk_load() { # requests-file session-file|"" seconds result-file expect-file|"": runs wrk, prints the client's CPU seconds
  local threads=$(( concurrency < 2 ? concurrency : 2 ))
  ( ATRIUM_REQUESTS="$1" ATRIUM_SESSION="$2" ATRIUM_RESULT="$4" ATRIUM_EXPECT="$5" \
      wrk -t "$threads" -c "$concurrency" -d "${3}s" --timeout 30s -s "$bench/wrk/atrium.lua" "$base_url" > "$4.out" 2>&1 || true
    times > "$4.times" )   # a builtin, not forked: its second line is the CPU of this subshell's children (wrk)
  tail -n 1 "$4.times" | awk '{ split($1, u, /[ms]/); split($2, s, /[ms]/); printf "%.3f\n", u[1] * 60 + u[2] + s[1] * 60 + s[2] }'
}
wrk_scenario() { # name [session-dir] [--prewarm]: measures the scenario with wrk (after its warm-up)
  local name="$1" dir="${2:-$wrk_dir}" session="" expect="" pid hz=$(getconf CLK_TCK) t0 t1 c0 client line
  case "$name" in ping|sign-in) ;; *) session="$dir/session" ;; esac   # these two without a session
  [ -f "$dir/$name.expect" ] && expect="$dir/$name.expect"
  pid="$(cat "$pidfile")"
  if [ "$warmup" -gt 0 ]; then wrk_load "$dir/$name.requests" "$session" "$warmup" "$dir/$name.warmup" "$expect" > /dev/null; fi
  [ "${3:-}" = --prewarm ] && return 0
  c0="$(cpu_ticks "$pid")"; t0="$(date +%s.%N)"
  client="$(wrk_load "$dir/$name.requests" "$session" "$duration" "$dir/$name.result" "$expect")"
  t1="$(date +%s.%N)"
  line="$(cat "$dir/$name.result" 2>/dev/null || true)"
  if [ -z "$line" ]; then
    echo "bench: wrk $name failed; its output ($dir/$name.result.out):" >&2; tail -n 5 "$dir/$name.result.out" | sed 's/^/  /' >&2
    printf '%s\tserver\t0\t1\t-\t-\t-\t-\t-\twrk\n' "$name" >> "$results"; return 0
  fi
  awk -F'\t' -v name="$name" -v c0="$c0" -v c1="$(cpu_ticks "$pid")" -v hz="$hz" -v t0="$t0" -v t1="$t1" -v client="$client" '
    { elapsed = t1 - t0; rps = $1 / $3
      printf "%s\tserver\t%d\t%d\t%.1f\t%.3f\t%.3f\t%.2f\t%.2f\twrk\n", name, $1, $2, rps, $4, $5, client / elapsed, (c1 - c0) / hz / elapsed }
  ' <<< "$line" >> "$results"
  awk -F'\t' -v name="$name" '$1 == name && $2 == "server" { printf "%-17s wrk      %8d requests %6d errors %10.1f req/s  p50 %8.3f ms  p99 %8.3f ms  (CPU: client %s, server %s cores)\n", $1, $3, $4, $5, $6, $7, $8, $9 }' "$results" | tail -n 1
}
pgb_dir="$target/pgbench"
rm -rf "$pgb_dir"; mkdir -p "$pgb_dir"
# The pgbench scripts: bench/pgbench/*.sql with the column lists of the schema as it is now (the
# server's statements name every column of its entity types, which follow the schema).
shopt -u patsub_replacement 2>/dev/null || true
columns() { # table: its non-binary columns in table order
  as_app psql -qAtX -v ON_ERROR_STOP=1 -c "SELECT string_agg(column_name, ', ' ORDER BY ordinal_position)
    FROM information_schema.columns WHERE table_schema = 'public' AND table_name = '$1' AND data_type <> 'bytea'"
}
contact_columns="$(columns contact)" account_columns="$(columns account)"
# What the server's insert binds: its own id and timestamps, the Supervisor's contact as creator,
# Name, AccountId and Email from the request, NULL for everything else.
insert_values="$(as_app psql -qAtX -v ON_ERROR_STOP=1 -c "SELECT string_agg(CASE column_name
      WHEN 'id' THEN 'gen_random_uuid()'
      WHEN 'createdon' THEN '(now() AT TIME ZONE ''UTC'')' WHEN 'modifiedon' THEN '(now() AT TIME ZONE ''UTC'')'
      WHEN 'createdbyid' THEN '''$owner''' WHEN 'modifiedbyid' THEN '''$owner'''
      WHEN 'name' THEN '''Bench pgbench '' || :n'
      WHEN 'accountid' THEN '(SELECT id FROM bench_account_ids WHERE n = :a)'
      WHEN 'email' THEN '''p'' || :n || ''@bench.example'''
      ELSE 'NULL' END, ', ' ORDER BY ordinal_position)
    FROM information_schema.columns WHERE table_schema = 'public' AND table_name = 'contact' AND data_type <> 'bytea'")"
n_cities="$(wc -l < "$bench/data/cities.tsv")"
for f in get page ds-select insert; do
  t="$(cat "$bench/pgbench/$f.sql")"
  t="${t//@CONTACT_COLUMNS@/$contact_columns}"; t="${t//@ACCOUNT_COLUMNS@/$account_columns}"
  t="${t//@CONTACT_INSERT_COLUMNS@/$contact_columns}"; t="${t//@CONTACT_INSERT_VALUES@/$insert_values}"
  t="${t//@CONTACTS@/$contacts}"; t="${t//@ACCOUNTS@/$accounts}"; t="${t//@CITIES@/$n_cities}"
  printf '%s\n' "$t" > "$pgb_dir/$f.sql"
done
# batch100: the insert script's variables and transaction body 100 times (variables a1..a100,
# n1..n100) in one transaction.
{
  echo "-- Generated by bench/run.sh from bench/pgbench/insert.sql: 100 inserts in one transaction."
  for i in $(seq 1 100); do sed -nE 's/^\\set ([a-z]+) /\\set \1'"$i"' /p' "$pgb_dir/insert.sql"; done
  echo "BEGIN;"
  for i in $(seq 1 100); do
    sed -n '/^BEGIN;$/,/^COMMIT;$/p' "$pgb_dir/insert.sql" | sed '1d;$d' | sed -E "s/:([a-z]+)\\b/:\\1$i/g"
  done
  echo "COMMIT;"
} > "$pgb_dir/batch100.sql"
pgb() { # scenario, script: a failure of pgbench is reported and recorded, the run goes on
  local name="$1" script="$2" jobs=$(( concurrency < 2 ? concurrency : 2 )) rc=0
  if [ "$warmup" -gt 0 ]; then
    as_app pgbench -n -M prepared -c "$concurrency" -j "$jobs" -T "$warmup" -f "$script" > "$pgb_dir/$name.warmup.out" 2>&1 \
      || { echo "bench: pgbench $name (warm-up) failed:" >&2; tail -n 5 "$pgb_dir/$name.warmup.out" >&2; }
  fi
  ( cd "$pgb_dir" && as_app pgbench -n -M prepared -c "$concurrency" -j "$jobs" -T "$duration" -f "$script" \
      --log --log-prefix="$name" > "$name.out" 2>&1 ) || rc=$?
  local tps count failed
  tps="$(sed -nE 's/^tps = ([0-9.]+) \(without initial connection time\)/\1/p' "$pgb_dir/$name.out")"
  failed="$(sed -nE 's/^number of failed transactions: ([0-9]+).*/\1/p' "$pgb_dir/$name.out")"
  # pgbench's per-transaction log: client, transaction, latency in microseconds, script, epoch s, us.
  cat "$pgb_dir/$name".[0-9]* 2>/dev/null | awk '$3 ~ /^[0-9]+$/ { print $3 }' | sort -n > "$pgb_dir/$name.latencies"
  rm -f "$pgb_dir/$name".[0-9]*   # the per-transaction logs can be large; the sorted latencies stay
  count="$(wc -l < "$pgb_dir/$name.latencies")"
  if [ "$rc" -ne 0 ] || [ -z "$tps" ] || [ "$count" -eq 0 ]; then
    echo "bench: pgbench $name failed (exit $rc); the end of its output ($pgb_dir/$name.out):" >&2
    tail -n 8 "$pgb_dir/$name.out" | sed 's/^/  /' >&2
    printf '%s\tpgbench\t%d\t%d\t-\t-\t-\t-\t-\n' "$name" "$count" "$(( ${failed:-0} > 0 ? failed : 1 ))" >> "$results"
    return 0
  fi
  awk -v name="$name" -v tps="$tps" -v failed="${failed:-0}" -v n="$count" '
    function rank(p) { r = int(p * n); if (r < p * n) r++; if (r < 1) r = 1; return r }
    NR == rank(0.50) { p50 = $1 } NR == rank(0.99) { p99 = $1 }
    END { printf "%s\tpgbench\t%d\t%d\t%.1f\t%.3f\t%.3f\t-\t-\n", name, n, failed, tps, p50 / 1000, p99 / 1000 }
  ' "$pgb_dir/$name.latencies" >> "$results"
  awk -F'\t' -v name="$name" '$1 == name && $2 == "pgbench" { printf "%-11s pgbench  %8d requests %6d errors %10.1f req/s  p50 %8.3f ms  p99 %8.3f ms\n", $1, $3, $4, $5, $6, $7 }' "$results"
}

load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
log "measuring: ${duration} s per scenario after ${warmup} s of warm-up, $concurrency concurrent clients"
# Reads first (server, then the same SQL by pgbench), so that both see the seeded data only;
# then the writes, which add rows. Before the reads, each read scenario runs once unmeasured for
# the warm-up time as well: the server's JIT needs more than one scenario's warm-up.
# The reads by wrk: an unauthenticated ping (the floor), the no-op and the reads, each after its
# warm-up, after a pass over all of them for the JIT. The no-op also by the Java generator, once, to
# compare the two generators on the same scenario (its row: side "java").
dump "$wrk_dir" noop odata-get odata-page odata-expand odata-count ds-select sign-in odata-batch100
dump "$wrk_dir/rights" --as "$rights_user" "$rights_password" odata-page-rights
printf 'GET\t/0/ping\t\n' > "$wrk_dir/ping.requests"
reads=(ping noop odata-get odata-page odata-expand odata-count ds-select)
for s in "${reads[@]}"; do wrk_scenario "$s" "$wrk_dir" --prewarm; done
wrk_scenario odata-page-rights "$wrk_dir/rights" --prewarm
for s in "${reads[@]}"; do wrk_scenario "$s"; done
wrk_scenario odata-page-rights "$wrk_dir/rights"
# Password sign-ins as the Supervisor, each a new session (the hash as shipped); they add audit
# entries and sessions only, so they run with the reads.
wrk_scenario sign-in
BENCH_PASSWORD="$supervisor_password" java -Xmx512m "$bench/src/Bench.java" --base "$base_url" --side java \
  --duration "$duration" --warmup "$warmup" --concurrency "$concurrency" --out "$results" \
  --server-pid "$(cat "$pidfile" 2>/dev/null || echo 0)" --scenarios noop
pgb odata-get "$pgb_dir/get.sql"
pgb odata-page "$pgb_dir/page.sql"
pgb ds-select "$pgb_dir/ds-select.sql"
server insert batch100
wrk_scenario odata-batch100
pgb insert "$pgb_dir/insert.sql"
pgb batch100 "$pgb_dir/batch100.sql"

# --- 7. The table -------------------------------------------------------------------------------
revision="$(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)"
[ -z "$(git -C "$root" status --porcelain --untracked-files=no 2>/dev/null | grep -v ' bench/' || true)" ] \
  || revision="$revision with uncommitted changes"
awk -F'\t' -v d="$duration" -v w="$warmup" -v c="$concurrency" -v cpus="$(nproc)" -v rev="$revision" \
    -v load0="$load_before" -v load1="$(cut -d' ' -f1-3 /proc/loadavg)" -v when="$(date -u '+%Y-%m-%d %H:%M UTC')" '
  { key = $1 SUBSEP $2; seen[key] = 1; rps[key] = $5; p50[key] = $6; p99[key] = $7; err[key] = $4
    ccpu[key] = $8; scpu[key] = $9; gen[key] = $10
    if ($2 == "server" && !($1 in order)) { order[$1] = ++n; names[n] = $1 } }
  function ratio(a, b) { return (a == "-" || b == "-" || b + 0 <= 0) ? "-" : sprintf("%.3f", a / b) }
  function perreq(cores, r) { return (cores == "-" || cores == "" || r == "-" || r + 0 <= 0) ? "-" : sprintf("%.0f", cores * 1e6 / r) }
  END {
    base["odata-get"] = "pgbench get by key"; base["odata-page"] = "pgbench page by city"
    base["ds-select"] = "pgbench join by account"; base["insert"] = "pgbench check + insert"
    base["batch100"] = "pgbench 100 × (check + insert)"
    base["odata-page-rights"] = "odata-page of the Supervisor (bypasses record rights)"
    noop = ("noop" SUBSEP "server") in seen ? rps["noop" SUBSEP "server"] : "-"
    printf "Atrium benchmark, %s, revision %s: %d s per scenario after %d s of warm-up, %d concurrent clients,\n", when, rev, d, w, c
    printf "%d CPU cores shared by the server, PostgreSQL and the load generator (load average before %s, after %s).\n\n", cpus, load0, load1
    print "| scenario | load generator | server req/s | p50 ms | p99 ms | server CPU µs/req | client CPU µs/req | baseline | baseline req/s | p50 ms | p99 ms | server/baseline (req/s) | server/noop (req/s) | server errors |"
    print "|---|---|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|"
    for (i = 1; i <= n; i++) {
      s = names[i]; k = s SUBSEP "server"; b = s SUBSEP "pgbench"
      if (s == "odata-page-rights") b = "odata-page" SUBSEP "server"
      if (b in seen) { bl = base[s] " | " rps[b] " | " p50[b] " | " p99[b]; r = ratio(rps[k], rps[b]) }
      else { bl = (s == "noop" ? "(none: the no-op is the reference)" : s == "ping" ? "(none: the floor, no session)" : "-") " | - | - | -"; r = "-" }
      printf "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", s, gen[k], rps[k], p50[k], p99[k], perreq(scpu[k], rps[k]), perreq(ccpu[k], rps[k]), bl, r, ratio(rps[k], noop), err[k]
    }
    printf "\nCPU µs/req: CPU time per successful request, of WildFly and of the load generator (on %d cores shared with PostgreSQL).\n", cpus
    p = "ping" SUBSEP "server"
    if ((p in seen) && noop != "-" && rps[p] + 0 > 0) {
      printf "Floor: the authenticated no-op answers %s of the unauthenticated ping'"'"'s rate (target at least 0.85); the session and security cost is %s µs of server CPU per request (%s against %s).\n", ratio(noop, rps[p]), perreq(scpu["noop" SUBSEP "server"], noop) - perreq(scpu[p], rps[p]), perreq(scpu["noop" SUBSEP "server"], noop), perreq(scpu[p], rps[p])
    }
    g = "sign-in" SUBSEP "server"
    if ((g in seen) && scpu[g] + 0 > 0) {
      printf "Password sign-ins: %s per second, %.1f per second per server core busy (target at least 20), p99 %s ms.\n", rps[g], rps[g] / scpu[g], p99[g]
    }
    for (i = 1; i <= n; i++) if (names[i] ~ /batch100$/) {
      k = names[i] SUBSEP "server"
      if (rps[k] != "-") printf "%s: %.0f rows per second (100 inserts per request; target at least 5,000).\n", names[i], rps[k] * 100
    }
    j = "noop" SUBSEP "java"
    if (j in seen) {
      printf "Load generators on the same no-op: Java HttpClient %s req/s (p99 %s ms) using %s µs of client CPU per request, wrk %s req/s (p99 %s ms) using %s; wrk sends the reads.\n", rps[j], p99[j], perreq(ccpu[j], rps[j]), noop, p99["noop" SUBSEP "server"], perreq(ccpu["noop" SUBSEP "server"], noop)
    }
    for (i = 1; i <= n; i++) { b = names[i] SUBSEP "pgbench"; if ((b in seen) && err[b] > 0) printf "pgbench %s: %d failed transactions.\n", names[i], err[b] }
    u = "odata-page-rights" SUBSEP "server"; a = "odata-page" SUBSEP "server"
    if ((u in seen) && (a in seen) && rps[u] + 0 > 0) {
      printf "\nRecord rights: the filtered page of 50 for a user who sees a tenth of the contacts through record rights costs %.2f times the Supervisor'"'"'s (req/s; target at most 2), p50 %.2f times.\n", rps[a] / rps[u], (p50[a] + 0 > 0 ? p50[u] / p50[a] : 0)
    }
  }' "$results" > "$target/results.md"
echo
cat "$target/results.md"
echo
log "table written to ${target#"$root"/}/results.md (raw numbers: results.tsv, pgbench output: pgbench/)"
