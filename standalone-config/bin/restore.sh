#!/usr/bin/env bash
# Puts back the server configuration that configure.sh found on its first run.
# Usage: restore.sh --jboss-home DIR [--server-config standalone.xml|standalone-ha.xml]
set -euo pipefail
jboss_home="" server_config="standalone.xml"
while [ $# -gt 0 ]; do
  case "$1" in
    --jboss-home) jboss_home="$2"; shift 2 ;;
    --server-config) server_config="$2"; shift 2 ;;
    *) echo "restore.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
config_file="$jboss_home/standalone/configuration/$server_config"
[ -f "$config_file.before-atrium" ] || { echo "restore.sh: no saved configuration at $config_file.before-atrium" >&2; exit 2; }
cp "$config_file.before-atrium" "$config_file"
echo "restored $config_file"
