#!/usr/bin/env bash
# Install the PostgreSQL server binaries the API tests use (tests/api/conftest.py
# starts a throwaway cluster of its own with initdb/pg_ctl; nothing is started here).
# Idempotent: does nothing when initdb is already installed. Needs root (as in CI).
set -euo pipefail

if compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || command -v initdb >/dev/null 2>&1; then
  echo "install-postgres: PostgreSQL server binaries already installed"
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "install-postgres: not root, cannot apt-get install postgresql; the PostgreSQL tests will be skipped" >&2
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
# The Debian package creates the `postgres` user the tests run the cluster as (initdb refuses root).
apt-get install -y -qq --no-install-recommends postgresql >/dev/null
# Debian creates and starts a default cluster on port 5432; the tests do not use it.
if command -v pg_lsclusters >/dev/null 2>&1; then
  pg_lsclusters --no-header 2>/dev/null | while read -r version name _; do
    pg_ctlcluster "$version" "$name" stop 2>/dev/null || true
  done
fi
echo "install-postgres: installed $(ls /usr/lib/postgresql/)"
