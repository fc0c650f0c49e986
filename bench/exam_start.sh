#!/usr/bin/env bash
# Start burst (issue #5): COUNT examinees start the same random-rule exam within SECONDS against
# SQLite. Target: 0 errors, p99 start latency < 300 ms (2-core machine).
# Usage: bench/exam_start.sh [COUNT=10000] [SECONDS=10]
#        PUFA_BIN=... picks the binary, PUFA_WORKERS=32 the handler threads (the server default), PERF=1 adds a perf profile.
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-10000}
seconds=${2:-10}
source bench/exam_lib.sh
exam_prepare "$count" "${PUFA_WORKERS:-32}"
cpu0=$(server_cpu)
if [ -n "${PERF:-}" ]; then perf record -g -o "$tmp/perf.data" -p "$server_pid" 2>/dev/null & perf_pid=$!; fi
node bench/exam_start.mjs "$url" "$exam_id" "$tmp/sessions.json" "$count" "$seconds" "$tmp/attempts.json"
cpu1=$(server_cpu)
echo "server CPU: $(echo "$cpu1 - $cpu0" | bc) s for $count starts ($(echo "scale=2; ($cpu1 - $cpu0) * 1000 / $count" | bc) ms each)"
if [ -n "${PERF:-}" ]; then
  kill -INT "$perf_pid"; wait "$perf_pid" || true
  perf report -i "$tmp/perf.data" --no-children -g none --sort dso,symbol --stdio 2>/dev/null | grep -v '^#' | grep '%' | cut -c1-150 | head -40
fi
rows=$(sqlite3 "$tmp/bench.db" "SELECT COUNT(*) FROM exam_attempts WHERE exam_id = $exam_id")
echo "attempt rows in the database: $rows"
