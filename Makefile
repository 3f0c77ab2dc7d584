# Two commands on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
PORT ?= 8501

.PHONY: run test lint validate schema bench clean

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

$(VENV)/.runtime: requirements.txt | $(PY)
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.dev: requirements.txt requirements-dev.txt | $(PY)
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $@ $(VENV)/.runtime

## run: set up (if needed) and start the dashboard on the bundled cases
run: $(VENV)/.runtime
	$(PY) -m streamlit run app.py --server.port=$(PORT)

## test: set up (if needed) and run every test, browser tests included
test: $(VENV)/.dev
	$(PY) -m ruff check .
	$(PY) -m pytest

## lint: check style with ruff and the domain package's types with mypy
lint: $(VENV)/.dev
	$(PY) -m ruff check .
	$(PY) -m mypy catalogue

## validate: check every case file
validate: $(VENV)/.runtime
	$(PY) -m catalogue validate

## schema: regenerate catalogue/case.schema.json from the models
schema: $(VENV)/.runtime
	$(PY) -m catalogue schema

## bench: run every benchmark and write benchmarks/RESULTS.md (slow; not part of the tests)
bench: $(VENV)/.dev
	$(PY) benchmarks/run_all.py

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache
