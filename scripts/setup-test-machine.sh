#!/usr/bin/env bash
# Installs what the end-to-end tests need beyond npm: Debian's Chromium (Playwright drives it;
# its own browser download is not used). Does nothing when Chromium is already there.
set -euo pipefail
if [ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]; then
  exit 0
fi
if ! command -v apt-get >/dev/null; then
  echo "Chromium is missing and this is not a Debian-like system: install Chromium and set CHROMIUM_PATH." >&2
  exit 1
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
echo "Installing Chromium for the end-to-end tests (apt-get)"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
