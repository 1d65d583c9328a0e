# Set-up-and-go targets. Everything installs from this project's own files into .venv.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
DB ?= examples.db

.PHONY: demo test lint install clean bench

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $@

install: $(VENV)/.installed

## the main job on the shipped example articles, then a short summary and the JSON export
demo: install
	rm -f $(DB) $(DB)-wal $(DB)-shm
	$(BIN)/newsgraph run examples/articles --db $(DB)
	$(BIN)/newsgraph compare --conflicts --db $(DB)
	$(BIN)/newsgraph export --format json --db $(DB) -o out/examples.json
	$(BIN)/newsgraph report --db $(DB) -o out/report.html

## lint and the whole test suite
test: install
	$(BIN)/ruff check src tests benchmarks scripts
	$(BIN)/python -m pytest

bench: install
	$(BIN)/python benchmarks/throughput.py

clean:
	rm -rf $(VENV) out $(DB) $(DB)-wal $(DB)-shm .pytest_cache .ruff_cache
