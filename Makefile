# Two entry points: `make demo` and `make test`. Each creates .venv itself.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: setup demo test lint bench soak clean

$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -c constraints.txt -e '.[dev]'
	touch $(STAMP)

setup: $(STAMP)

demo: $(STAMP)
	$(BIN)/python -m ui.demo

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/lint-imports

test: lint
	QT_QPA_PLATFORM=offscreen $(BIN)/pytest -n 2 --dist loadgroup -q

bench: $(STAMP)
	$(BIN)/python -m tests.benchmarks

# Long sync soak: SEEDS seeded fault simulations (default 2000) and a longer Hypothesis story run.
SEEDS ?= 2000
soak: $(STAMP)
	FIELDTECH_STORY_EXAMPLES=200 QT_QPA_PLATFORM=offscreen \
		$(BIN)/pytest -n 2 -q -p no:cacheprovider tests/sync/replication --seeds $(SEEDS)

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache
