#!/usr/bin/env bash
# Install a Java runtime for the Spark local-mode tests (tests/gate, pyspark).
# Idempotent: does nothing when `java` runs. Needs root (as in CI).
set -euo pipefail

if java -version >/dev/null 2>&1; then
  echo "install-java: $(java -version 2>&1 | head -n 1)"
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "install-java: not root, cannot apt-get install a JRE; the Spark tests will be skipped" >&2
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends openjdk-17-jre-headless >/dev/null
echo "install-java: $(java -version 2>&1 | head -n 1)"
