#!/usr/bin/env bash
# Configures a WildFly 39 installation for Atrium, offline (the server must be stopped):
#   1. installs EclipseLink and the JDBC drivers (PostgreSQL, MS SQL Server, Oracle) as modules,
#   2. applies cli/atrium.cli with the given properties (datasource, security, Atrium settings),
#   3. with --farm-node, applies cli/farm-node.cli and the JGroups member list (property
#      jgroups.members, e.g. 10.0.0.11:7600,10.0.0.12:7600) to make it a node of a web farm
#      (the server configuration must be standalone-ha.xml; see docs/farm.md),
#   4. optionally copies the EAR into standalone/deployments.
# Idempotent: run it again after changing the properties. bin/restore.sh undoes steps 2 and 3.
#
# Usage: configure.sh --jboss-home DIR --properties FILE [--lib DIR] [--server-config FILE] [--farm-node] [--deploy EAR]
#   --lib defaults to standalone-config/target/lib (filled by "mvn package"); --server-config
#   defaults to the properties' server.config, else standalone.xml.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jboss_home="" properties="" lib="$here/target/lib" deploy="" farm_node=false server_config=
while [ $# -gt 0 ]; do
  case "$1" in
    --jboss-home) jboss_home="$2"; shift 2 ;;
    --properties) properties="$2"; shift 2 ;;
    --lib) lib="$2"; shift 2 ;;
    --server-config) server_config="$2"; shift 2 ;;
    --farm-node) farm_node=true; shift ;;
    --deploy) deploy="$2"; shift 2 ;;
    *) echo "configure.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
[ -n "$jboss_home" ] && [ -x "$jboss_home/bin/jboss-cli.sh" ] || { echo "configure.sh: --jboss-home must name a WildFly installation" >&2; exit 2; }
[ -f "$properties" ] || { echo "configure.sh: --properties must name a properties file" >&2; exit 2; }
for jar in eclipselink.jar postgresql.jar mssql-jdbc.jar ojdbc11.jar; do
  [ -f "$lib/$jar" ] || { echo "configure.sh: $lib/$jar is missing; run 'mvn package' first or pass --lib" >&2; exit 2; }
done
property() { # key: its value in the properties file (the last one wins), or nothing
  sed -n "s/^$1=//p" "$properties" | tail -n 1
}
[ -n "$server_config" ] || server_config="$(property server.config)"
server_config="${server_config:-standalone.xml}"
cli="$jboss_home/bin/jboss-cli.sh"
config_file="$jboss_home/standalone/configuration/$server_config"

# Modules: a module under modules/ wins over modules/system/layers/base. EclipseLink's module keeps
# WildFly's integration jar (jipijapa) beside the EclipseLink jar.
add_module() { # name, resources (colon-separated), dependencies
  local dir="$jboss_home/modules/${1//.//}/main"
  if [ -f "$dir/module.xml" ]; then
    echo "module $1: present"
  else
    "$cli" --command="module add --name=$1 --resources=$2 --dependencies=$3" >/dev/null
    echo "module $1: installed"
  fi
}
jipijapa="$(ls "$jboss_home"/modules/system/layers/base/org/eclipse/persistence/main/jipijapa-eclipselink-*.jar)"
add_module org.eclipse.persistence "$lib/eclipselink.jar:$jipijapa" \
  java.logging,java.management,java.naming,java.sql,java.xml,java.rmi,jakarta.annotation.api,jakarta.enterprise.api,jakarta.json.api,jakarta.persistence.api,jakarta.transaction.api,jakarta.validation.api,jakarta.xml.bind.api,org.antlr,org.jboss.as.jpa.spi,org.jboss.logging,org.jboss.vfs
