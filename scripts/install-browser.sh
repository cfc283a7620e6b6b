#!/usr/bin/env bash
# Browser tests drive Debian's Chromium through Playwright (never a downloaded
# browser) and inject axe-core from the npm registry. Install what is missing.
set -euo pipefail
if ! command -v chromium >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
fi
if [ -f tests/browser/package.json ] && [ ! -f tests/browser/node_modules/axe-core/axe.min.js ] && command -v npm >/dev/null 2>&1; then
  (cd tests/browser && npm ci --silent --no-audit --no-fund)
fi
