#!/usr/bin/env bash
# A throwaway PostgreSQL for the tests: `pg.sh start DIR` creates a cluster in DIR on a free
# port (as the postgres user when run as root: PostgreSQL refuses root) and writes its URL
# to DIR/url; `pg.sh stop DIR` stops it and removes DIR. The cluster is thrown away, so it
# runs without fsync (the PostgreSQL suite spent most of its time waiting on the disk), except
# `pg.sh start DIR durable`: the crash test (tests/api/durability.test.mjs) needs real commits.
set -euo pipefail
cmd=${1:?start|stop}
dir=${2:?directory}
durability="-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
[ "${3:-}" = durable ] && durability="-c fsync=on"
# Absolute: the server's socket and lock file live in DIR, and PostgreSQL resolves them from its
# data directory, so a relative DIR pointed somewhere else.
dir=$(realpath -m "$dir")
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
[ -x "$bin/initdb" ] || { echo "pg.sh: PostgreSQL server binaries not found (apt-get install postgresql)" >&2; exit 1; }

as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "$cmd" in
  start)
    rm -rf "$dir"; mkdir -p "$dir"
    [ "$(id -u)" = 0 ] && chown postgres:postgres "$dir"
    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])' 2>/dev/null \
      || node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
    as_owner "$bin/initdb" -D "$dir/data" -A trust -U pufa -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
      || { cat "$dir/initdb.log" >&2; exit 1; }
    as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
      -o "-p $port -k $dir -c listen_addresses=127.0.0.1 $durability -c max_connections=200" start >/dev/null
    echo "postgresql://pufa@127.0.0.1:$port/postgres" > "$dir/url.tmp"
    mv "$dir/url.tmp" "$dir/url"
    echo "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on port $port"
    ;;
  stop)
    if [ -d "$dir/data" ]; then as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true; fi
    rm -rf "$dir"
    ;;
  *) echo "usage: pg.sh start DIR [durable] | pg.sh stop DIR" >&2; exit 2 ;;
esac
