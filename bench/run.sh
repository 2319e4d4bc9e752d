#!/usr/bin/env bash
# `make bench` (issue #10): the release server against an nginx ceiling on this machine.
#   1. builds the benchmark databases once, with the demo generator: 1,000,000 catalog entries,
#      3,000,000 cases and 300,000 letters in one SQLite file, plus catalogs of 10,000 and 100,000
#      entries to show how cost grows (kept in $BENCH_DIR, default ~/.cache/gongkai/bench);
#   2. serves it with the release binary, and the same catalog list and entry pages saved as
#      static HTML with nginx (the ceiling), both pinned to core 0;
#   3. loads each endpoint with wrk pinned to core 1 (64 connections, 15 s each), the catalog
#      pages as configured (page cache on) and every request rendered (page cache off);
#      The catalog list, a search and the lookup are also run with SQLite's memory map on (16 GB,
#      a 16 MB page cache and a pool of 16, the defaults before commit 682ed73; BENCH_MAP), to
#      show what the map buys in speed against what it costs in resident memory;
#   4. measures the first-load size (what the server sends with brotli) and Lighthouse's mobile
#      performance score for the home page and the catalog (installing a Chinese font for
#      chromium if the machine has none);
#   5. with BENCH_POSTGRES=1, makes the same data in the local PostgreSQL (scripts/postgres.sh;
#      BENCH_PG_ENTRIES, BENCH_PG_CASES, BENCH_PG_LETTERS, by default the SQLite sizes) and runs
#      the rendered catalog pages, a search, the lookup and submissions over it;
#   6. prints the table and writes it to bench/results/<date>.md.
# Settings: BENCH_ENTRIES, BENCH_CASES, BENCH_LETTERS, BENCH_GROWTH ("10000 100000"),
# BENCH_SECONDS (15), BENCH_WARMUP (3: seconds of load before each run, not counted), BENCH_CONNECTIONS (64), BENCH_DIR, BENCH_LIGHTHOUSE=0 to skip Lighthouse, BENCH_LH_RUNS (5: Lighthouse runs per page, the median reported),
# BENCH_MAP (the settings of the memory-map runs), BENCH_OUT (the results file; default bench/results/<date>.md).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
TARGET_DIR=${CARGO_TARGET_DIR:-$HOME/.cache/gongkai/target}
BIN="$TARGET_DIR/release/gongkai"
ENTRIES=${BENCH_ENTRIES:-1000000}
CASES=${BENCH_CASES:-3000000}
LETTERS=${BENCH_LETTERS:-300000}
GROWTH=${BENCH_GROWTH:-10000 100000}
SECONDS_EACH=${BENCH_SECONDS:-15}
WARMUP=${BENCH_WARMUP:-3}
CONNECTIONS=${BENCH_CONNECTIONS:-64}
LH_RUNS=${BENCH_LH_RUNS:-5}
WORK=${BENCH_DIR:-$HOME/.cache/gongkai/bench}
LH_DIR=$HOME/.cache/gongkai/lighthouse
OUT=${BENCH_OUT:-bench/results/$(date +%F).md}
# Bump when the generators change, so that old databases are rebuilt.
GEN=2
# --data: only make the databases (they need only the server binary), then stop. `make bench`
# runs that while the browser bundle builds (scripts/build.sh --then).
# --tools: only install what the runs need (wrk, nginx, chromium and a Chinese font from Debian,
# Lighthouse from npm), then stop. `make bench` runs that beside the whole build: it waits on the
# network, not the processor (about 40 s on a fresh machine, 2026-12-05-fresh.md).
MODE=${1:-}
case $MODE in ''|--data|--tools) ;; *) echo "usage: bench/run.sh [--data | --tools]" >&2; exit 2;; esac
DATA_ONLY=0; [ "$MODE" = --data ] && DATA_ONLY=1
log() { echo "bench: $*" >&2; }
install_tools() {
  local need_apt=() pkgs SUDO
  for tool in wrk nginx brotli taskset; do command -v "$tool" >/dev/null || need_apt+=("$tool"); done
  # Lighthouse's chromium needs a Chinese font, as every phone has: without one it searches all the
  # fonts for each Chinese character and draws boxes, and layout alone cost a catalog page about
  # 100 ms (400 ms at Lighthouse's 4x slowdown) that no reader pays.
  if [ "${BENCH_LIGHTHOUSE:-1}" = 1 ] && [ -z "$(fc-list :lang=zh family 2>/dev/null)" ]; then need_apt+=(fonts-wqy-microhei); fi
  # Lighthouse drives Debian's chromium, which a fresh machine does not have until the browser
  # tests install it (a fresh-machine run without it measured neither Lighthouse nor first load).
  if [ "${BENCH_LIGHTHOUSE:-1}" = 1 ] && ! command -v chromium >/dev/null; then need_apt+=(chromium); fi
  if [ ${#need_apt[@]} -gt 0 ]; then
    pkgs=$(printf '%s\n' "${need_apt[@]}" | sed 's/^taskset$/util-linux/; s/^nginx$/nginx-light/' | sort -u | tr '\n' ' ')
    log "installing $pkgs from Debian"
    SUDO=; [ "$(id -u)" = 0 ] || SUDO=sudo
    # Waits for dpkg's lock rather than failing: scripts/postgres.sh may be installing PostgreSQL.
    local apt=(apt-get -o DPkg::Lock::Timeout=600 -y -qq)
    $SUDO "${apt[@]}" install $pkgs >/dev/null 2>&1 || { $SUDO "${apt[@]}" update && $SUDO "${apt[@]}" install $pkgs >/dev/null; }
  fi
  if [ "${BENCH_LIGHTHOUSE:-1}" = 1 ] && [ ! -x "$LH_DIR/node_modules/.bin/lighthouse" ]; then
    log "installing lighthouse 12 from npm (once)"
    mkdir -p "$LH_DIR" && npm install --prefix "$LH_DIR" --silent --no-audit --no-fund lighthouse@12.8.2 >/dev/null
  fi
}
if [ "$MODE" = --tools ]; then install_tools; log "the tools for the runs are ready"; exit 0; fi
[ -x "$BIN" ] || { echo "build first: make build" >&2; exit 1; }
if [ "$DATA_ONLY" = 0 ]; then
  [ -f target/site/pkg/gongkai.wasm ] || { echo "build first: make build (no target/site)" >&2; exit 1; }
  # The brotli copies the server sends (make build writes them): a bundle rebuilt by cargo-leptos
  # alone has none, the server then compresses per response at a lower quality, and the first
  # load measured 192 KB instead of 170 KB.
  if [ ! target/site/pkg/gongkai.wasm.br -nt target/site/pkg/gongkai.wasm ]; then
    log "compressing the bundle (scripts/precompress.mjs)"
    node scripts/precompress.mjs >&2
  fi
  install_tools
fi
NGINX=$(command -v nginx || echo /usr/sbin/nginx)
CORES=$(nproc)
SERVER_CPU=0; CLIENT_CPU=$(( CORES > 1 ? 1 : 0 ))
mkdir -p "$WORK" "$(dirname "$OUT")"
RUN=$(mktemp -d)
RESULTS=$RUN/results.tsv
: >"$RESULTS"
PIDS=()
PG_PIDS=
pin_pg() { for p in $PG_PIDS; do taskset -a -cp "$1" "$p" >/dev/null 2>&1 || true; done; }
cleanup() {
  for p in "${PIDS[@]:-}"; do [ -n "$p" ] && kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true
  pin_pg "0-$(( $(nproc) - 1 ))"; rm -rf "$RUN"; return 0
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
# PostgreSQL (BENCH_POSTGRES=1): the local cluster the tests use (scripts/postgres.sh starts it,
# installing it from Debian if need be), one database per data set beside the SQLite files.
PG_ADMIN=
if [ "${BENCH_POSTGRES:-0}" = 1 ]; then
  PG_ADMIN=$(bash scripts/postgres.sh) || { log "PostgreSQL is not available"; exit 1; }
  PG_ENTRIES=${BENCH_PG_ENTRIES:-$ENTRIES}; PG_CASES=${BENCH_PG_CASES:-$CASES}; PG_LETTERS=${BENCH_PG_LETTERS:-$LETTERS}
fi
pg_url() { echo "${PG_ADMIN%/*}/$1"; }
pg_sql() { psql "$PG_ADMIN" -tAqc "$1"; }
# A data set: a SQLite file, or a PostgreSQL database (pg:NAME). Its generated steps are marked
# by files beside it; a set whose generation was cut short is made again from nothing.
url_of() { case $1 in pg:*) pg_url "${1#pg:}";; *) echo "sqlite://$1";; esac; }
key_of() { case $1 in pg:*) echo "$WORK/pg-${1#pg:}";; *) echo "$1";; esac; }
drop_set() { # set
  local key; key=$(key_of "$1")
  case $1 in
    pg:*) pg_sql "DROP DATABASE IF EXISTS ${1#pg:} WITH (FORCE)" >/dev/null;;
    *) rm -f "$1" "$1-wal" "$1-shm";;
  esac
  rm -f "$key".*
}
ensure_set() { # set: a database that is there, or none of its step marks
  local key; key=$(key_of "$1")
  case $1 in
    pg:*)
      if [ -z "$(pg_sql "SELECT 1 FROM pg_database WHERE datname = '${1#pg:}'")" ]; then
        rm -f "$key".*
        pg_sql "CREATE DATABASE ${1#pg:}" >/dev/null
      fi;;
    *) [ -e "$1" ] || rm -f "$key".*;;
  esac
}
# Runs a generator step once; its wall time is kept next to the data set.
generate() { # set step label command...
  local set=$1 step=$2 label=$3 key; shift 3
  key=$(key_of "$set")
  if [ -e "$key.started" ]; then log "$set was cut short while generating: making it again"; drop_set "$set"; fi
  if [ ! -s "$key.$step" ]; then
    ensure_set "$set"
    log "generating $label (once)"
    local t0; t0=$(date +%s)
    touch "$key.started"
    DATABASE_URL="$(url_of "$set")" RUST_LOG=warn "$@" >/dev/null
    echo "$(( $(date +%s) - t0 ))" >"$key.$step"
    rm -f "$key.started"
  fi
  echo "gen	$label	seconds=$(cat "$key.$step")" >>"$RESULTS"
}

