#!/usr/bin/env bash
# Installs what the browser-extension tests need, idempotently:
# Debian's Chromium (Playwright drives /usr/bin/chromium; it cannot download
# its own browser here), the extension's npm dev dependencies (jsdom), and
# Playwright for Python in the project's virtualenv when there is one.
set -euo pipefail
cd "$(dirname "$0")/.."
export DEBIAN_FRONTEND=noninteractive PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

if [ ! -x /usr/bin/chromium ] || ! command -v chromedriver >/dev/null; then
  # Another apt/dpkg run may hold the lock for a while (shared machines).
  apt-get -o DPkg::Lock::Timeout=300 update -qq
  apt-get -o DPkg::Lock::Timeout=300 install -y -qq --no-install-recommends chromium chromium-driver >/dev/null
fi
/usr/bin/chromium --version 2>/dev/null

(cd browser-extension && npm ci --no-audit --no-fund --loglevel=error)

VENV="${VENV:-.venv}"
if [ -x "$VENV/bin/pip" ]; then
  "$VENV/bin/pip" install -q "playwright==1.65.2"
fi
