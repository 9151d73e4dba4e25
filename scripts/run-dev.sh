#!/usr/bin/env bash
# Serves the site on http://127.0.0.1:8000 with the task worker beside it (search indexing
# and every other background job). Ctrl-C stops both.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python

$PY manage.py db_worker --no-reload --interval 1 &
worker=$!
trap 'kill "$worker" 2>/dev/null || true' EXIT INT TERM

$PY manage.py runserver 127.0.0.1:8000
