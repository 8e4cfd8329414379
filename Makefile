# Two commands do everything (see README.md):
#   make demo   set up if needed, then run the chapter pipeline on the demo project
#   make test   set up if needed, then run the whole test suite
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp

.PHONY: setup demo test quick lint bench clean-outputs

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@$(BIN)/python -m pip install --quiet --disable-pip-version-check --upgrade pip
	@$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	@touch $(STAMP)

setup: $(STAMP)

demo: $(STAMP)
	@$(BIN)/research validate
	@$(BIN)/research run
	@echo "Open $(CURDIR)/outputs/index.html in a browser."

test: $(STAMP)
	@$(BIN)/lint-imports --no-cache
	@$(BIN)/python -m pytest -q

quick: $(STAMP)
	@$(BIN)/python -m pytest -q -m "not slow"

lint: $(STAMP)
	@$(BIN)/lint-imports --no-cache
	@$(BIN)/ruff check src tests benchmarks
	@$(BIN)/ruff format --check src tests benchmarks

bench: $(STAMP)
	@for script in benchmarks/bench_*.py; do $(BIN)/python $$script || exit 1; done

clean-outputs:
	@find outputs -mindepth 1 ! -name README.md -exec rm -rf {} +
