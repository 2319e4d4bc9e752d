#!/usr/bin/env bash
# Every test: unit and integration tests on SQLite, the integration tests again on PostgreSQL,
# then the browser tests against the release build. Used by `make test` and by CI.
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$HOME/.cache/gongkai/target}

banner() { printf '\n==================== %s ====================\n' "$*"; }

scripts/tools.sh --test

# Release profile: the test build shares its compiled dependencies with the server build below.
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

banner "release build"
cargo leptos build --release --split
node scripts/precompress.mjs

banner "browser tests (Debian chromium, phone 360x740 and desktop)"
scripts/e2e.sh
