#!/usr/bin/env bash
# What `npm test` needs besides node_modules (its pretest step), so the README's test command works
# on a fresh Debian machine with only Node and npm:
#   - the CLI bundle (scripts/build-cli.mjs);
#   - Debian's Chromium for the e2e specs, installed with apt-get only when /usr/bin/chromium is
#     missing (scripts/install-chromium.sh);
#   - Debian's ifupdown2 unpacked into .tools/ifupdown2 (`apt-get download` + `dpkg -x`, never
#     installed; scripts/ifupdown2.sh). Without it test/ifupdown2 skips with a message, except
#     in CI (CI set), where its checks are required.
# Each step does nothing when its result is already there.
set -euo pipefail
cd "$(dirname "$0")/.."
node scripts/build-cli.mjs
bash scripts/install-chromium.sh
if ! bash scripts/ifupdown2.sh .tools/ifupdown2; then
  if [ -n "${CI:-}" ]; then
    echo "test-prereqs: ifupdown2 could not be unpacked, and CI needs its checks" >&2
    exit 1
  fi
  echo "test-prereqs: ifupdown2 could not be unpacked: the tests in test/ifupdown2 will skip" >&2
fi
