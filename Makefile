# Two commands do everything on a fresh Debian machine (see README.md):
#   make run    build a release and serve http://127.0.0.1:3000 on a demo SQLite database
#   make test   every test: unit, integration (SQLite and PostgreSQL), browser
SHELL := /bin/bash
# Outside the clone, so that every clone (and CI) reuses one warm build.
export CARGO_TARGET_DIR ?= $(HOME)/.cache/gongkai/target

.PHONY: run test tools build e2e security load bench
run: build
	mkdir -p data
	LEPTOS_SITE_ROOT=target/site LEPTOS_OUTPUT_NAME=gongkai GONGKAI_DEMO=1 \
	DATABASE_URL=$${DATABASE_URL:-sqlite://data/gongkai.db} \
	$(CARGO_TARGET_DIR)/release/gongkai serve

test:
	scripts/test.sh

tools:
	scripts/tools.sh

# The tools install while the server compiles (see scripts/build.sh).
build:
	scripts/build.sh

# Browser tests only, against the current release build.
e2e:
	scripts/e2e.sh

# Scanners (sqlmap, wapiti3) against a local server, and cargo audit; prints their verdicts.
security: build
	scripts/security.sh

# 500 concurrent clients for 60 s, reads and submissions mixed; reports errors and lost writes.
load: build
	scripts/load.sh

# The server against an nginx ceiling with wrk, first-load size and Lighthouse; writes
# bench/results/<date>.md (see README, Benchmarks). The runs' tools (Debian, npm) install beside
# the build, and the data is generated while the browser bundle builds.
bench:
	bench/run.sh --tools & tools=$$!; \
	scripts/build.sh --then "bench/run.sh --data" || { kill $$tools 2>/dev/null; exit 1; }; \
	wait $$tools
	bench/run.sh
