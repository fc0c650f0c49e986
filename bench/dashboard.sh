#!/usr/bin/env bash
# The dashboard end to end over HTTP on a large ledger: `pufa serve` on the database that
# bench/activity_dashboard.cpp filled, a signed-in coordinator, wrk at 16 connections.
# Usage: bench/dashboard.sh DB_PATH [DURATION_SECONDS]   (make bench runs it)
set -euo pipefail
cd "$(dirname "$0")/.."
db=${1:?database filled by activity_dashboard_bench}
duration=${2:-10}
bin=build/release/pufa
port=$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
tmp=$(mktemp -d)
"$bin" serve --db "sqlite:$db" --listen "127.0.0.1:$port" --web "" --access-log false >"$tmp/log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true; wait $pid 2>/dev/null || true; rm -rf "$tmp"' EXIT
for _ in $(seq 1 50); do curl -sf "http://127.0.0.1:$port/api/v1/health" >/dev/null && break; sleep 0.1; done
curl -sf -c "$tmp/jar" -H 'Content-Type: application/json' \
  -d '{"username":"lanxi","password":"Pufa-Lanxi-2026"}' "http://127.0.0.1:$port/api/v1/auth/login" >/dev/null
cookie=$(awk '$6 == "pufa_session" {print "pufa_session=" $7}' "$tmp/jar")
rows=$(sqlite3 "$db" 'SELECT COUNT(*) FROM activities' 2>/dev/null || echo "?")
for connections in 1 16; do
  echo "GET /api/v1/dashboard/activities?year=2020 over $rows ledger rows; wrk -t1 -c$connections -d${duration}s"
  wrk -t1 -c"$connections" -d"${duration}s" --latency -H "Cookie: $cookie" \
    "http://127.0.0.1:$port/api/v1/dashboard/activities?year=2020" | grep -E 'Requests/sec|50%|90%|99%|Non-2xx'
done
