#!/usr/bin/env bash
# Autosave (issue #5): COUNT examinees each save PER answers (PUT /api/v1/attempts/{id}/answers/{qid})
# against SQLite with synchronous=FULL (the server's default). Target: >= 30,000 acknowledged saves/s,
# p99 < 50 ms. The attempts are started first (not measured); wrk drives the saves.
# Usage: bench/exam_autosave.sh [COUNT=5000] [PER=50] [CONNECTIONS=256] [THREADS=2]
#        PUFA_BIN=... picks the binary, PUFA_WORKERS=32 the handler threads (the server default), PERF=1 adds a perf profile.
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-5000}
per=${2:-50}
connections=${3:-256}
threads=${4:-2}
source bench/exam_lib.sh
exam_prepare "$count" "${PUFA_WORKERS:-32}"
node bench/exam_start.mjs "$url" "$exam_id" "$tmp/sessions.json" "$count" 5 "$tmp/attempts.json" >/dev/null
node -e '
  const attempts = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"))
  const lines = attempts.map((a) => [a.session.token, a.session.csrf, a.attempt_id,
    ...a.answers.map(([q, key]) => `${q}:${key}`)].join(" "))
  require("fs").writeFileSync(process.argv[2], lines.join("\n") + "\n")' "$tmp/attempts.json" "$tmp/attempts.txt"
echo "$(wc -l <"$tmp/attempts.txt") attempts started; saving $per answers each" >&2
cpu0=$(server_cpu)
if [ -n "${PERF:-}" ]; then perf record -g -o "$tmp/perf.data" -p "$server_pid" 2>/dev/null & perf_pid=$!; fi
# How many saves share an fsync: the server's fdatasync/fsync calls while the saves run.
perf stat -e syscalls:sys_enter_fdatasync,syscalls:sys_enter_fsync -p "$server_pid" -o "$tmp/syncs.txt" 2>/dev/null &
stat_pid=$!
wrk -t"$threads" -c"$connections" -d300s --latency -s bench/exam_autosave.lua "$url" -- \
  "$tmp/attempts.txt" "$threads" "$per" "$tmp/done-" >"$tmp/wrk.txt" 2>&1 &
wrk_pid=$!
for _ in $(seq 3000); do
  [ "$(ls "$tmp" | grep -c '^done-')" -ge "$threads" ] && break
  kill -0 "$wrk_pid" 2>/dev/null || break
  sleep 0.1
done
kill -INT "$wrk_pid" 2>/dev/null || true
wait "$wrk_pid" || true
grep -E "saves:|Socket errors|Non-2xx|thread " "$tmp/wrk.txt"
kill -INT "$stat_pid" 2>/dev/null || true; wait "$stat_pid" 2>/dev/null || true
syncs=$(awk '/sys_enter_f/ { gsub(",", "", $1); n += $1 } END { print n + 0 }' "$tmp/syncs.txt")
echo "fsync calls during the saves: $syncs ($(echo "scale=1; $count * $per / ($syncs + 1)" | bc) saves per fsync)"
cpu1=$(server_cpu)
total=$((count * per))
echo "server CPU: $(echo "$cpu1 - $cpu0" | bc) s for $total saves ($(echo "scale=3; ($cpu1 - $cpu0) * 1000 / $total" | bc) ms each)"
if [ -n "${PERF:-}" ]; then
  kill -INT "$perf_pid"; wait "$perf_pid" || true
  perf report -i "$tmp/perf.data" --no-children -g none --sort dso,symbol --stdio 2>/dev/null | grep -v '^#' | grep '%' | cut -c1-150 | head -40
fi
# References in the same run and conditions: the lightest open route (one SELECT 1) and the
# lightest signed-in route (the guard's session lookup), one request per connection at a time.
token=$(head -n 1 "$tmp/attempts.txt" | cut -d' ' -f1)
reference() {
  wrk -t"$threads" -c"$connections" -d5s --latency "$@" | awk -v what="$1" '
    /Requests\/sec/ { rps = $2 } / 99%/ { p99 = $2 } END { printf "reference %s: %s requests/s, p99 %s\n", what, rps, p99 }'
}
reference "$url/api/v1/health"
reference "$url/api/v1/auth/me" -H "Cookie: pufa_session=$token"
kill "$server_pid"; wait "$server_pid" || true; server_pid=
sqlite3 "$tmp/bench.db" "SELECT COUNT(*), MIN(a.saved_at), MAX(a.saved_at) FROM exam_answers a
  JOIN exam_attempts t ON t.id = a.attempt_id WHERE t.exam_id = $exam_id" | {
  IFS='|' read -r stored first last
  span=$((last - first))
  echo "answers stored: $stored of $total; first to last save $span ms = $(echo "$stored * 1000 / ($span + 1)" | bc) acknowledged saves/s"
}
