#!/usr/bin/env bash
# Starts the local PostgreSQL cluster and makes sure the test role exists (it may create test databases).
set -euo pipefail
version=$(ls /etc/postgresql | sort -n | tail -n 1)
if ! pg_lsclusters -h | awk '{print $4}' | grep -q online; then
  pg_ctlcluster "$version" main start
fi
for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 && break; sleep 0.5; done
pg_isready -h 127.0.0.1
if ! su postgres -c "psql -tAc \"SELECT 1 FROM pg_roles WHERE rolname='betrokken'\"" | grep -q 1; then
  su postgres -c "psql -q -c \"CREATE ROLE betrokken LOGIN PASSWORD 'betrokken' CREATEDB\""
fi
