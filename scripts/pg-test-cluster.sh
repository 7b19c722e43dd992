#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the tests and benchmarks, on 127.0.0.1 and a free port.
#   scripts/pg-test-cluster.sh start   → prints the cluster's folder; its URL is in FOLDER/url
#   scripts/pg-test-cluster.sh stop FOLDER
# PostgreSQL refuses to run as root, so as root the cluster belongs to the `postgres` user that
# Debian's postgresql package creates. fsync is off: the data is thrown away at the end.
set -euo pipefail

find_bin() {
  if [ -n "${PG_BIN:-}" ]; then echo "$PG_BIN"; return; fi
  local d
  d=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
  if [ -n "$d" ] && [ -x "$d/initdb" ]; then echo "$d"; return; fi
  if command -v initdb >/dev/null 2>&1; then dirname "$(command -v initdb)"; return; fi
  echo "PostgreSQL's initdb was not found: install PostgreSQL (Debian: apt-get install -y postgresql) or set PG_BIN" >&2
  exit 3
}

as_owner() {
  # From a folder the owner can enter (the caller's may be closed to it, e.g. /root).
  if [ "$(id -u)" = 0 ]; then (cd /tmp && runuser -u postgres -- "$@"); else "$@"; fi
}

case "${1:-}" in
  start)
    bin=$(find_bin)
    dir=$(mktemp -d "${TMPDIR:-/tmp}/selfeval-pg.XXXXXX")
    if [ "$(id -u)" = 0 ]; then chown postgres "$dir"; fi
    port=$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
    if ! as_owner "$bin/initdb" -D "$dir/data" -A trust -U postgres -E UTF8 --no-locale >"$dir/initdb.log" 2>&1; then
      cat "$dir/initdb.log" >&2; exit 4
    fi
    if ! as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
      -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
      start >/dev/null; then
      cat "$dir/server.log" >&2; exit 5
    fi
    echo "postgres://postgres@127.0.0.1:$port/postgres" >"$dir/url"
    echo "$dir"
    ;;
  stop)
    dir=${2:?usage: pg-test-cluster.sh stop FOLDER}
    bin=$(find_bin)
    if [ -d "$dir/data" ]; then as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true; fi
    rm -rf "$dir"
    ;;
  *)
    echo "usage: $0 start | stop FOLDER" >&2
    exit 2
    ;;
esac
