# One command sets up and runs the demo; one sets up and runs the tests.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-$(shell $(PYTHON) -c "import hashlib,sys;print(hashlib.sha256(open('pyproject.toml','rb').read()).hexdigest()[:10])")

.PHONY: demo test lint install embed clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[test]"
	touch $@

install: $(STAMP)

## make demo: create the environment and run tidings on the bundled demo corpus
demo: $(STAMP)
	$(VENV)/bin/tidings demo --db demo.duckdb
	$(VENV)/bin/tidings events --db demo.duckdb --limit 15

## make test: create the environment, lint, type-check and run every test
test: $(STAMP) lint
	$(PY) -m pytest -q

lint: $(STAMP)
	$(PY) -m ruff check src tests bench scripts
	$(PY) -m ruff format --check src tests bench scripts
	$(PY) -m mypy

## make embed: kept for old instructions; MiniLM (torch==2.13.0 CPU) is now a default dependency
embed: $(STAMP)

clean:
	rm -rf $(VENV) demo.duckdb demo.duckdb.wal .pytest_cache .mypy_cache .ruff_cache