# Two databases, generated side by side on the two cores: the catalog (1,000,000 entries), and
# the cases with the letters. The smaller catalogs for the growth runs follow the cases.
CATALOG="$WORK/catalog-g$GEN-$ENTRIES.db"
CASES_DB="$WORK/cases-g$GEN-$CASES-$LETTERS.db"
PAIRS="$CASES_DB.pairs"
generate "$CATALOG" catalog "$ENTRIES catalog entries" "$BIN" bench-catalog --entries "$ENTRIES" &
CATALOG_GEN=$!
generate "$CASES_DB" cases "$CASES cases" "$BIN" bench-seed --cases "$CASES" --sample-out "$PAIRS"
generate "$CASES_DB" letters "$LETTERS letters" "$BIN" bench-letters --letters "$LETTERS"
for n in $GROWTH; do
  generate "$WORK/catalog-g$GEN-$n.db" catalog "$n catalog entries (growth)" "$BIN" bench-catalog --entries "$n"
done
wait "$CATALOG_GEN"
if [ -n "$PG_ADMIN" ]; then
  PG_CATALOG="pg:gk_bench_catalog_g${GEN}_$PG_ENTRIES"
  PG_CASES_DB="pg:gk_bench_cases_g${GEN}_${PG_CASES}_$PG_LETTERS"
  PG_PAIRS="$(key_of "$PG_CASES_DB").pairs"
  generate "$PG_CATALOG" catalog "$PG_ENTRIES catalog entries (PostgreSQL)" "$BIN" bench-catalog --entries "$PG_ENTRIES" &
  CATALOG_GEN=$!
  generate "$PG_CASES_DB" cases "$PG_CASES cases (PostgreSQL)" "$BIN" bench-seed --cases "$PG_CASES" --sample-out "$PG_PAIRS"
  generate "$PG_CASES_DB" letters "$PG_LETTERS letters (PostgreSQL)" "$BIN" bench-letters --letters "$PG_LETTERS"
  wait "$CATALOG_GEN"
  # PostgreSQL shares core 0 with the server, as the SQLite in the server's process does; its
  # processes get all cores back when the run ends.
  PG_PIDS=$(pgrep -u postgres -d ' ' postgres || true)
