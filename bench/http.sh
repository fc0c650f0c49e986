#!/usr/bin/env bash
# HTTP benchmark: wrk against `pufa serve` (GET /api/v1/health and one hashed SPA asset)
# and against nginx serving the same asset from the same folder, in the same run, so the
# ratio is what counts. Usage: bench/http.sh [DURATION_SECONDS]   (make bench)
set -euo pipefail
cd "$(dirname "$0")/.."
duration=${1:-10}
bin=build/release/pufa
web=$(pwd)/web/dist
[ -x "$bin" ] || { echo "build first: make release" >&2; exit 1; }
asset=$(cd "$web" && ls -S assets/*.js | head -n 1)
[ -n "$asset" ] || { echo "no built asset in $web (make web)" >&2; exit 1; }
tmp=$(mktemp -d)
free_port() { node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'; }
pufa_port=$(free_port); nginx_port=$(free_port)

"$bin" demo --db "sqlite:$tmp/bench.db" >/dev/null
"$bin" serve --db "sqlite:$tmp/bench.db" --listen "127.0.0.1:$pufa_port" --web "$web" \
  --access-log false >"$tmp/pufa.log" 2>&1 &
pufa_pid=$!

mkdir -p "$tmp/nginx"
cat >"$tmp/nginx.conf" <<CONF
worker_processes $(nproc);
pid $tmp/nginx.pid;
error_log $tmp/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on; tcp_nopush on; tcp_nodelay on;
  keepalive_requests 100000;
  client_body_temp_path $tmp/nginx; proxy_temp_path $tmp/nginx; fastcgi_temp_path $tmp/nginx;
  uwsgi_temp_path $tmp/nginx; scgi_temp_path $tmp/nginx;
  types { text/javascript js; }
  server {
    listen 127.0.0.1:$nginx_port;
    root $web;
    location /assets/ { add_header Cache-Control "public, max-age=31536000, immutable"; }
  }
}
CONF
nginx -c "$tmp/nginx.conf"
cleanup() {
  kill "$pufa_pid" 2>/dev/null || true; wait "$pufa_pid" 2>/dev/null || true
  [ -f "$tmp/nginx.pid" ] && kill "$(cat "$tmp/nginx.pid")" 2>/dev/null || true
  sleep 0.2; rm -rf "$tmp"
}
trap cleanup EXIT
sleep 0.5

run() {  # name url → requests/s
  local out
  out=$(wrk -t2 -c64 -d"${duration}s" --latency "$2")
  local rps p99
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  p99=$(awk '$1=="99%" {print $2}' <<<"$out")
  printf '| %s | %s | %s |\n' "$1" "$rps" "$p99" >&2
  echo "$rps"
}

echo "wrk -t2 -c64 -d${duration}s, $(nproc) cores; asset $asset ($(stat -c %s "$web/$asset") bytes)" >&2
echo "| target | requests/s | p99 latency |" >&2
echo "|---|---|---|" >&2
health=$(run "pufa GET /api/v1/health" "http://127.0.0.1:$pufa_port/api/v1/health")
pufa_asset=$(run "pufa GET /$asset" "http://127.0.0.1:$pufa_port/$asset")
nginx_asset=$(run "nginx GET /$asset" "http://127.0.0.1:$nginx_port/$asset")
ratio=$(awk -v a="$pufa_asset" -v b="$nginx_asset" 'BEGIN {printf "%.2f", a / b}')
echo "asset ratio pufa/nginx: ${ratio}x (target >= 0.8x)" >&2
echo "health: $health req/s" >&2
