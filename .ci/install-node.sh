#!/usr/bin/env bash
# Install Node.js and npm for the extension's unit tests (`node --test`) when the machine
# has none. Idempotent: does nothing when `node` runs. Needs root (as in CI).
set -euo pipefail

if node --version >/dev/null 2>&1; then
  echo "install-node: node $(node --version)"
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "install-node: not root, cannot apt-get install Node.js; install Node 20+ to run the extension's unit tests" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends nodejs npm >/dev/null
echo "install-node: node $(node --version)"