fi
if [ "$DATA_ONLY" = 1 ]; then log "the databases are ready"; exit 0; fi
SERVER=
# A PostgreSQL database's files (as root: the cluster's data directory belongs to postgres).
pg_files() { # name
  local dir oid
  dir=$(pg_lsclusters -h | awk '$4 == "online" {print $6; exit}')
  oid=$(pg_sql "SELECT oid FROM pg_database WHERE datname = '$1'")
  [ -n "$dir" ] && [ -n "$oid" ] && [ -r "$dir/base/$oid" ] && find "$dir/base/$oid" -type f
}
serve() { # set [VAR=value...]
  local port set=$1; shift; port=$(free_port)
  # The database is read once first, so that a run measures the server over a database in the
  # kernel's page cache, as a server that has been up a while has it, and not this machine's
  # disk: the cache here is emptied within the hour, and a lookup run right after was 7,209/s
  # with p99 171 ms against 10,600/s and 9 ms a minute later (2026-12-04-no-map.md).
  case $set in
    pg:*) pg_files "${set#pg:}" | xargs -r cat >/dev/null || true; pin_pg "$SERVER_CPU";;
    *) cat "$set" >/dev/null;;
  esac
  env LEPTOS_SITE_ADDR="127.0.0.1:$port" LEPTOS_SITE_ROOT=target/site LEPTOS_OUTPUT_NAME=gongkai \
    DATABASE_URL="$(url_of "$set")" GONGKAI_BENCH_NO_LOOKUP_THROTTLE=1 GONGKAI_SUBMIT_PER_ADDRESS=10000000 RUST_LOG=warn "$@" \
    taskset -c "$SERVER_CPU" "$BIN" serve >"$RUN/server.log" 2>&1 &
  SERVER=$!; PIDS+=("$SERVER")
  BASE="http://127.0.0.1:$port"
  # The server's private (anonymous) memory, sampled; VmHWM also counts the database pages
  # SQLite maps into the process, which the kernel can drop at any time.
  (while kill -0 "$SERVER" 2>/dev/null; do awk '/RssAnon/ {print $2}' "/proc/$SERVER/status" 2>/dev/null; sleep 0.5; done >"$RUN/anon.$SERVER") &
  for _ in $(seq 1 300); do curl -fsS "$BASE/healthz" >/dev/null 2>&1 && return 0; sleep 0.2; done
  log "the server did not start:"; tail -20 "$RUN/server.log" >&2; exit 1
}
stop() { kill "$SERVER" 2>/dev/null; wait "$SERVER" 2>/dev/null || true; }
peak_rss() { echo "kb=$(awk '/VmHWM/ {print $2}' "/proc/$SERVER/status") anon_kb=$(sort -n "$RUN/anon.$SERVER" | tail -1)"; }

