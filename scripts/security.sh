#!/usr/bin/env bash
# `make security`: scanners from the package registries against a local release server on a
# fresh demo database, then the dependency audit. Prints each verdict and exits non-zero on any
# finding.
#   sqlmap (PyPI)    SQL injection, on every public query parameter and form field
#   wapiti3 (PyPI)   XSS, injection, file disclosure, CRLF, over the crawled public site
#   cargo audit      Cargo.lock against the advisory database in ../shared/advisory-db
set -euo pipefail
cd "$(dirname "$0")/.."
TARGET_DIR=${CARGO_TARGET_DIR:-$HOME/.cache/gongkai/target}
BIN="$TARGET_DIR/release/gongkai"
CACHE=$HOME/.cache/gongkai
VENV=$CACHE/security-venv
WORK=$(mktemp -d)
ADVISORIES=${GONGKAI_ADVISORY_DB:-../shared/advisory-db}
[ -x "$BIN" ] || { echo "build first: make build" >&2; exit 1; }

if [ ! -x "$VENV/bin/wapiti" ] || [ ! -x "$VENV/bin/sqlmap" ]; then
  echo "==> installing sqlmap and wapiti3 from PyPI (once)"
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install -q sqlmap==1.10.10 wapiti3==3.2.3
fi
if ! cargo audit --version >/dev/null 2>&1; then
  echo "==> installing cargo-audit from crates.io (once, a few minutes)"
  cargo install cargo-audit --locked --version 0.22.1
fi

PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
BASE="http://127.0.0.1:$PORT"
# The lookup throttle would answer the scanners' guesses with 429 before they reach the query;
# it is switched off here so that the injection tests reach the code behind it.
LEPTOS_SITE_ADDR="127.0.0.1:$PORT" LEPTOS_SITE_ROOT=target/site LEPTOS_OUTPUT_NAME=gongkai \
  DATABASE_URL="sqlite://$WORK/scan.db" GONGKAI_DEMO=1 GONGKAI_BENCH_NO_LOOKUP_THROTTLE=1 \
  GONGKAI_SUBMIT_PER_ADDRESS=1000000 RUST_LOG=error "$BIN" serve >"$WORK/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null; wait $SERVER 2>/dev/null || true; rm -rf "$WORK"' EXIT
for _ in $(seq 1 300); do curl -fsS "$BASE/healthz" >/dev/null 2>&1 && break; sleep 0.2; done

findings=0

echo "==> sqlmap: SQL injection on the public parameters"
# GET pages with their query parameters, and the public server functions with their fields.
targets=(
  "GET|$BASE/catalog?q=test&unit=1&topic=1&audience=1&from=2026-01-01&to=2026-12-31&page=1"
  "GET|$BASE/hotline?q=test&type=consult&unit=1&page=1"
  "GET|$BASE/apply/matters?q=test&unit=1"
  "GET|$BASE/ratings?from=2026-01-01&to=2026-12-31"
  "GET|$BASE/hotline/stats?month=2026-11"
  "POST|$BASE/api/catalog/list|q=test&unit=1&page=1"
  "POST|$BASE/api/lookup/find|t=ABCD-EFGH-JK&c=ABCDEFGHJK"
  "POST|$BASE/api/lookup/any|t=ABCD-EFGH-JK&c=ABCDEFGHJK"
  "POST|$BASE/api/hotline/public|q=test&type=consult&unit=1&page=1"
  "POST|$BASE/api/apply/matters|q=test&unit=1"
  "POST|$BASE/api/ratings/public|from=2026-01-01&to=2026-12-31"
  "POST|$BASE/api/ratings/window/form|slug=FGW3CK&v=ABCD2345"
  "POST|$BASE/api/staff/login|username=admin&password=x"
)
for t in "${targets[@]}"; do
  IFS='|' read -r method url data <<<"$t"
  # Every payload on every parameter (no --smart, which skips a parameter whose first heuristic
  # looks negative). A candidate that sqlmap cannot confirm is not a finding; a run that ends
  # without sqlmap's verdict is counted as one.
  args=(-u "$url" --batch --level=2 --risk=1 --threads=4 --disable-coloring --output-dir="$WORK/sqlmap")
  [ "$method" = POST ] && args+=(--data="$data")
  out=$("$VENV/bin/sqlmap" "${args[@]}" 2>&1 || true)
  tested=$(grep -c "\[INFO\] testing '" <<<"$out" || true)
  if grep -q "sqlmap identified the following injection point" <<<"$out"; then
    echo "  FINDING  $method ${url#$BASE}"; findings=$((findings + 1))
    grep -iE "Parameter:|Type:|Title:" <<<"$out" | sed 's/^/           /' | head -20
  elif grep -q "all tested parameters do not appear to be injectable" <<<"$out"; then
    echo "  clean    $method ${url#$BASE} ($tested techniques tried)"
  else
    echo "  NO VERDICT $method ${url#$BASE}"; findings=$((findings + 1))
    tail -5 <<<"$out" | sed 's/^/           /'
  fi
done

echo "==> wapiti: XSS, injection, file disclosure, CRLF over the crawled site"
"$VENV/bin/wapiti" -u "$BASE/" --scope folder -m xss,permanentxss,sql,exec,file,crlf,redirect \
  -d 2 --max-links-per-page 30 --max-scan-time 600 --flush-session -f json -o "$WORK/wapiti.json" >"$WORK/wapiti.log" 2>&1 || true
if [ -s "$WORK/wapiti.json" ]; then
  n=$(python3 -c "import json,sys; r=json.load(open(sys.argv[1])); print(sum(len(v) for v in r.get('vulnerabilities', {}).values()))" "$WORK/wapiti.json")
  urls=$(python3 -c "import json,sys; r=json.load(open(sys.argv[1])); print(len(r.get('infos', {}).get('crawled_pages', [])) or r.get('infos', {}).get('crawled_pages_nbr', '?'))" "$WORK/wapiti.json")
  echo "  wapiti: $n vulnerabilities over $urls crawled pages"
  python3 -c "import json,sys; r=json.load(open(sys.argv[1]))
for k,v in r.get('vulnerabilities',{}).items():
    for f in v: print('  FINDING ', k, f.get('path'), f.get('parameter'))" "$WORK/wapiti.json"
  findings=$((findings + n))
else
  echo "  wapiti produced no report:"; tail -20 "$WORK/wapiti.log"; findings=$((findings + 1))
fi

echo "==> cargo audit against $ADVISORIES"
if cargo audit --db "$ADVISORIES" --no-fetch --stale 2>&1 | tee "$WORK/audit.log" | tail -5; then
  echo "  cargo audit: no vulnerable dependency"
else
  echo "  cargo audit: FINDINGS (see above)"; findings=$((findings + 1))
fi

echo
if [ "$findings" -eq 0 ]; then echo "security: 0 findings"; else echo "security: $findings finding(s)"; exit 1; fi
