# Two commands on a fresh machine: `make build` (the graph of seeds/ into exports/) and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: build test bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

build: $(STAMP)
	$(BIN)/newskg build seeds --out exports

test: $(STAMP)
	$(BIN)/python -m pytest

# The benchmarks of the README (about 10 minutes on 2 cores); numbers in bench.json and bench-serve.json, tables on stdout.
# The second is the endpoint's load test: 2,000 queries from 16 clients on 127.0.0.1, against newskg serve and Oxigraph's server.
bench: $(STAMP)
	$(BIN)/newskg bench --size 20 --json bench.json
	$(BIN)/python bench/serve_load.py --queries 2000 --clients 16 --json bench-serve.json

clean:
	rm -rf $(VENV) .pytest_cache
