#!/usr/bin/env bash
# Installs Vigil from this source tree onto this machine, air-gapped: nothing is fetched except what the build
# itself needs from the local Maven repository (build on a connected machine, or carry ~/.m2 on removable media).
#
#   sudo installer/install.sh                       # /opt/vigil, /etc/vigil, /var/lib/vigil, systemd unit, user vigil
#   installer/install.sh --prefix DIR --no-service  # a self-contained install under DIR (no root, no systemd)
#   ... --update-root 1.root.json                   # pin the vendor's initial update root (trust for signed bundles)
#
# It prints the first-start facts: where the API listens and where the CLI token is.
set -euo pipefail

src="$(cd "$(dirname "$0")/.." && pwd)"
prefix=/opt/vigil
config_dir=/etc/vigil
data_dir=/var/lib/vigil
service=yes
user=vigil

usage() { sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'; }
while [ $# -gt 0 ]; do
  case "$1" in
    --prefix) prefix="$2"; config_dir="$2/etc"; data_dir="$2/var"; shift 2 ;;
    --config-dir) config_dir="$2"; shift 2 ;;
    --data-dir) data_dir="$2"; shift 2 ;;
    --no-service) service=no; shift ;;
    --update-root) update_root="$2"; shift 2 ;;
    --user) user="$2"; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) echo "install.sh: unknown option '$1' (see --help)" >&2; exit 2 ;;
  esac
done

if [ "$service" = yes ] && [ "$(id -u)" -ne 0 ]; then
  echo "install.sh: installing the system service needs root; use sudo, or --prefix DIR --no-service" >&2
  exit 2
fi

"$src/installer/lib/build.sh" "$src"

if [ -n "${update_root:-}" ]; then
  [ -f "$update_root" ] || { echo "install.sh: update root $update_root does not exist" >&2; exit 2; }
  if [ -f "$data_dir/content/root.json" ] && ! cmp -s "$update_root" "$data_dir/content/root.json"; then
    echo "install.sh: $data_dir/content/root.json is already pinned and differs from $update_root; keys rotate through signed bundles, not by reinstalling" >&2
    exit 2
  fi
fi
echo "Installing into $prefix"
install -d "$prefix/lib/lib" "$prefix/appliance/bin" "$prefix/connectors" "$config_dir" "$data_dir"
cp "$src/target/vigil.jar" "$prefix/lib/vigil.jar"
rm -f "$prefix/lib/lib/"*.jar
cp "$src/target/lib/"*.jar "$prefix/lib/lib/"
cp "$src/appliance/bin/vigil" "$prefix/appliance/bin/vigil"
rm -rf "$prefix/connectors"; cp -r "$src/connectors" "$prefix/connectors"
rm -rf "$prefix/appliance/rules"; if [ -d "$src/appliance/rules" ]; then cp -r "$src/appliance/rules" "$prefix/appliance/rules"; fi
rm -rf "$prefix/appliance/models"; if [ -d "$src/appliance/models" ]; then cp -r "$src/appliance/models" "$prefix/appliance/models"; fi
cp -r "$src/docs" "$prefix/docs" 2>/dev/null || true
cp "$src/LICENSE" "$prefix/LICENSE"
if [ ! -f "$config_dir/vigil.yml" ]; then
  sed "s#data-dir: /var/lib/vigil#data-dir: $data_dir#" "$src/config/vigil.yml" > "$config_dir/vigil.yml"
else
  echo "Keeping the existing configuration $config_dir/vigil.yml"
fi
if [ -n "${update_root:-}" ]; then
  # Trust for update bundles is pinned here, at install, and never taken from a bundle (docs/updates.md).
  install -d "$data_dir/content"
  install -m 644 "$update_root" "$data_dir/content/root.json"
  echo "Pinned the update root $update_root as $data_dir/content/root.json"
fi
echo "$prefix" > "$prefix/.installed"

# The first console admin's one-time password: made here, printed once, and handed to the appliance's first start in
# a file only the service user can read; the appliance creates the user 'admin' with it and deletes the file.
first_admin_password=""
if [ ! -d "$data_dir/db" ] && [ ! -f "$data_dir/run/first-admin.password" ]; then
  install -d -m 700 "$data_dir/run"
  first_admin_password=$(head -c 4096 /dev/urandom | LC_ALL=C tr -dc 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789' | cut -c1-20)
  (umask 077; printf '%s\n' "$first_admin_password" > "$data_dir/run/first-admin.password")
fi

if [ "$service" = yes ]; then
  id "$user" >/dev/null 2>&1 || useradd --system --home-dir "$data_dir" --shell /usr/sbin/nologin "$user"
  chown -R "$user:$user" "$data_dir"
  chmod 700 "$data_dir"
  sed -e "s#/opt/vigil#$prefix#g" -e "s#/var/lib/vigil#$data_dir#g" -e "s#/etc/vigil#$config_dir#g" \
      -e "s#^User=vigil#User=$user#" -e "s#^Group=vigil#Group=$user#" \
      "$src/appliance/systemd/vigil.service" > /etc/systemd/system/vigil.service
  systemctl daemon-reload
  systemctl enable --now vigil.service
  echo "Vigil is installed and started as the systemd service 'vigil'."
  echo "  status:  sudo -u $user $prefix/appliance/bin/vigil status --data-dir $data_dir"
  echo "  HTTPS certificate fingerprint: sudo -u $user $prefix/appliance/bin/vigil tls fingerprint --data-dir $data_dir"
else
  echo "Vigil is installed. Start it with:"
  echo "  $prefix/appliance/bin/vigil serve --config $config_dir/vigil.yml --data-dir $data_dir"
fi
if [ -n "$first_admin_password" ]; then
  echo "Console: https://127.0.0.1:8080/ (see 'vigil tls fingerprint' for the certificate to expect)"
  echo "  first admin: user 'admin', one-time password $first_admin_password"
  echo "  (shown only now; you must change it at first sign-in)"
fi
