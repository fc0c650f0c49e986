#!/usr/bin/env bash
# run-node-tests.sh ENGINE PUFA_BIN PG_DIR TEST_DIR: the API suite over real HTTP.
set -euo pipefail
engine=$1; export PUFA_BIN=$2; pg_dir=$3; dir=$4
export PUFA_TEST_DB=$engine
if [ "$engine" = postgresql ]; then
  export PUFA_TEST_PG_URL=$(cat "$pg_dir/url")
fi
shopt -s nullglob
files=("$dir"/*.test.mjs)
[ ${#files[@]} -gt 0 ] || { echo "no tests in $dir" >&2; exit 1; }
# Two files at a time: each spends most of its start loading the demo on one core, and this machine has two.
exec node --test --test-concurrency=2 --test-reporter=spec "${files[@]}"
