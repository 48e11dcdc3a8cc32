#!/usr/bin/env bash
# Start or stop a throwaway PostgreSQL cluster on 127.0.0.1 for the server tests.
# Usage: bash .ci/pg.sh start|stop|url   (prints the URL to use as PEKEN_TEST_PG_URL)
# PostgreSQL refuses to run as root, so the cluster belongs to the 'postgres' user.
set -euo pipefail
PORT="${PEKEN_PG_PORT:-55439}"
BASE="${PEKEN_PG_DIR:-/tmp/peken-pg-$PORT}"
URL="postgresql+psycopg://postgres@127.0.0.1:$PORT/postgres"

find_bin() {
  local name="$1"
  if command -v "$name" >/dev/null 2>&1; then command -v "$name"; return; fi
  ls /usr/lib/postgresql/*/bin/"$name" 2>/dev/null | sort -V | tail -1
}

as_pg() {
  if [ "$(id -u)" = "0" ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

install_pg() {
  if [ -z "$(find_bin initdb)" ]; then
    [ "$(id -u)" = "0" ] || { echo "PostgreSQL is not installed (needs root to install)" >&2; exit 1; }
    echo "Installing PostgreSQL (apt-get)…" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq && apt-get install -y -qq postgresql >/dev/null
  fi
  if [ "$(id -u)" = "0" ] && ! id postgres >/dev/null 2>&1; then
    useradd --system --home-dir /var/lib/postgresql --shell /bin/bash postgres
  fi
}

start() {
  install_pg
  local initdb pg_ctl
  initdb="$(find_bin initdb)"; pg_ctl="$(find_bin pg_ctl)"
  if [ -f "$BASE/data/postmaster.pid" ] && as_pg "$pg_ctl" -D "$BASE/data" status >/dev/null 2>&1; then
    echo "$URL"; return
  fi
  rm -rf "$BASE"; mkdir -p "$BASE"
  [ "$(id -u)" = "0" ] && chown postgres "$BASE"
  as_pg "$initdb" -D "$BASE/data" -A trust -U postgres >/dev/null
  if ! as_pg "$pg_ctl" -D "$BASE/data" -l "$BASE/log" -w \
    -o "-p $PORT -c listen_addresses=127.0.0.1 -k $BASE -c fsync=off -c max_connections=200" \
    start >/dev/null; then
    echo "PostgreSQL did not start on 127.0.0.1:$PORT; the end of its log ($BASE/log):" >&2
    tail -n 15 "$BASE/log" >&2 2>/dev/null || true
    exit 1
  fi
  echo "$URL"
}

stop() {
  local pg_ctl; pg_ctl="$(find_bin pg_ctl)"
  [ -n "$pg_ctl" ] && [ -d "$BASE/data" ] && as_pg "$pg_ctl" -D "$BASE/data" -m fast stop >/dev/null 2>&1 || true
}

case "${1:-start}" in
  start) start ;;
  stop) stop ;;
  url) echo "$URL" ;;
  *) echo "usage: $0 start|stop|url" >&2; exit 2 ;;
esac
