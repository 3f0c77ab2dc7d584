# Two commands on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
PORT ?= 8501
REPLICAS ?= 2
PROXY_PORT ?= 8080

.PHONY: run dev serve test test-all lint validate schema bench clean

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

$(VENV)/.runtime: requirements.txt | $(PY)
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.dev: requirements.txt requirements-dev.txt | $(PY)
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $@ $(VENV)/.runtime

## run: set up (if needed) and start the dashboard on the bundled cases (production settings of .streamlit/config.toml)
run: $(VENV)/.runtime
	$(PY) -m streamlit run app.py --server.port=$(PORT)

## dev: like run, but reloads when you save a source file and shows full error details (slower per visitor)
dev: $(VENV)/.runtime
	$(PY) -m streamlit run app.py --server.port=$(PORT) --server.fileWatcherType=auto --server.runOnSave=true \
		--runner.postScriptGC=true --client.showErrorDetails=full

## serve: REPLICAS copies of the app behind nginx on 127.0.0.1:$(PROXY_PORT) (needs Debian's nginx)
serve: $(VENV)/.runtime
	$(PY) deploy/serve.py --replicas $(REPLICAS) --port $(PROXY_PORT)

## test: set up (if needed), lint, and run every test except the real-browser ones (the fast loop, about a minute)
test: $(VENV)/.dev
	$(PY) -m ruff check .
	$(PY) -m pytest -m "not browser and not nginx and not slow" -n 2 --dist worksteal

## test-all: set up (if needed), lint (ruff and mypy), and run every test, the real-browser journeys included (what CI runs),
## on two processes: each starts its own app servers and Chromium
test-all: $(VENV)/.dev
	$(PY) -m ruff check .
	$(PY) -m mypy
	$(PY) -m pytest -n 2 --dist worksteal

## lint: check style with ruff and types with mypy (the catalogue package, the app and its pages; see pyproject.toml)
lint: $(VENV)/.dev
	$(PY) -m ruff check .
	$(PY) -m mypy

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
