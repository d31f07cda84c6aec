# Two commands on a fresh machine with Python 3.11+ and make:
#   make demo   install into .venv and run the main job on the example corpus
#   make test   install into .venv (with test tools), lint (ruff), type-check (mypy) and run the tests
#   make fuzz   run every fuzz target at volume (>= 200,000 inputs) and print inputs, crashes, slow inputs
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test fuzz bench reports clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/checker report claims/corpus --exit-zero

test: $(STAMP)
	$(BIN)/ruff check checker tests benchmarks
	$(BIN)/mypy checker
	$(BIN)/python -m pytest

fuzz: $(STAMP)
	$(BIN)/python tests/fuzz/run.py

bench: $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[test,bench]'
	$(BIN)/python benchmarks/run.py

reports: $(STAMP)
	$(BIN)/python -m checker report claims/corpus --format json --exit-zero --output reports/example.json
	$(BIN)/python -m checker report claims/corpus --exit-zero --output reports/example.txt
	$(BIN)/python -m checker sources claims/corpus --format csv --output reports/example-sources.csv
	$(BIN)/python -m checker report claims/corpus --format markdown --exit-zero --output reports/example.md
	$(BIN)/python -m checker report claims/corpus --format html --exit-zero --output reports/example.html
	$(BIN)/python -m checker.render.rule_docs docs/rules >/dev/null

clean:
	rm -rf $(VENV) .pytest_cache .hypothesis
