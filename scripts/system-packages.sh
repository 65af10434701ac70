#!/usr/bin/env bash
# Installs the Debian packages Betrokken needs, only those missing. Usage: system-packages.sh run|test
set -euo pipefail
need=(gettext espeak-ng libpango-1.0-0 libpangoft2-1.0-0 fonts-noto-core)  # messages, read-aloud, PDF letters
if [ "${1:-run}" = "test" ]; then
  need+=(chromium postgresql poppler-utils)
fi
missing=()
for package in "${need[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "Missing Debian packages: ${missing[*]}. Install them as root: apt-get install ${missing[*]}" >&2
  exit 1
fi
echo "Installing Debian packages: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -q
apt-get install -y -q --no-install-recommends "${missing[@]}"
