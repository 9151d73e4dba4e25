#!/usr/bin/env bash
# `make test`: starts PostgreSQL and OpenSearch when they are not already running, then runs
# the whole suite against them. Extra arguments go to pytest (e.g. scripts/test.sh -k login).
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/system-packages.sh   # OCR and legacy .doc readers used by the extraction tests
eval "$(scripts/services.sh start all)"
export DATABASE_URL SEARCH_URL
# These services were started for the suite: their tests must run, never be skipped.
export INTRANET_TEST_REQUIRE="postgresql,search-engine"

exec .venv/bin/pytest "$@"
