#!/usr/bin/env bash
# Removes Vigil's program files and service. Data (events, audit trail, database) and configuration are kept
# unless --purge is given, because an auditor may still need the audit trail.
#
#   sudo installer/uninstall.sh [--prefix /opt/vigil] [--purge] [--no-service]
set -euo pipefail
prefix=/opt/vigil; data_dir=/var/lib/vigil; config_dir=/etc/vigil; purge=no; service=yes
while [ $# -gt 0 ]; do
  case "$1" in
    --prefix) prefix="$2"; config_dir="$2/etc"; data_dir="$2/var"; shift 2 ;;
    --data-dir) data_dir="$2"; shift 2 ;;
    --purge) purge=yes; shift ;;
    --no-service) service=no; shift ;;
    -h|--help) sed -n '2,6p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "uninstall.sh: unknown option '$1'" >&2; exit 2 ;;
  esac
done
[ -f "$prefix/.installed" ] || { echo "uninstall.sh: no Vigil installation at $prefix" >&2; exit 2; }
if [ "$service" = yes ]; then
  systemctl disable --now vigil.service 2>/dev/null || true
  rm -f /etc/systemd/system/vigil.service
  systemctl daemon-reload
fi
rm -rf "$prefix/lib" "$prefix/appliance" "$prefix/connectors" "$prefix/docs" "$prefix/LICENSE" "$prefix/.installed"
if [ "$purge" = yes ]; then
  rm -rf "$data_dir" "$config_dir"
  echo "Removed Vigil, its data and its configuration."
else
  echo "Removed Vigil's program files. Kept data in $data_dir and configuration in $config_dir (use --purge to remove)."
fi
