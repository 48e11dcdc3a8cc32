# PEKEN Kasir — every set-up step lives here, so a fresh clone needs only `make run` / `make test`.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
PYTEST_ARGS ?=

.PHONY: run test lint typecheck pytest bench server screenshots translations pg-start pg-stop clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/python main.py --demo

test: $(STAMP) lint typecheck pytest

lint: $(STAMP)
	$(BIN)/ruff check .

typecheck: $(STAMP)
	$(BIN)/mypy

# The server's PostgreSQL tests use PEKEN_TEST_PG_URL; without it a throwaway cluster is
# started on loopback when PostgreSQL is installed (CI: .ci/run installs and starts it).
pytest: $(STAMP)
	PEKEN_TEST_PG_URL="$${PEKEN_TEST_PG_URL:-$$(bash .ci/pg.sh start 2>/dev/null || true)}" \
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -n 2 --dist loadgroup $(PYTEST_ARGS)

bench: $(STAMP)
	for b in checkout search scan startup products_table import_products receipt match sync reports server; do \
		test -f bench/$$b.py && QT_QPA_PLATFORM=offscreen $(BIN)/python -m bench.$$b || exit 1; \
	done

server: $(STAMP)
	$(BIN)/python -m server

screenshots: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m ui.screenshots docs/screenshots

# Extract the UI strings to resources/i18n/peken_en.ts (keeps translations) and compile the .qm.
translations: $(STAMP)
	$(BIN)/python -m ui.i18n_tools update
	$(BIN)/python -m ui.i18n_tools compile
	$(BIN)/python -m ui.i18n_tools missing

pg-start:
	bash .ci/pg.sh start

pg-stop:
	bash .ci/pg.sh stop

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache
