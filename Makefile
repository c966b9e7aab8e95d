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
  test-sqlite-pinned-core test-sqlite-pinned-browser test-postgres-pinned bench clean client

run: setup  ## Set up, migrate, load the demo company (first time only) and start Huddle.
	$(BIN)/huddle migrate
	$(BIN)/huddle demo --if-empty
	$(BIN)/huddle serve

test: setup browser lint  ## Set up everything and run the whole suite.
	@# Both databases at once, one per core, each on a hard moment of its own (below), the
	@# browser and client tests (SQLite) on whichever core is free first; each run's output
	@# is shown whole when it ends.
	$(MAKE) --no-print-directory -j2 --output-sync=target \
	  test-sqlite-pinned-core test-postgres-pinned test-sqlite-pinned-browser

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

# Plain runs on the real clock, for a developer's machine.
test-sqlite: setup
	$(BIN)/pytest

# Browser and Python client tests run on SQLite only: they exercise the UI and the API's
# document against servers of their own, not the database. Fewer generated API examples
# on PostgreSQL: the contract is the app's, checked in depth on SQLite; this run is after
# PostgreSQL-only failures.
POSTGRES := HUDDLE_TEST_DATABASE_URL=$(PG_TEST_URL) HUDDLE_SCHEMATHESIS_EXAMPLES=10
test-postgres: setup
	$(POSTGRES) $(BIN)/pytest -m "not browser and not client and not sqlite_only"

# `make test` pins every test's clock to a hard moment, so a test that depends on today's
# date, weekday, hour or time zone fails on every run rather than on the first unlucky day,
# and CI's answer does not depend on the day it runs. One moment per database:
# - SQLite (with the browser tests): a Saturday night at a month's end, 2.5 hours before
#   New York leaves summer time, where the machine's local day and month (31 October) are
#   not UTC's (Sunday 1 November).
# - PostgreSQL: the other way round, New Year's night in Auckland (Friday 1 January 2027,
#   local) while UTC is still in the old year, quarter and month (Thursday 31 December),
#   both in ISO week 53 of 2026.
PINNED_SQLITE := HUDDLE_TEST_NOW=2026-10-31T23:30:00-04:00 TZ=America/New_York
PINNED_POSTGRES := HUDDLE_TEST_NOW=2027-01-01T00:20:00+13:00 TZ=Pacific/Auckland

test-sqlite-pinned: setup
	$(PINNED_SQLITE) $(BIN)/pytest -p no:cacheprovider

# The same run in two parts, so that `make test` keeps both cores busy to the end.
test-sqlite-pinned-core: setup
	$(PINNED_SQLITE) $(BIN)/pytest -p no:cacheprovider -m "not browser and not client"

test-sqlite-pinned-browser: setup
	$(PINNED_SQLITE) $(BIN)/pytest -p no:cacheprovider -m "browser or client"

test-postgres-pinned: setup
	$(PINNED_POSTGRES) $(POSTGRES) $(BIN)/pytest -p no:cacheprovider -m "not browser and not client and not sqlite_only"

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
