#!/usr/bin/env bash
# `make test`: starts PostgreSQL, OpenSearch and Elasticsearch 7 when they are not already
# running, then runs the whole suite against them. Extra arguments go to pytest (e.g.
# scripts/test.sh -k login).
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/system-packages.sh   # OCR, .doc readers, nginx, pg_dump: programs the tests run
eval "$(scripts/services.sh start all)"
# The site-search tests also run against Elasticsearch 7.10 (the `elasticsearch` extra).
eval "$(scripts/services.sh start elasticsearch)"
export DATABASE_URL SEARCH_URL ELASTICSEARCH_URL
# These services were started for the suite: their tests must run, never be skipped.
export INTRANET_TEST_REQUIRE="postgresql,search-engine,search-engine-es,nginx"

# Two worker processes (pytest-xdist): each gets its own test database (pytest-django adds the
# worker's name) and its own search index prefix (tests/search/conftest.py). Tests are handed
# out one by one in pytest-django's order, so that on each worker the tests that flush the
# database (transaction=True, live servers) come after all those that need its migrated data.
exec .venv/bin/pytest --numprocesses 2 --dist load "$@"
