# prepcoach — the README's commands. `make run` and `make test` set up what they need.
SHELL := /bin/sh
PORT ?= 8000
HOST ?= 127.0.0.1
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python

.PHONY: run test lint bench load clean

# The venv is rebuilt when pyproject.toml changes; the stamps record which extras are in it.
$(VENV)/.created:
	@PYTHON=$$(scripts/find-python) || exit 1; \
	  echo "Creating $(VENV) with $$PYTHON"; \
	  "$$PYTHON" -m venv $(VENV) && $(PY) -m pip install -q --upgrade pip
	@touch $@

# pip compiles what it installs one file after another; compileall compiles it on every core
# (fresh environment, 2 cores, 2026-12-02: 53 s to install and 52 s to compile, where pip alone
# took 151 s). The compiling is kept: where PYTHONDONTWRITEBYTECODE is set (this machine sets
# it), a package left uncompiled is compiled again by every process that imports it (skipping
# the step made each CI run 6 minutes slower, 2026-12-01). Not fatal, but said: a package may
# ship a file that does not compile (Python 2 test data, say), which nothing imports.
COMPILE_VENV = $(PY) -m compileall -q -j 0 $(VENV)/lib >$(VENV)/compileall.log 2>&1 \
	|| echo "warning: some installed files did not compile ($(VENV)/compileall.log)" >&2

$(VENV)/.run-deps: pyproject.toml scripts/install-landmarks $(VENV)/.created
	$(PY) -m pip install -q --no-compile -e .
	scripts/install-landmarks $(PY)
	@$(COMPILE_VENV)
	@touch $@

$(VENV)/.dev-deps: pyproject.toml scripts/install-landmarks $(VENV)/.created
	$(PY) -m pip install -q --no-compile -e '.[dev]'
	scripts/install-landmarks $(PY)
	@$(COMPILE_VENV)
	@touch $@ $(VENV)/.run-deps

# Where PYTHONDONTWRITEBYTECODE is set (this machine sets it), Python keeps no bytecode of
# the project's own modules (pip compiles only what it installs, and src is installed editable),
# so every process (the server, each worker, each command a test starts) would compile them
# afresh: compileall writes it once, and again only for a changed file. Never fatal (a read-only
# checkout, or a syntax error that the server or pytest then reports in its own words).
BYTECODE = $(PY) -m compileall -q src >/dev/null 2>&1 || true

run: $(VENV)/.run-deps
	@$(BYTECODE)
	$(BIN)/prepcoach serve --host $(HOST) --port $(PORT)

# postgresql on either database: tests/ops/test_postgres_restart.py starts a cluster of its own.
test: $(VENV)/.dev-deps
	@scripts/system-deps chromium espeak-ng pango postgresql
	@$(BYTECODE)
	$(BIN)/pytest $(PYTEST_ARGS)

lint: $(VENV)/.dev-deps
	$(BIN)/ruff check src tests bench scripts
	$(BIN)/ruff format --check src tests bench scripts
	$(BIN)/mypy

$(VENV)/.bench-deps: pyproject.toml $(VENV)/.dev-deps
	$(PY) -m pip install -q --no-compile -e '.[dev,bench]'
	@$(COMPILE_VENV)
	@touch $@

bench: $(VENV)/.bench-deps
	@scripts/system-deps espeak-ng sox
	$(PY) bench/run.py $(BENCH)

# The cohort load test on loopback (bench/load/runner.py, about 5 minutes): PostgreSQL when
# DATABASE_URL is set, else SQLite in a temporary home.
load: $(VENV)/.bench-deps
	@scripts/system-deps espeak-ng
	$(PY) bench/load/runner.py

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
