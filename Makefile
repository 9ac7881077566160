# Set-up and everyday tasks. `make run` and `make test` each create .venv when needed.
PYTHON ?= python3
VENV   ?= .venv
BIN     = $(VENV)/bin

.PHONY: setup run test lint bench clean

setup: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e ".[test,train,spacy,dask,parquet]"
	touch $@

run: setup
	$(BIN)/planparse parse examples/sample-plan.txt

test: setup
	$(BIN)/pytest

lint: setup
	$(BIN)/python -m ruff check planparse cli tests benchmarks scripts

bench: setup
	$(BIN)/python benchmarks/parse.py

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache
