# PEKEN Kasir — every set-up step lives here, so a fresh clone needs only `make run` / `make test`.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
PYTEST_ARGS ?=

.PHONY: run test test-tz lint typecheck pytest bench server screenshots translations dist pg-start pg-stop clean

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

# The server's PostgreSQL tests use PEKEN_TEST_PG_URL; without it .ci/pytest.sh starts a
# throwaway cluster on loopback (.ci/pg.sh) and, when that fails, prints why and a loud
# "PostgreSQL tests SKIPPED" banner (PEKEN_REQUIRE_PG=1 makes it a failure, as in .ci/run).
pytest: $(STAMP)
	PYTHON=$(BIN)/python PYTEST_ARGS="$(PYTEST_ARGS)" bash .ci/pytest.sh

# The suite with the process time zone far on each side of WIB: at any hour one of the two
# is on another date than the shop, so nothing may read the PC's own zone.
test-tz: $(STAMP)
	TZ=Pacific/Honolulu PYTHON=$(BIN)/python PYTEST_ARGS="$(PYTEST_ARGS)" bash .ci/pytest.sh
	TZ=Pacific/Kiritimati PYTHON=$(BIN)/python PYTEST_ARGS="$(PYTEST_ARGS)" bash .ci/pytest.sh

bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m bench.summary $(BENCH_ARGS)

server: $(STAMP)
	$(BIN)/python -m server

screenshots: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m ui.screenshots docs/screenshots

# Extract the UI strings to resources/i18n/peken_en.ts (keeps translations) and compile the .qm.
translations: $(STAMP)
	$(BIN)/python -m ui.i18n_tools update
	$(BIN)/python -m ui.i18n_tools compile
	$(BIN)/python -m ui.i18n_tools missing

# The self-contained app for this OS: dist/peken-kasir/ (+ a .tar.gz on Linux); see docs/install.md.
dist: $(STAMP)
	$(BIN)/python installer/build.py

pg-start:
	bash .ci/pg.sh start

pg-stop:
	bash .ci/pg.sh stop

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache build dist
