# Referral Analytics: every task is one command. `make run` and `make test` work on a fresh machine.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
DB ?= data/referrals.duckdb
PORT ?= 8501

.PHONY: run test lint format bench demo clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.runtime: requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.dev: requirements-dev.txt $(VENV)/.runtime
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $@

run: $(VENV)/.runtime  ## load the demo into an empty database, then serve the app
	$(BIN)/python -m referral_analytics demo --db $(DB) --if-empty
	REFERRAL_DB=$(DB) $(BIN)/streamlit run app.py --server.port $(PORT)

test: $(VENV)/.dev  ## the whole suite: unit, pages (AppTest) and browser (Playwright + Chromium)
	$(BIN)/python -m pytest

lint: $(VENV)/.dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(VENV)/.dev
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

bench: $(VENV)/.dev  ## benchmarks on a million contacts (not part of `make test`); BENCH_ARGS=--quick for the smoke
	$(BIN)/python -m bench $(BENCH_ARGS)

demo: $(VENV)/.runtime  ## replace the database's contents with the demo data
	$(BIN)/python -m referral_analytics demo --db $(DB) --replace

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache tests/artifacts
