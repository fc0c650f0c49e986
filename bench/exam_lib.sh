# Shared by bench/exam_start.sh and bench/exam_autosave.sh (sourced): a demo database in a temp
# dir, COUNT examinees with sessions, `pufa serve` on a free port, a published random-rule exam.
# PUFA_BIN picks the binary (default build/release/pufa).
bin=${PUFA_BIN:-build/release/pufa}
[ -x "$bin" ] || { echo "build first: make release (or set PUFA_BIN)" >&2; exit 1; }
tmp=$(mktemp -d /tmp/pufa-exam-bench.XXXXXX)
db="sqlite:$tmp/bench.db"
port=$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
url="http://127.0.0.1:$port"
server_pid=
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null
  rm -rf "$tmp"
}
trap cleanup EXIT

# exam_prepare COUNT WORKERS: demo data, examinees, server, exam (id in $exam_id).
exam_prepare() {
  local count=$1 workers=${2:-32}
  "$bin" demo --db "$db" >/dev/null
  node bench/exam_setup.mjs users "$db" "$count" "$tmp/sessions.json"
  "$bin" serve --db "$db" --listen "127.0.0.1:$port" --web '' --access-log false \
    --workers "$workers" >"$tmp/server.log" 2>&1 &
  server_pid=$!
  for _ in $(seq 100); do curl -sf "$url/api/v1/health" >/dev/null && break; sleep 0.1; done
  exam_id=$(node bench/exam_setup.mjs exam "$url")
  echo "exam $exam_id; $count examinees; server pid $server_pid, $workers workers; load average $(cut -d' ' -f1-3 /proc/loadavg)" >&2
}

# CPU seconds (user + system) the server has used so far.
server_cpu() {
  awk -v hz="$(getconf CLK_TCK)" '{ printf "%.2f", ($14 + $15) / hz }' "/proc/$server_pid/stat"
}
