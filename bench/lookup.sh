#!/usr/bin/env bash
# Lookup benchmark (issue #5): throughput and latency of /api/lookup/find over CASES cases
# (default 3,000,000) on SQLite, with the lookup throttle off for this run only.
#   bench/lookup.sh                 # 3,000,000 cases, 20 s, 64 connections
#   CASES=300000 DURATION=10s bench/lookup.sh
# The database is built once and kept in $BENCH_DIR (default ~/.cache/gongkai/bench).
# wrk runs on the same machine as the server and takes part of its CPU.
set -euo pipefail
cd "$(dirname "$0")/.."
TARGET_DIR=${CARGO_TARGET_DIR:-$HOME/.cache/gongkai/target}
BIN="$TARGET_DIR/release/gongkai"
CASES=${CASES:-3000000}
DURATION=${DURATION:-20s}
CONNECTIONS=${CONNECTIONS:-64}
WORK=${BENCH_DIR:-$HOME/.cache/gongkai/bench}
[ -x "$BIN" ] || { echo "build first: cargo leptos build --release --split" >&2; exit 1; }
command -v wrk >/dev/null || sudo apt-get install -y wrk >/dev/null 2>&1 || apt-get install -y wrk
mkdir -p "$WORK"
DB="$WORK/lookup-$CASES.db"
PAIRS="$WORK/pairs-$CASES.txt"
if [ ! -s "$PAIRS" ]; then
  rm -f "$DB" "$DB"-*
  echo "building $CASES cases (once) …"
  start=$(date +%s)
  DATABASE_URL="sqlite://$DB" "$BIN" bench-seed --cases "$CASES" --sample-out "$PAIRS.tmp" >/dev/null
  mv "$PAIRS.tmp" "$PAIRS"
  echo "  built in $(( $(date +%s) - start )) s; database $(du -h "$DB" | cut -f1)"
fi
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
LEPTOS_SITE_ADDR="127.0.0.1:$PORT" LEPTOS_SITE_ROOT=target/site LEPTOS_OUTPUT_NAME=gongkai \
  DATABASE_URL="sqlite://$DB" GONGKAI_BENCH_NO_LOOKUP_THROTTLE=1 RUST_LOG=warn "$BIN" serve >"$WORK/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null; wait $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do curl -fsS "http://127.0.0.1:$PORT/healthz" >/dev/null 2>&1 && break; sleep 0.2; done
echo "lookup benchmark: $CASES cases, $CONNECTIONS connections, $DURATION, $(nproc) cores (wrk shares them)"
BENCH_LUA=bench/wrk PAIRS="$PAIRS" wrk -t2 -c"$CONNECTIONS" -d"$DURATION" -s bench/wrk/lookup.lua "http://127.0.0.1:$PORT" | tail -3
