#!/usr/bin/env bash
# Installs the browser the end-to-end tests drive: Debian's (or Ubuntu's) Chromium at /usr/bin/chromium.
# Does nothing when it is there already; uses sudo when not run as root. Other systems: install
# Chromium or Chrome yourself and set ARC_TTT_CHROMIUM to its binary.
set -euo pipefail

if [ -x "${ARC_TTT_CHROMIUM:-/usr/bin/chromium}" ]; then
  echo "Chromium is installed: ${ARC_TTT_CHROMIUM:-/usr/bin/chromium}"
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "no apt-get here: install Chromium or Chrome and set ARC_TTT_CHROMIUM to its binary" >&2
  exit 1
fi
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update
$SUDO apt-get install -y --no-install-recommends chromium
