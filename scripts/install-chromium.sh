#!/usr/bin/env bash
# Install Debian's Chromium for the Playwright specs (e2e/), only when /usr/bin/chromium is missing.
# Playwright's own browser download is not used: the specs launch /usr/bin/chromium
# (e2e/playwright.config.ts; NETSTAGE_CHROMIUM overrides the path).
# Installs nothing else system-wide: just the `chromium` package and what apt pulls in for it.
set -euo pipefail
CHROMIUM="${NETSTAGE_CHROMIUM:-/usr/bin/chromium}"
if [ -x "$CHROMIUM" ]; then
  echo "chromium: $("$CHROMIUM" --version 2>/dev/null || echo "$CHROMIUM")"
  exit 0
fi
if [ "$CHROMIUM" != /usr/bin/chromium ]; then
  echo "install-chromium: NETSTAGE_CHROMIUM=$CHROMIUM does not exist" >&2
  exit 1
fi
if ! command -v apt-get >/dev/null; then
  echo "install-chromium: /usr/bin/chromium is missing and apt-get is not available; install Chromium by hand" >&2
  exit 1
fi
SUDO=
if [ "$(id -u)" != 0 ]; then SUDO=sudo; fi
export DEBIAN_FRONTEND=noninteractive
# Update the package lists first when there are none (fresh container) or the install fails on stale ones.
if [ -z "$(ls -A /var/lib/apt/lists 2>/dev/null | grep -v -e '^lock$' -e '^partial$' -e '^auxfiles$')" ]; then
  $SUDO apt-get update
fi
if ! $SUDO apt-get install -y --no-install-recommends chromium; then
  $SUDO apt-get update
  $SUDO apt-get install -y --no-install-recommends chromium
fi
echo "chromium: $(/usr/bin/chromium --version)"
