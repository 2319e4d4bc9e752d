#!/usr/bin/env bash
# `make load`: 500 concurrent clients for 60 s against the release server, reads and submissions
# mixed (tests/integration/load.rs, ignored by `make test`). Prints requests, shed requests
# (503 + Retry-After), server errors and lost writes.
#   LOAD_CLIENTS=500 LOAD_SECS=60 scripts/load.sh
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$HOME/.cache/gongkai/target}
ulimit -n 65536 2>/dev/null || ulimit -n 4096 || true
cargo test --release --features ssr --test integration -- --ignored --exact load::load_many_clients_mixing_reads_and_submissions --nocapture
