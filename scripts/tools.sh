#!/usr/bin/env bash
# Installs what building Gongkai needs and skips what is already there. Nothing comes from
# GitHub: Rust tools from crates.io, front-end tools from npm, the browser from Debian.
#   scripts/tools.sh          build tools (wasm target, cargo-leptos, wasm-bindgen, tailwind, wasm-opt)
#   scripts/tools.sh --test   also the browser-test tools (chromium, Playwright)
set -euo pipefail
cd "$(dirname "$0")/.."

CARGO_LEPTOS_VERSION=0.3.10   # 0.3.11 needs rustc 1.96
log() { echo "==> $*"; }

# Tools build in a folder of their own, never in CARGO_TARGET_DIR: `cargo install` would
# otherwise wait for the project's build to release that folder (scripts/test.sh runs both at once).
INSTALL_DIR=$(mktemp -d)
trap 'rm -rf "$INSTALL_DIR"' EXIT

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  log "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# Both tools are built without optimisation: they only orchestrate the build and convert one
# file, so it costs them a few seconds a build, and saves most of their compile time on a fresh
# machine (cargo-leptos 15 min to 6½, its profile's fat LTO included; wasm-bindgen-cli 5 to 1).
# --force: these run only when the binary is missing or of another version, and cargo would
# otherwise skip a package it remembers installing even when its binary has gone (then
# cargo-leptos tries to download wasm-bindgen from GitHub, which fails here).
unoptimised() { CARGO_PROFILE_RELEASE_OPT_LEVEL=0 CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 "$@"; }

# cargo-leptos is built without two of its dependencies, each replaced by a stand-in in vendor/
# (see vendor/README.md): cargo-generate, for `cargo leptos new` (it compiles OpenSSL, libgit2 and
# libssh2 from C), and reqwest, for downloading tools from GitHub (its TLS compiles aws-lc from
# C), which `no_downloads` turns off. That halves the build: 3 minutes and 340 CPU-seconds
# instead of 6¾ and 700. --locked still holds: the stand-ins take the locked versions.
if [ "$(cargo leptos --version 2>/dev/null | awk '{print $2}')" != "$CARGO_LEPTOS_VERSION" ]; then
  log "installing cargo-leptos $CARGO_LEPTOS_VERSION (about 3 minutes on 2 cores, once)"
  unoptimised cargo install cargo-leptos --version "$CARGO_LEPTOS_VERSION" --locked --force --features no_downloads \
    --config "patch.crates-io.cargo-generate.path=\"$PWD/vendor/cargo-generate\"" \
    --config "patch.crates-io.reqwest.path=\"$PWD/vendor/reqwest\"" \
    --target-dir "$INSTALL_DIR/cargo-leptos"
fi

# The CLI must equal the wasm-bindgen crate in Cargo.lock exactly.
WB_VERSION=$(awk '/^name = "wasm-bindgen"$/ {getline; gsub(/version = |"/, ""); print; exit}' Cargo.lock)
if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$WB_VERSION" ]; then
  log "installing wasm-bindgen-cli $WB_VERSION (about a minute, once)"
  # Not --locked: its lockfile pins a crate version the registry no longer serves.
  # No default features: they only add TLS (ring, from C) to its test runner's downloads.
  unoptimised cargo install wasm-bindgen-cli --version "$WB_VERSION" --no-default-features --force --target-dir "$INSTALL_DIR/wasm-bindgen"
fi

# Tailwind and wasm-opt (binaryen 132; Debian's binaryen 108 breaks hydration).
if [ ! -x node_modules/.bin/tailwindcss ] || [ ! -x node_modules/.bin/wasm-opt ] || [ package.json -nt node_modules/.package-lock.json ]; then
  log "installing Tailwind and binaryen from npm"
  npm install --no-audit --no-fund
fi
# cargo-leptos runs the wasm-opt it finds in node_modules/.bin on every .wasm file of every
# release build (156 s here): point that at the wrapper that remembers its outputs.
if [ "$(readlink node_modules/.bin/wasm-opt)" != ../../scripts/wasm-opt-cached ]; then
  ln -sfn ../../scripts/wasm-opt-cached node_modules/.bin/wasm-opt
fi

if [ "${1:-}" = "--test" ]; then
  if [ ! -x /usr/bin/chromium ]; then
    log "installing Debian's chromium"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium
  fi
  if [ ! -d end2end/node_modules/@playwright/test ] || [ end2end/package.json -nt end2end/node_modules/.package-lock.json ]; then
    log "installing Playwright (no browser download)"
    (cd end2end && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm install --no-audit --no-fund)
  fi
fi