add_module org.postgresql "$lib/postgresql.jar" java.logging,java.sql,java.naming,java.security.jgss,jakarta.transaction.api
add_module com.microsoft.sqlserver "$lib/mssql-jdbc.jar" java.logging,java.sql,java.naming,java.xml,java.security.jgss,jakarta.transaction.api
add_module com.oracle.ojdbc "$lib/ojdbc11.jar" java.logging,java.sql,java.naming,java.management,java.xml,jakarta.transaction.api

# Keep the untouched configuration once, for restore.sh.
[ -f "$config_file.before-atrium" ] || cp "$config_file" "$config_file.before-atrium"

"$cli" --file="$here/cli/atrium.cli" --properties="$properties" --resolve-parameter-values \
  -Dserver.config="$server_config" >/dev/null

# Every atrium.* key of the properties file becomes a system property (read by MicroProfile
# Config); an empty value removes it, so the setting falls back to its default or to the
# environment (ATRIUM_REDIS_URL, ...).
settings="$(mktemp)"
trap 'rm -f "$settings"' EXIT
echo "embed-server --server-config=$server_config --std-out=discard" > "$settings"
while IFS= read -r line; do
  case "$line" in atrium.*=*) ;; *) continue ;; esac
  key="${line%%=*}"; value="${line#*=}"
  printf 'if (outcome == success) of /system-property=%s:read-resource\n    /system-property=%s:remove\nend-if\n' "$key" "$key" >> "$settings"
  if [ -n "$value" ]; then
    printf '/system-property=%s:add(value="%s")\n' "$key" "${value//\"/\\\"}" >> "$settings"
  fi
done < "$properties"
echo "stop-embedded-server" >> "$settings"
"$cli" --file="$settings" >/dev/null
echo "server configuration $server_config: applied $(basename "$properties")"

if $farm_node; then
  members="$(property jgroups.members)"
  [ -n "$members" ] || { echo "configure.sh: --farm-node needs jgroups.members=host:port,... in the properties" >&2; exit 2; }
  "$cli" --file="$here/cli/farm-node.cli" -Dserver.config="$server_config" >/dev/null
  # TCPPING lists its members as outbound socket bindings; the previous list is replaced.
  jgroups="$(mktemp)"
  trap 'rm -f "$settings" "$jgroups"' EXIT
  {
    echo "embed-server --server-config=$server_config --std-out=discard"
    echo "if (outcome == success) of /subsystem=jgroups/stack=tcp/protocol=TCPPING:read-resource"
    echo "    /subsystem=jgroups/stack=tcp/protocol=TCPPING:remove"
    echo "end-if"
    for old in $(grep -o 'outbound-socket-binding name="atrium-jgroups-[0-9]*"' "$config_file" | grep -o 'atrium-jgroups-[0-9]*'); do
      echo "/socket-binding-group=standard-sockets/remote-destination-outbound-socket-binding=$old:remove"
    done
    n=0 names=""
    IFS=',' read -r -a list <<< "$members"
    for member in "${list[@]}"; do
      member="$(echo "$member" | tr -d '[:space:]')"
      host="${member%:*}" port="${member##*:}"
      [ -n "$host" ] && [ "$port" -gt 0 ] 2>/dev/null || { echo "configure.sh: bad jgroups member '$member' (host:port)" >&2; exit 2; }
      n=$((n + 1)); names="$names${names:+,}atrium-jgroups-$n"
      echo "/socket-binding-group=standard-sockets/remote-destination-outbound-socket-binding=atrium-jgroups-$n:add(host=\"$host\", port=$port)"
    done
    echo "/subsystem=jgroups/stack=tcp/protocol=TCPPING:add(add-index=0, socket-bindings=[$names])"
    echo "stop-embedded-server"
  } > "$jgroups"
  "$cli" --file="$jgroups" >/dev/null
  echo "server configuration $server_config: farm node, JGroups members $members"
fi

if [ -n "$deploy" ]; then
  cp "$deploy" "$jboss_home/standalone/deployments/"
  echo "deployed $(basename "$deploy")"
fi
