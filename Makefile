# Two commands on a fresh machine: `make build` (the graph of seeds/ into exports/) and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: build test lint eval docs bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

build: $(STAMP)
	$(BIN)/newskg build seeds --out exports

# The tests, after the lint: ruff, and the layers of the imports (lint-imports; contracts in pyproject.toml).
test: lint
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check graph tests bench
	$(BIN)/lint-imports --no-cache

# The extraction's scores (newskg evaluate): the seeds against tests/gold/seeds; then, when ../shared is
# beside the checkout, its development set whole and in two halves: odd-numbered pages (the half to tune
# rules on) and even-numbered pages (the half to check them on). Under a minute on 2 cores.
SHARED ?= ../shared
DEV := $(SHARED)/dev/pages
DEV_EVAL = $(BIN)/newskg evaluate -q --gold $(SHARED)/gold/dev --manifest $(SHARED)/dev/dates.csv $(DEV)
eval: $(STAMP)
	@echo "== seeds: seeds/ against tests/gold/seeds"
	@$(BIN)/newskg evaluate -q --gold tests/gold/seeds seeds
	@if [ -d "$(DEV)" ] && [ -d "$(SHARED)/gold/dev" ]; then \
	  echo "== dev set: $(DEV) against $(SHARED)/gold/dev" && $(DEV_EVAL) && \
	  echo "== dev set, tune half: odd-numbered pages" && $(DEV_EVAL) --pages '*[13579].txt' && \
	  echo "== dev set, check half: even-numbered pages" && $(DEV_EVAL) --pages '*[02468].txt'; \
	else \
	  echo "== dev set: skipped ($(DEV) and $(SHARED)/gold/dev are not beside the checkout)"; \
	fi

# Each extraction rule's facts on the development set: those that match the gold and those that do not.
rules: $(STAMP)
	@if [ -d "$(DEV)" ] && [ -d "$(SHARED)/gold/dev" ]; then \
	  $(DEV_EVAL) --by-rule | sed -n '/^rule /,$$p'; \
	else \
	  echo "rules: skipped ($(DEV) and $(SHARED)/gold/dev are not beside the checkout)"; \
	fi

# docs/ontology.md from graph/data/ontology.ttl (tests/test_docs.py fails when they differ).
docs: $(STAMP)
	$(BIN)/python -m graph.export.ontology --markdown docs/ontology.md

# The benchmarks of the README (about 10 minutes on 2 cores); numbers in bench.json and bench-serve.json, tables on stdout.
# The second is the endpoint's load test: 2,000 queries from 16 clients on 127.0.0.1, against newskg serve and Oxigraph's server.
bench: $(STAMP)
	$(BIN)/newskg bench --size 20 --json bench.json
	$(BIN)/python bench/serve_load.py --queries 2000 --clients 16 --json bench-serve.json

clean:
	rm -rf $(VENV) .pytest_cache
