#!/usr/bin/env bash
# Runs the Playwright suite against the release server on a random port, with a fresh demo
# database in a temporary folder. Expects `cargo leptos build --release --split` to have run.
set -euo pipefail
cd "$(dirname "$0")/.."

TARGET_DIR=${CARGO_TARGET_DIR:-target}
BIN="$TARGET_DIR/release/gongkai"
[ -x "$BIN" ] || { echo "no server binary at $BIN: run cargo leptos build --release --split first" >&2; exit 1; }

WORK=$(mktemp -d)
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
export LEPTOS_SITE_ADDR="127.0.0.1:$PORT" LEPTOS_SITE_ROOT="target/site" LEPTOS_OUTPUT_NAME=gongkai
export DATABASE_URL="sqlite://$WORK/e2e.db" GONGKAI_DEMO=1 GONGKAI_TEST_CLOCK=1 GONGKAI_SUBMIT_PER_ADDRESS=100000 GONGKAI_PAGE_CACHE_MS=0 GONGKAI_FIGURES_CACHE_MS=0 RUST_LOG=${RUST_LOG:-warn,tower_http=info}

"$BIN" serve > "$WORK/server.log" 2>&1 &
SERVER=$!
cleanup() {
  kill "$SERVER" 2>/dev/null || true; wait "$SERVER" 2>/dev/null || true
  mkdir -p end2end/test-results && cp "$WORK/server.log" end2end/test-results/server.log 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

for _ in $(seq 1 100); do
  curl -fsS "http://$LEPTOS_SITE_ADDR/healthz" >/dev/null 2>&1 && break
  kill -0 "$SERVER" 2>/dev/null || { echo "server exited:" >&2; cat "$WORK/server.log" >&2; exit 1; }
  sleep 0.2
done

set +e
(cd end2end && E2E_BASE_URL="http://$LEPTOS_SITE_ADDR" npx playwright test "$@") 2>&1 | tee "$WORK/playwright.log"
status=${PIPESTATUS[0]}
set -e
# An unexpected failure or panic on the server fails the run even if every page looked right.
if grep -E "ERROR|panicked" "$WORK/server.log" >&2; then
  echo "the server logged errors during the browser tests (above)" >&2
  status=1
fi
if [ $status -ne 0 ]; then
  echo "---- server log (last 50 lines) ----" >&2
  tail -50 "$WORK/server.log" >&2
  # Repeated last, so that a log showing only its end still names the failed tests.
  echo "---- browser tests: summary ----" >&2
  sed -n '/^  [0-9]* \(failed\|flaky\|skipped\|passed\)/,$p' "$WORK/playwright.log" >&2
fi
exit $status
