#!/usr/bin/env bash
# Upgrades an installed Vigil to this source tree's version, keeping configuration and data.
# The data directory is backed up first (without the event indexes, which are rebuilt from nothing and can be large,
# unless --full-backup), and the service is restarted. Schema migrations run at start.
#
#   sudo installer/upgrade.sh [--prefix /opt/vigil] [--data-dir /var/lib/vigil] [--full-backup] [--no-service]
set -euo pipefail
src="$(cd "$(dirname "$0")/.." && pwd)"
prefix=/opt/vigil; data_dir=/var/lib/vigil; service=yes; full=no; config_dir=/etc/vigil
while [ $# -gt 0 ]; do
  case "$1" in
    --prefix) prefix="$2"; config_dir="$2/etc"; data_dir="$2/var"; shift 2 ;;
    --data-dir) data_dir="$2"; shift 2 ;;
    --full-backup) full=yes; shift ;;
    --no-service) service=no; shift ;;
    -h|--help) sed -n '2,6p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "upgrade.sh: unknown option '$1'" >&2; exit 2 ;;
  esac
done
[ -f "$prefix/.installed" ] || { echo "upgrade.sh: no Vigil installation at $prefix (see installer/install.sh)" >&2; exit 2; }
"$src/installer/lib/build.sh" "$src"
[ "$service" = yes ] && systemctl stop vigil.service
backup="$data_dir.backup-$(date -u +%Y%m%dT%H%M%SZ).tar.gz"
if [ "$full" = yes ]; then tar -C "$data_dir" -czf "$backup" .; else tar -C "$data_dir" --exclude=./events -czf "$backup" .; fi
echo "Backed up $data_dir to $backup"
args=(--prefix "$prefix" --data-dir "$data_dir" --config-dir "$config_dir" --no-service)
"$src/installer/install.sh" "${args[@]}"
[ "$service" = yes ] && systemctl start vigil.service
echo "Upgraded Vigil at $prefix."
