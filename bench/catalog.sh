#!/usr/bin/env bash
# Catalog benchmark (issue #3): search and list-page latency over ENTRIES published entries
# (default 1,000,000) made by the demo generator, on SQLite.
#   bench/catalog.sh                      # 1,000,000 entries, 10 rounds
#   ENTRIES=100000 ROUNDS=5 bench/catalog.sh
# The database is built once and kept in $BENCH_DIR (default ~/.cache/gongkai/bench).
set -euo pipefail
cd "$(dirname "$0")/.."
TARGET_DIR=${CARGO_TARGET_DIR:-$HOME/.cache/gongkai/target}
BIN="$TARGET_DIR/release/gongkai"
ENTRIES=${ENTRIES:-1000000}
WORK=${BENCH_DIR:-$HOME/.cache/gongkai/bench}
[ -x "$BIN" ] || { echo "build first: cargo leptos build --release --split" >&2; exit 1; }
mkdir -p "$WORK"
DB="$WORK/catalog-$ENTRIES.db"
if [ ! -s "$DB.done" ]; then
  rm -f "$DB" "$DB"-*
  echo "building $ENTRIES catalog entries (once) …"
  start=$(date +%s)
  DATABASE_URL="sqlite://$DB" "$BIN" bench-catalog --entries "$ENTRIES" 2>&1 | tail -1
  echo "built in $(( $(date +%s) - start )) s" > "$DB.done"
fi
echo "  $(cat "$DB.done"); database $(du -h "$DB" | cut -f1)"
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
LEPTOS_SITE_ADDR="127.0.0.1:$PORT" LEPTOS_SITE_ROOT=target/site LEPTOS_OUTPUT_NAME=gongkai \
  DATABASE_URL="sqlite://$DB" RUST_LOG=warn "$BIN" serve >"$WORK/catalog-server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null; wait $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do curl -fsS "http://127.0.0.1:$PORT/healthz" >/dev/null 2>&1 && break; sleep 0.2; done
echo "catalog benchmark: $ENTRIES entries, one client, $(nproc) cores"
python3 bench/catalog.py "http://127.0.0.1:$PORT"