# The machine's CPU time: total, and stolen by the hypervisor for other guests. On a shared
# virtual machine a run during which a tenth of the time was stolen is not comparable with one
# during which none was; each row of the table says how much was.
cpu_times() { awk '/^cpu / {t = 0; for (i = 2; i <= 9; i++) t += $i; print t, $9; exit}' /proc/stat; }
steal_pct() { # "total steal" before, after
  python3 -c 'import sys; a = sys.argv[1].split(); b = sys.argv[2].split(); t = int(b[0]) - int(a[0]); print(f"{100 * (int(b[1]) - int(a[1])) / t:.0f}" if t > 0 else "0")' "$1" "$2"
}
# A short run first, not counted: a server just started is still faulting in the database's
# pages, opening connections and growing its heap, and a figure taken from a cold start reports
# that rather than the steady state.
warm() { # connections script url [env...]
  local conns=$1 script=$2 url=$3; shift 3
  [ "$WARMUP" -gt 0 ] || return 0
  env BENCH_LUA="$ROOT/bench/wrk" "$@" taskset -c "$CLIENT_CPU" wrk -t1 -c"$conns" -d"${WARMUP}s" --timeout 10s \
    -s "$ROOT/bench/wrk/$script" "$url" >/dev/null
}
# load name connections script url [env...]; WARM=0 when the caller has warmed up already.
load() {
  local name=$1 conns=$2 script=$3 url=$4; shift 4
  local line
  [ "${WARM:-1}" = 0 ] || warm "$conns" "$script" "$url" "$@"
  local before; before=$(cpu_times)
  line=$(env BENCH_LUA="$ROOT/bench/wrk" "$@" taskset -c "$CLIENT_CPU" wrk -t1 -c"$conns" -d"${SECONDS_EACH}s" --timeout 10s \
    -s "$ROOT/bench/wrk/$script" "$url" | grep '^RESULT' | sed 's/^RESULT //')
  line="$line steal=$(steal_pct "$before" "$(cpu_times)")"
  log "$name: $line"
  echo "load	$name	connections=$conns $line" >>"$RESULTS"
  # Let the server finish what the last run left in progress before the next run starts.
  curl -s -o /dev/null -m 120 "${url%/}/healthz" || true
  curl -s -o /dev/null -m 120 -H 'Cookie: gk_bench=1' "$(echo "$url" | sed -E 's#(https?://[^/]+).*#\1#')/" || true
}

