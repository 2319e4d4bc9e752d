#!/usr/bin/env bash
# Every test: unit and integration tests on SQLite, the integration tests again on PostgreSQL,
# then the browser tests against the release build. Used by `make test` and by CI.
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$HOME/.cache/gongkai/target}

banner() { printf '\n==================== %s ====================\n' "$*"; }

# Compiled into leptos: the server then names the browser bundle as cargo-leptos writes it. With
# it, the release server binary that `cargo test` builds (target/release/gongkai, for the
# integration tests) is the one the browser tests run, and the server is compiled once, not
# twice with different features (`cargo test` adds the dev-dependencies' features).
export LEPTOS_OUTPUT_NAME=gongkai

# The tools (on a fresh machine mostly `cargo install cargo-leptos`, ~25 CPU-minutes) install
# while the tests compile: the compiler leaves a core idle for long stretches. Needed from the
# browser build on.
TOOLS_LOG=$(mktemp)
scripts/tools.sh --test > "$TOOLS_LOG" 2>&1 &
TOOLS=$!
trap 'kill $TOOLS 2>/dev/null || true; rm -f "$TOOLS_LOG"' EXIT

banner "build: tests and the release server"
cargo test --release --features ssr --no-run

banner "tools"
if ! wait $TOOLS; then
  cat "$TOOLS_LOG"
  echo "installing the tools failed (above)" >&2
  exit 1
fi
cat "$TOOLS_LOG"

banner "unit + integration tests (SQLite)"
cargo test --release --features ssr

banner "integration tests (PostgreSQL)"
if PG_URL=$(scripts/postgres.sh); then
  GONGKAI_TEST_PG_URL="$PG_URL" cargo test --release --features ssr --test integration
elif [ "${GONGKAI_ALLOW_NO_POSTGRES:-}" = 1 ]; then
  printf '\n!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!\n'
  printf '!!  PostgreSQL could not be started: its tests DID NOT RUN  !!\n'
  printf '!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!\n\n'
else
  echo "PostgreSQL could not be started, so its tests cannot run." >&2
  echo "Set GONGKAI_ALLOW_NO_POSTGRES=1 to run the rest anyway." >&2
  exit 1
fi

# The server binary is the one built above; only the browser side is left to build.
banner "release build: browser bundle, styles and assets"
cargo leptos build --release --split --frontend-only
node scripts/precompress.mjs

banner "browser tests (Debian chromium, phone 360x740 and desktop)"
scripts/e2e.sh
