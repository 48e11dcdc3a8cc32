#!/usr/bin/env bash
# Run the test suite (what `make pytest` does). Without PEKEN_TEST_PG_URL a throwaway
# PostgreSQL is started on loopback (.ci/pg.sh) for the server's production-path tests;
# when that fails the reason is printed and a loud "SKIPPED" banner is shown before and
# after the run. PEKEN_REQUIRE_PG=1 (set by .ci/run) turns those skips into a failure.
# Env: PEKEN_TEST_PG_URL, PEKEN_REQUIRE_PG, PYTEST_ARGS, PYTHON (default .venv/bin/python).
set -uo pipefail
cd "$(dirname "$0")/.."
PYTHON="${PYTHON:-.venv/bin/python}"
skip_reason=""

if [ -z "${PEKEN_TEST_PG_URL:-}" ]; then
  err_file="$(mktemp)"
  if url="$(bash .ci/pg.sh start 2>"$err_file")" && [ -n "$url" ]; then
    export PEKEN_TEST_PG_URL="$url"
    echo "PostgreSQL for tests: $url (stop it with: make pg-stop)"
  else
    skip_reason="$(cat "$err_file")"
    [ -n "$skip_reason" ] || skip_reason="bash .ci/pg.sh start printed no URL"
  fi
  rm -f "$err_file"
fi

banner() {
  echo
  echo "############################################################################"
  echo "# PostgreSQL tests SKIPPED because PostgreSQL could not be started:"
  printf '%s\n' "$skip_reason" | sed 's/^/#   /'
  echo "# The catalog server's PostgreSQL variants (about half of tests/server) did not run."
  echo "# Fix: install PostgreSQL (or run as root so .ci/pg.sh can), or set"
  echo "#      PEKEN_TEST_PG_URL=postgresql+psycopg://USER@HOST:PORT/postgres"
  echo "############################################################################"
  echo
}

if [ -n "$skip_reason" ]; then
  banner
  if [ "${PEKEN_REQUIRE_PG:-}" = "1" ]; then
    echo "PEKEN_REQUIRE_PG=1: refusing to run without PostgreSQL." >&2
    exit 1
  fi
fi

echo "Process time zone: ${TZ:-$(cat /etc/timezone 2>/dev/null || echo system default)}"
# shellcheck disable=SC2086  # PYTEST_ARGS is a list of words
QT_QPA_PLATFORM=offscreen "$PYTHON" -m pytest -n 2 --dist loadgroup ${PYTEST_ARGS:-}
rc=$?
[ -z "$skip_reason" ] || banner
exit "$rc"