# PostgreSQL's own ceiling for the lookup: the one statement the server sends for it (printed by
# the binary), run by pgbench from core 1 against PostgreSQL on core 0 with no server in between,
# prepared, as the server's pool runs it. Keyed by the case's id instead of the tracking number
# (pgbench draws numbers, not strings): the same plan, a unique index to one case.
PG_ALONE="PostgreSQL alone: the lookup's statement (pgbench)"
pg_alone() { # set
  local pgbench sql url before line
  pgbench=$(ls /usr/lib/postgresql/*/bin/pgbench 2>/dev/null | sort -V | tail -1)
  [ -n "$pgbench" ] || { log "no pgbench: PostgreSQL's own ceiling not measured"; return 0; }
  sql=$("$BIN" lookup-sql)
  case $sql in *'c.tracking = $1'*) ;; *) log "the lookup's statement has no 'c.tracking = \$1': ceiling not measured"; return 0;; esac
  printf '\\set id random(1, %s)\n%s;\n' "$PG_CASES" "${sql//'c.tracking = $1'/c.id = :id}" >"$RUN/pg-lookup.sql"
  url=$(url_of "$1")
  run_pgbench() { (cd "$RUN" && taskset -c "$CLIENT_CPU" "$pgbench" -n -M prepared -c "$CONNECTIONS" -j 1 -f pg-lookup.sql "$@" "$url"); }
  if [ "$WARMUP" -gt 0 ]; then run_pgbench -T "$WARMUP" >/dev/null 2>&1 || true; fi
  rm -f "$RUN"/pgb.*
  before=$(cpu_times)
  run_pgbench -T "$SECONDS_EACH" -l --log-prefix=pgb >"$RUN/pgbench.out" 2>&1 \
    || { log "pgbench failed: $(tail -2 "$RUN/pgbench.out")"; return 0; }
  # pgbench's log has a line per statement, its latency in microseconds third.
  line=$(python3 - "$RUN/pgbench.out" "$RUN"/pgb.* <<'EOF'
import re, sys
out = open(sys.argv[1]).read()
tps = float(re.search(r"tps = ([0-9.]+)", out).group(1))
failed = re.search(r"number of failed transactions: ([0-9]+)", out)
lat = sorted(int(l.split()[2]) for f in sys.argv[2:] for l in open(f))
q = lambda p: lat[min(len(lat) - 1, int(p * len(lat)))] / 1000
print(f"requests={len(lat)} rps={tps:.1f} p50={q(.50):.2f} p95={q(.95):.2f} p99={q(.99):.2f} max={lat[-1] / 1000:.2f} "
      f"non2xx=0 errors={failed.group(1) if failed else 0}")
EOF
)
  line="$line steal=$(steal_pct "$before" "$(cpu_times)")"
  log "$PG_ALONE: $line"
  echo "load	$PG_ALONE	connections=$CONNECTIONS $line" >>"$RESULTS"
}

sql() { # set query: the first column of the first row
  case $1 in
    pg:*) psql "$(pg_url "${1#pg:}")" -tAqc "$2";;
    *) python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute(sys.argv[2]).fetchone()[0])" "$1" "$2";;
  esac
}
log "serving $CATALOG"
serve "$CATALOG"
# The page must name script and WASM files the server has. A server binary built without
# LEPTOS_OUTPUT_NAME (a plain `cargo test`) names `…_bg.wasm`: the browser then never hydrates,
# and Lighthouse reports a perfect score and a tiny first load for a page that does not work.
for asset in $(curl -fsS "$BASE/" | grep -oE '/pkg/[A-Za-z0-9_.-]+\.(wasm|js)' | sort -u); do
  curl -fsS -o /dev/null "$BASE$asset" || { log "the page names $asset, which the server does not have: rebuild with make build"; exit 1; }
done
ENTRY=$(sql "$CATALOG" "SELECT id FROM catalog_entries WHERE state = 'published' ORDER BY id DESC LIMIT 1")

# The ceiling: the same two pages as static files behind nginx, on the same core.
STATIC=$RUN/static
mkdir -p "$STATIC/catalog"
chmod 755 "$RUN"  # nginx's workers run as www-data
curl -fsS "$BASE/catalog" -o "$STATIC/catalog/index.html"
curl -fsS "$BASE/catalog/$ENTRY" -o "$STATIC/catalog/entry.html"
NPORT=$(free_port)
cat >"$RUN/nginx.conf" <<EOF
worker_processes 1;
daemon off;
pid $RUN/nginx.pid;
error_log $RUN/nginx-error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  keepalive_requests 1000000;
  client_body_temp_path $RUN/nginx-tmp;
  server {
    listen 127.0.0.1:$NPORT;
    root $STATIC;
    default_type text/html;
    location = /catalog { try_files /catalog/index.html =404; }
    location = /catalog/$ENTRY { try_files /catalog/entry.html =404; }
  }
}
EOF
taskset -c "$SERVER_CPU" "$NGINX" -c "$RUN/nginx.conf" -p "$RUN" >/dev/null 2>&1 &
NGINX_PID=$!; PIDS+=("$NGINX_PID")
for _ in $(seq 1 100); do curl -fsS "http://127.0.0.1:$NPORT/catalog" >/dev/null 2>&1 && break; sleep 0.1; done
load "nginx: catalog list" "$CONNECTIONS" get.lua "http://127.0.0.1:$NPORT/catalog"
load "nginx: entry page" "$CONNECTIONS" get.lua "http://127.0.0.1:$NPORT/catalog/$ENTRY"
kill "$NGINX_PID" 2>/dev/null; wait "$NGINX_PID" 2>/dev/null || true

# Searches: common and rare words, one character, traditional forms, a phrase, no match.
printf '%s\n' 医疗 补贴 救助 招生 改造 社会保险 工资支付 安全生产 垃圾分类 河长制 审计整改 食品安全 林 费 補貼 醫療保險 农民工工资 义务教育招生入学 量子纠缠 通知 \
  | python3 -c "import sys, urllib.parse; [print('/catalog?q=' + urllib.parse.quote(w.strip())) for w in sys.stdin if w.strip()]" >"$RUN/search.txt"
# As configured by default: anonymous pages come from the page cache between renders.
load "catalog list" "$CONNECTIONS" get.lua "$BASE/catalog"
load "entry page" "$CONNECTIONS" get.lua "$BASE/catalog/$ENTRY"

if [ "${BENCH_LIGHTHOUSE:-1}" = 1 ]; then
  for page in / /catalog; do
    # Lighthouse's score moves by several points between identical runs (its own guidance is
    # the median of five): run it LH_RUNS times and report the run with the median score.
    rm -f "$RUN"/lh-*.json
    for i in $(seq 1 "$LH_RUNS"); do
      CHROME_PATH=$(command -v chromium) "$LH_DIR/node_modules/.bin/lighthouse" "$BASE$page" --quiet \
        --only-categories=performance --form-factor=mobile --output=json --output-path="$RUN/lh-$i.json" \
        --chrome-flags="--headless=new --no-sandbox --disable-dev-shm-usage" >/dev/null 2>"$RUN/lh.log" || { tail -5 "$RUN/lh.log" >&2; rm -f "$RUN/lh-$i.json"; }
    done
    if ! ls "$RUN"/lh-*.json >/dev/null 2>&1; then
      # Recorded, so that the table says the two targets were not measured, and the run fails.
      echo "lhfail	$page	why=$(grep -v '^ *at ' "$RUN/lh.log" | tail -1 | tr -s ' \t' '__' | cut -c1-160)" >>"$RESULTS"
      continue
    fi
    # The score, and the first load: every file the browser fetched for the page, as sent
    # (brotli), the page's lazily loaded WASM chunks included.
    python3 - "$page" "$RUN"/lh-*.json >>"$RESULTS" <<'EOF'
import json, sys
page, files = sys.argv[1], sys.argv[2:]
runs = sorted((json.load(open(f)) for f in files), key=lambda r: r["categories"]["performance"]["score"])
r = runs[(len(runs) - 1) // 2]; a = r["audits"]
scores = ",".join(str(round(x["categories"]["performance"]["score"] * 100)) for x in runs)
print("lighthouse\t%s\tscore=%d fcp=%.0f lcp=%.0f tbt=%.0f cls=%.3f tti=%.0f runs=%s" % (page, round(r["categories"]["performance"]["score"] * 100),
      a["first-contentful-paint"]["numericValue"], a["largest-contentful-paint"]["numericValue"], a["total-blocking-time"]["numericValue"],
      a["cumulative-layout-shift"]["numericValue"], a["interactive"]["numericValue"], scores))
origin = "/".join(r["finalDisplayedUrl"].split("/")[:3]) + "/"
parts, files = {}, 0
for req in a["network-requests"]["details"]["items"]:
    if not req["url"].startswith(origin):
        continue
    path = req["url"].split("?", 1)[0]
    kind = "html" if req.get("resourceType") == "Document" else next((e for e in ("wasm", "js", "css") if path.endswith("." + e)), "other")
    parts[kind] = parts.get(kind, 0) + int(req.get("transferSize") or 0)
    files += kind != "html"
print(f"size\tfirst load {page}\t" + " ".join(f"{k}={v}" for k, v in parts.items()) + f" files={files} total={sum(parts.values())}")
EOF
    log "$(tail -2 "$RESULTS" | tr '\n' ' ')"
  done
fi
echo "rss	catalog	$(peak_rss)" >>"$RESULTS"
stop

# Every request rendered: the page cache off for the rest.
serve "$CATALOG" GONGKAI_PAGE_CACHE_MS=0
load "catalog list, uncached" "$CONNECTIONS" get.lua "$BASE/catalog"
load "entry page, uncached" "$CONNECTIONS" get.lua "$BASE/catalog/$ENTRY"
load "search" "$CONNECTIONS" get.lua "$BASE/" PATHS="$RUN/search.txt"
load "search, one client" 1 get.lua "$BASE/" PATHS="$RUN/search.txt"
echo "rss	catalog uncached	$(peak_rss)" >>"$RESULTS"
stop

log "serving $CASES_DB"
serve "$CASES_DB" GONGKAI_PAGE_CACHE_MS=0
UNIT=$(sql "$CASES_DB" "SELECT id FROM units ORDER BY id LIMIT 1")
load "lookup" "$CONNECTIONS" lookup.lua "$BASE" PAIRS="$PAIRS"
load "letters list, uncached" "$CONNECTIONS" get.lua "$BASE/hotline"
count_submitted() { sql "$1" "SELECT COUNT(*) FROM cases WHERE submit_key NOT LIKE 'bench-%'"; }
# New applications through the server at $BASE, and how many cases they stored in the set.
submissions() { # set unit label
  local before
  warm "$CONNECTIONS" submit.lua "$BASE" UNIT="$2"
  before=$(count_submitted "$1")
  WARM=0 load "$3" "$CONNECTIONS" submit.lua "$BASE" UNIT="$2"
  echo "stored	$3	cases=$(( $(count_submitted "$1") - before ))" >>"$RESULTS"
}
submissions "$CASES_DB" "$UNIT" "submission"
echo "rss	cases	$(peak_rss)" >>"$RESULTS"
stop

# The same reads with SQLite's memory map on: pages read in place from the kernel's cache
# instead of copied with read(). Every page the map touches counts in the server's RSS; this
# shows what the map buys and what it costs.
MAP=${BENCH_MAP:-GONGKAI_SQLITE_MMAP_MB=16384 GONGKAI_SQLITE_CACHE_MB=16 GONGKAI_DB_MAX_CONNECTIONS=16}
serve "$CATALOG" GONGKAI_PAGE_CACHE_MS=0 $MAP
load "catalog list, uncached, map" "$CONNECTIONS" get.lua "$BASE/catalog"
load "search, one client, map" 1 get.lua "$BASE/" PATHS="$RUN/search.txt"
echo "rss	catalog uncached, map	$(peak_rss)" >>"$RESULTS"
stop
serve "$CASES_DB" GONGKAI_PAGE_CACHE_MS=0 $MAP
load "lookup, map" "$CONNECTIONS" lookup.lua "$BASE" PAIRS="$PAIRS"
echo "rss	cases, map	$(peak_rss)" >>"$RESULTS"
stop

# The same server over PostgreSQL (BENCH_POSTGRES=1): every request rendered, as on SQLite.
if [ -n "$PG_ADMIN" ]; then
  log "serving $PG_CATALOG"
  serve "$PG_CATALOG" GONGKAI_PAGE_CACHE_MS=0
  PG_ENTRY=$(sql "$PG_CATALOG" "SELECT id FROM catalog_entries WHERE state = 'published' ORDER BY id DESC LIMIT 1")
  load "catalog list, uncached, PostgreSQL" "$CONNECTIONS" get.lua "$BASE/catalog"
  load "entry page, uncached, PostgreSQL" "$CONNECTIONS" get.lua "$BASE/catalog/$PG_ENTRY"
  load "search, one client, PostgreSQL" 1 get.lua "$BASE/" PATHS="$RUN/search.txt"
  echo "rss	catalog uncached, PostgreSQL	$(peak_rss)" >>"$RESULTS"
  stop
  log "serving $PG_CASES_DB"
  serve "$PG_CASES_DB" GONGKAI_PAGE_CACHE_MS=0
  PG_UNIT=$(sql "$PG_CASES_DB" "SELECT id FROM units ORDER BY id LIMIT 1")
  load "lookup, PostgreSQL" "$CONNECTIONS" lookup.lua "$BASE" PAIRS="$PG_PAIRS"
  submissions "$PG_CASES_DB" "$PG_UNIT" "submission, PostgreSQL"
  echo "rss	cases, PostgreSQL	$(peak_rss)" >>"$RESULTS"
  stop
  pg_alone "$PG_CASES_DB"
  pin_pg "0-$(( CORES - 1 ))"
fi

# How cost grows with the catalog: list pages and searches at 10k and 100k entries.
for n in $GROWTH; do
  serve "$WORK/catalog-g$GEN-$n.db" GONGKAI_PAGE_CACHE_MS=0
  load "catalog list @$n" "$CONNECTIONS" get.lua "$BASE/catalog"
  load "search, one client @$n" 1 get.lua "$BASE/" PATHS="$RUN/search.txt"
  stop
done

python3 bench/report.py "$RESULTS" "$OUT" "$ENTRIES" "$CASES" "$LETTERS" "$CONNECTIONS" "$SECONDS_EACH" "$WARMUP" \
  ${PG_ADMIN:+"$PG_ENTRIES" "$PG_CASES" "$PG_LETTERS"}
if grep -q '^lhfail' "$RESULTS"; then log "Lighthouse failed: the first load and its score were not measured"; exit 1; fi
exit 0
