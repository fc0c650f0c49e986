#!/usr/bin/env bash
# run-e2e.sh PUFA_BIN WEB_DIST E2E_DIR: a demo server on a free port, then the browser tests.
set -euo pipefail
bin=$1; web=$2; dir=$3
[ -f "$web/index.html" ] || { echo "web app not built: $web (make web)" >&2; exit 1; }
tmp=$(mktemp -d)
"$bin" demo --db "sqlite:$tmp/e2e.db" >/dev/null
# The law library is not shipped: import the shared Markdown laws when they sit beside the checkout
# (or PUFA_LAWS_DIR), else the small library tests/fixtures/laws written for the tests.
laws=${PUFA_LAWS_DIR:-$(cd "$(dirname "$0")/../.." && pwd)/../shared/data/laws}
export PUFA_LAWS=shared
[ -d "$laws" ] || { laws=$(cd "$(dirname "$0")/.." && pwd)/fixtures/laws; PUFA_LAWS=fixture; }
"$bin" import laws "$laws" --db "sqlite:$tmp/e2e.db" >/dev/null
"$bin" serve --db "sqlite:$tmp/e2e.db" --listen 127.0.0.1:0 --web "$web" --sms-outbox "$tmp/sms-outbox.jsonl" --reminder-outbox "$tmp/reminders.jsonl" >"$tmp/server.log" 2>&1 &
pid=$!
cleanup() { kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; rm -rf "$tmp"; }
trap cleanup EXIT
for _ in $(seq 1 100); do
  url=$(grep -o 'http://[0-9.]*:[0-9]*' "$tmp/server.log" | head -n 1 || true)
  [ -n "$url" ] && break
  sleep 0.1
done
[ -n "$url" ] || { cat "$tmp/server.log" >&2; exit 1; }
export PUFA_URL=$url PUFA_COORD_USER=lanxi PUFA_COORD_PASS=Pufa-Lanxi-2026
# The quiz test reads the one-time codes from the SMS outbox (the log never holds one).
export PUFA_SERVER_LOG=$tmp/server.log PUFA_SMS_OUTBOX=$tmp/sms-outbox.jsonl
export PUFA_ADMIN_USER=admin PUFA_ADMIN_PASS=Pufa-Admin-2026
export PUFA_OPERATOR_USER=mawu PUFA_OPERATOR_PASS=Pufa-Mawu-2026
shopt -s nullglob
files=("$dir"/*.test.mjs)
[ ${#files[@]} -gt 0 ] || { echo "no tests in $dir" >&2; exit 1; }
node --test --test-reporter=spec "${files[@]}"
