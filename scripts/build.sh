#!/usr/bin/env bash
# The release build (`make build`, `make run`, `make bench`): the server, then the browser bundle,
# styles and assets, then their brotli and gzip copies.
#   scripts/build.sh                  build
#   scripts/build.sh --then "CMD"     also run CMD (in the background) as soon as the server
#                                     binary exists, and wait for it before returning
# On a fresh machine the steps overlap where the compiler leaves a core idle: the tools
# (scripts/tools.sh) install while the server compiles, as in scripts/test.sh, and `make bench`
# generates its data (which needs only the server binary) while the browser bundle builds.
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$HOME/.cache/gongkai/target}
# Compiled into leptos: the server names the bundle as cargo-leptos writes it (scripts/test.sh).
export LEPTOS_OUTPUT_NAME=gongkai

THEN=
if [ "${1:-}" = --then ]; then THEN=${2:?--then needs a command}; fi

TOOLS_LOG=$(mktemp)
scripts/tools.sh > "$TOOLS_LOG" 2>&1 &
TOOLS=$!
AFTER=
trap 'kill $TOOLS $AFTER 2>/dev/null || true; rm -f "$TOOLS_LOG"' EXIT

# The server as cargo-leptos builds it (`--bin gongkai --features ssr`, release).
cargo build --release --features ssr --bin gongkai

if [ -n "$THEN" ]; then
  bash -c "$THEN" &
  AFTER=$!
fi

if ! wait $TOOLS; then
  cat "$TOOLS_LOG"
  echo "installing the tools failed (above)" >&2
  exit 1
fi
cat "$TOOLS_LOG"

cargo leptos build --release --split --frontend-only
node scripts/precompress.mjs

if [ -n "$AFTER" ]; then
  if ! wait "$AFTER"; then
    echo "failed: $THEN" >&2
    AFTER=
    exit 1
  fi
  AFTER=
fi
