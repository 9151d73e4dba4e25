# Two commands do everything on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
UV := $(VENV)/bin/uv
MANAGE := $(PY) manage.py
export UV_PROJECT_ENVIRONMENT := $(VENV)

.PHONY: help install run worker test test-fast lint format messages services-start services-stop services-status clean

help:
	@echo "make run      install, migrate, load the French demo content, serve on http://127.0.0.1:8000 with the task worker"
	@echo "make test     install, start PostgreSQL and OpenSearch if needed, run every test"
	@echo "make lint     ruff check + format check"
	@echo "make messages update and compile the French catalogue, write the English and German ones"

# The virtual environment, with uv to install the locked dependencies.
$(UV):
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --disable-pip-version-check uv==0.13.8

$(VENV)/.installed: $(UV) pyproject.toml uv.lock
	$(UV) sync --locked --inexact --all-extras --quiet
	@touch $@

# Browser libraries (Leaflet, for the maps) from the npm registry, as locked in
# package-lock.json; no package's install scripts run. Served from node_modules (STATICFILES_DIRS).
node_modules/.installed: package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund
	@touch $@

install: $(VENV)/.installed node_modules/.installed

run: install
	@scripts/system-packages.sh || echo "Warning: Debian packages missing (OCR, .doc reading): documents that need them will show an extraction error."
	$(MANAGE) migrate --noinput
	$(MANAGE) load_demo
	scripts/run-dev.sh

worker: install
	$(MANAGE) db_worker

test: install
	scripts/test.sh

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: install
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

messages: install
	$(MANAGE) makemessages -l fr -i ".venv/*" -i ".services/*" -i "static_collected/*" -i "tests/*" -i "node_modules/*" --no-location
	$(MANAGE) compilemessages -l fr -i .venv
	$(VENV)/bin/python scripts/interface_catalogues.py

services-start:
	scripts/services.sh start
services-stop:
	scripts/services.sh stop
services-status:
	scripts/services.sh status

clean:
	rm -rf $(VENV) node_modules static_collected .pytest_cache
