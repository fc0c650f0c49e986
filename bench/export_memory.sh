#!/usr/bin/env bash
# Memory of large exports: `pufa serve` on a ledger of N activities (bench/activity_dashboard.cpp
# fills it), a coordinator exports the whole city's ledger (one .xlsx of N rows) 20 times in a
# row, and the server's resident memory (VmRSS) is read before, after each export and at the end.
# The reference is the server's own RSS before the first export, in the same run.
# Usage: bench/export_memory.sh [ROWS] [EXPORTS]   (after make bench built build/release)
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${1:-48594}
exports=${2:-20}
bin=build/release/pufa
db=/tmp/pufa-bench-export.db
build/release/bench/activity_dashboard_bench "$rows" "$db" >/dev/null
port=$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
tmp=$(mktemp -d)
"$bin" serve --db "sqlite:$db" --listen "127.0.0.1:$port" --web "" --access-log false >"$tmp/log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true; wait $pid 2>/dev/null || true; rm -rf "$tmp"' EXIT
for _ in $(seq 1 50); do curl -sf "http://127.0.0.1:$port/api/v1/health" >/dev/null && break; sleep 0.1; done
curl -sf -c "$tmp/jar" -H 'Content-Type: application/json' \
  -d '{"username":"lanxi","password":"Pufa-Lanxi-2026"}' "http://127.0.0.1:$port/api/v1/auth/login" >/dev/null
cookie=$(awk '$6 == "pufa_session" {print "pufa_session=" $7}' "$tmp/jar")
rss() { awk '/^VmRSS/ {print int($2 / 1024)}' "/proc/$pid/status"; }
# One small request first, so that the reference includes the first request's allocations.
curl -sf -H "Cookie: $cookie" "http://127.0.0.1:$port/api/v1/activities?page_size=1" >/dev/null
start=$(rss)
peak=$start
total_rows=$(sqlite3 "$db" 'SELECT COUNT(*) FROM activities')
echo "ledger: $total_rows activities; RSS before the first export: ${start} MB"
for i in $(seq 1 "$exports"); do
  begin=$(date +%s.%N)
  size=$(curl -sf -H "Cookie: $cookie" -o "$tmp/export.xlsx" -w '%{size_download}' "http://127.0.0.1:$port/api/v1/activities/export")
  seconds=$(echo "$(date +%s.%N) - $begin" | bc)
  now=$(rss)
  [ "$now" -gt "$peak" ] && peak=$now
  printf 'export %2d: %s bytes in %.1f s, RSS %s MB\n' "$i" "$size" "$seconds" "$now"
done
sleep 1
end=$(rss)
echo "| rows per export | exports | RSS before | highest after an export | RSS at the end | growth |"
echo "|---|---|---|---|---|---|"
echo "| $total_rows | $exports | $start MB | $peak MB | $end MB | $((end - start)) MB |"
