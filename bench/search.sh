#!/usr/bin/env bash
# Search end to end over HTTP: `pufa serve` on the shared laws (8,007 articles) and on the same
# corpus grown 100× (bench/search_bench.cpp grow), wrk at 16 connections cycling through the
# queries of tests/search/queries.tsv; then, on the same databases, the baselines (FTS5 trigram;
# pg_trgm on PostgreSQL) with 16 threads in-process (bench/search_bench.cpp baseline).
#
# Usage: bench/search.sh [BUILD_DIR] [DURATION_SECONDS] [FACTOR]
#   PUFA_LAWS_DIR     the law texts (default ../shared/data/laws)
#   PUFA_BENCH_PG_URL a PostgreSQL server URL (tests/support/pg.sh start DIR durable; cat DIR/url) to
#                     run the PostgreSQL half too
#   PUFA_BENCH_DIR    keep the databases there (default: a temp dir, removed at the end)
#   PUFA_BENCH_SQLITE=0 skip the SQLite half
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build/release}
duration=${2:-10}
factor=${3:-100}
bin=$build/pufa
tool=$build/bench/search_bench
laws=${PUFA_LAWS_DIR:-../shared/data/laws}
[ -x "$bin" ] && [ -x "$tool" ] || { echo "build pufa and search_bench first (-DPUFA_BENCH=ON)" >&2; exit 1; }
[ -d "$laws" ] || { echo "no law texts at $laws" >&2; exit 1; }
if [ -n "${PUFA_BENCH_DIR:-}" ]; then tmp=$PUFA_BENCH_DIR; mkdir -p "$tmp"; keep=1; else tmp=$(mktemp -d); keep=0; fi
pid=
cleanup() {
  [ -n "$pid" ] && { kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; }
  [ "$keep" = 1 ] || rm -rf "$tmp"
}
trap cleanup EXIT

# The query list as a wrk script: each connection walks the list from its own offset.
node -e '
const fs = require("fs")
const queries = fs.readFileSync("tests/search/queries.tsv", "utf8").split("\n")
  .filter((l) => l.trim() && !l.startsWith("#")).map((l) => encodeURIComponent(l.split("\t")[0]))
process.stdout.write(`local queries = {${queries.map((q) => JSON.stringify(q)).join(",")}}
local i = 0
init = function(args) i = math.random(#queries) end
request = function()
  i = i % #queries + 1
  return wrk.format("GET", "/api/v1/search?q=" .. queries[i] .. "&size=10")
end
done = function(summary, latency, requests)
  io.write(string.format("p50 %.2f ms, p95 %.2f ms, p99 %.2f ms, %.0f requests/s, %d errors, %d non-2xx\\n",
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    summary.requests / (summary.duration / 1e6), summary.errors.connect + summary.errors.read + summary.errors.timeout,
    summary.errors.status))
end
`)' >"$tmp/queries.lua"

free_port() { node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'; }

http_run() {  # label db_url
  local port; port=$(free_port)
  "$bin" serve --db "$2" --listen "127.0.0.1:$port" --web "" --access-log false >"$tmp/serve.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$port/api/v1/health" >/dev/null && break; sleep 0.1; done
  # The first search loads the node's in-memory index; then one pass over the list (document
  # frequencies are counted once per index generation).
  local loaded; loaded=$(curl -sf -o /dev/null --max-time 900 -w '%{time_total}' "http://127.0.0.1:$port/api/v1/search?q=%E6%B3%95")
  echo "$1: first search (loads the index of this node) took ${loaded} s, server RSS $(( $(awk '/VmRSS/ {print $2}' /proc/$pid/status) / 1024 )) MiB"
  wrk -t1 -c1 -d2s -s "$tmp/queries.lua" "http://127.0.0.1:$port" >/dev/null
  echo "$1: pufa GET /api/v1/search, wrk -t2 -c16 -d${duration}s: $(wrk -t2 -c16 -d"${duration}s" -s "$tmp/queries.lua" "http://127.0.0.1:$port" | tail -n 1)"
  kill "$pid"; wait "$pid" 2>/dev/null || true; pid=
}

engines=()
[ "${PUFA_BENCH_SQLITE:-1}" = 0 ] || engines+=("sqlite:$tmp/search.db")
if [ -n "${PUFA_BENCH_PG_URL:-}" ]; then
  name=pufa_bench_search_$$
  psql "$PUFA_BENCH_PG_URL" -q -c "CREATE DATABASE $name" >/dev/null
  engines+=("$(node -e 'const u=new URL(process.argv[1]); u.pathname="/"+process.argv[2]; console.log(u.toString())' "$PUFA_BENCH_PG_URL" "$name")")
fi
echo "$(nproc) cores; $(grep -vc '^#' tests/search/queries.tsv) queries"
for db in "${engines[@]}"; do
  engine=${db%%:*}
  [ -f "$tmp/search.db" ] && [ "$engine" = sqlite ] || "$bin" import laws "$laws" --db "$db" | tail -n 1
  http_run "$engine 1×" "$db"
  "$tool" baseline "$db" tests/search/queries.tsv "$duration" | sed "s/^/$engine 1× baseline: /"
  "$tool" grow "$db" "$factor" | sed "s/^/$engine grow: /"
  http_run "$engine ${factor}×" "$db"
  "$tool" baseline "$db" tests/search/queries.tsv "$duration" | sed "s/^/$engine ${factor}× baseline: /"
done
