# HĐND Số — two commands for a newcomer: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: demo test prod-check lint format messages clean

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "HĐND Số cần Python 3.11 trở lên.")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed-base: $(BIN)/python requirements/base.txt requirements/constraints.txt
	$(BIN)/pip install --quiet -r requirements/base.txt -c requirements/constraints.txt
	@touch $@

$(VENV)/.installed-test: $(VENV)/.installed-base requirements/test.txt node_modules/.installed
	$(BIN)/pip install --quiet -r requirements/test.txt -c requirements/constraints.txt
	@touch $@

# axe-core, which the browser tests load into each page to check it against WCAG 2.1 AA.
node_modules/.installed: package.json package-lock.json
	@command -v npm >/dev/null || { echo "Các phép thử trình duyệt cần npm (Node.js): cài gói nodejs và npm."; exit 1; }
	npm ci --no-audit --no-fund --silent
	@touch $@

## Set up and serve the demo (Na Rì district, 2024) on an embedded SQLite database.
demo: $(VENV)/.installed-base
	@mkdir -p var
	DJANGO_SETTINGS_MODULE=config.settings.dev $(MANAGE) migrate --noinput
	PORT=$(PORT) DJANGO_SETTINGS_MODULE=config.settings.dev $(MANAGE) load_demo
	@echo "Cổng thông tin: http://$(HOST):$(PORT)/   Trang quản trị: http://$(HOST):$(PORT)/quan-tri/"
	DJANGO_SETTINGS_MODULE=config.settings.dev $(MANAGE) runserver $(HOST):$(PORT)

## Run the whole suite (SQLite, or PostgreSQL when DATABASE_URL is set).
test: $(VENV)/.installed-test
	$(BIN)/python -m pytest

## Check a production configuration — the settings in ENV_FILE and every service they point at —
## and explain in Vietnamese each problem found (docs/operations.md).
ENV_FILE ?= /etc/hdnd/hdnd.env
prod-check: $(VENV)/.installed-base
	@if [ -f "$(ENV_FILE)" ]; then set -a; . "$(ENV_FILE)"; set +a; else echo "Không thấy $(ENV_FILE): kiểm tra với các biến môi trường hiện có."; fi; \
	DJANGO_SETTINGS_MODULE=config.settings.prod $(MANAGE) prod_check

lint: $(VENV)/.installed-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(VENV)/.installed-test
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

## Refresh the project's Vietnamese catalogue after changing source strings, then compile both.
messages: $(VENV)/.installed-test
	DJANGO_SETTINGS_MODULE=config.settings.dev $(MANAGE) makemessages -l vi --no-location --ignore='.venv/*' --ignore='var/*' --ignore='locale/*'
	$(BIN)/python -m hdnd.core.catalogues compile

clean:
	rm -rf $(VENV) var/static .pytest_cache
