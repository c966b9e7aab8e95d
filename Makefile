# Two commands for a fresh machine:  `make run`  and  `make test`.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
PG_TEST_URL ?= postgresql+psycopg://postgres@127.0.0.1:5432/test
HUDDLE_DATA_DIR ?= var
export HUDDLE_DATA_DIR

.PHONY: run test setup browser lint check test-sqlite test-postgres test-sqlite-pinned \
  test-postgres-pinned bench clean client

run: setup  ## Set up, migrate, load the demo company (first time only) and start Huddle.
	$(BIN)/huddle migrate
	$(BIN)/huddle demo --if-empty
	$(BIN)/huddle serve

test: setup browser lint  ## Set up everything and run the whole suite.
	@# Both databases on the real clock, then both again on the pinned one: two runs at a
	@# time, one per core; each run's output is shown whole when it ends.
	$(MAKE) --no-print-directory -j2 --output-sync=target \
	  test-sqlite test-postgres test-sqlite-pinned test-postgres-pinned

setup: $(STAMP)

$(STAMP): pyproject.toml constraints.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[dev]'
	touch $@

# Debian's Chromium for the browser tests (Playwright cannot download its own browser here).
browser:
	@command -v chromium >/dev/null || { \
	  if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium >/dev/null; }

lint: setup
	$(BIN)/ruff check src tests bench tools
	$(BIN)/ruff format --check src tests bench tools
	$(BIN)/mypy
	$(BIN)/lint-imports

test-sqlite: setup
	$(BIN)/pytest

# The same suite on PostgreSQL (browser and Python client tests excluded: they exercise the UI
# and the API's document against servers of their own, not the database).
# Fewer generated API examples here: the contract is the app's, checked in depth on SQLite;
# this run is after PostgreSQL-only failures.
test-postgres: setup
	HUDDLE_TEST_DATABASE_URL=$(PG_TEST_URL) HUDDLE_SCHEMATHESIS_EXAMPLES=10 $(BIN)/pytest -m "not browser and not client"

# The same runs with every test's clock pinned to a hard moment, so a test that depends on
# today's date, weekday, hour or time zone fails here rather than on the first unlucky day:
# a Saturday night at a month's end, 2.5 hours before New York leaves summer time, where
# the machine's local day and month (31 October) are not UTC's (1 November).
PINNED := HUDDLE_TEST_NOW=2026-10-31T23:30:00-04:00 TZ=America/New_York

# The API contract's generated examples are a property of the app, not of the day: the
# pinned SQLite run takes as few as the PostgreSQL runs.
test-sqlite-pinned: setup
	$(PINNED) HUDDLE_SCHEMATHESIS_EXAMPLES=10 $(BIN)/pytest -p no:cacheprovider

test-postgres-pinned: setup
	$(PINNED) HUDDLE_TEST_DATABASE_URL=$(PG_TEST_URL) HUDDLE_SCHEMATHESIS_EXAMPLES=10 \
	  $(BIN)/pytest -p no:cacheprovider -m "not browser and not client"

# The official Python client (clients/python/huddle-client), generated from the OpenAPI
# document by openapi-python-client; run after any change to the API and commit the result
# (tests/client fails while the committed client differs from what the generator makes).
client: setup
	$(BIN)/python -m tools.python_client generate

bench: setup
	$(BIN)/python -m bench.import_contacts
	@# wrk (Debian's) drives /t/collect from a second process.
	@command -v wrk >/dev/null || { \
	  if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq wrk >/dev/null; }
	$(BIN)/python -m bench.ingest
	$(BIN)/python -m bench.sla

clean:
	rm -rf $(VENV) var .pytest_cache .mypy_cache .ruff_cache
