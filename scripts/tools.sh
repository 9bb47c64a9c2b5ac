#!/usr/bin/env bash
# Installs what building Commons needs and is missing, saying what it does.
#   scripts/tools.sh          build tools (wasm target, cargo-leptos, wasm-bindgen, wasm-opt)
#   scripts/tools.sh --test   also the test tools (Chromium, Playwright, an SMTP server)
set -euo pipefail
source "$(dirname "$0")/env.sh"

if ! command -v cargo >/dev/null; then
  echo "Rust is not installed: install it with rustup (https://rustup.rs), then run this again." >&2
  exit 1
fi

if ! rustup target list --installed | grep -q '^wasm32-unknown-unknown$'; then
  say "Adding the WebAssembly target (wasm32-unknown-unknown)"
  rustup target add wasm32-unknown-unknown
fi

if ! cargo leptos --version 2>/dev/null | grep -q "$CARGO_LEPTOS_VERSION"; then
  say "Installing cargo-leptos $CARGO_LEPTOS_VERSION (about 15 minutes, once)"
  cargo install cargo-leptos --version "$CARGO_LEPTOS_VERSION" --locked --features no_downloads
fi

WB_VERSION="$(wasm_bindgen_version)"
if ! wasm-bindgen --version 2>/dev/null | grep -q "$WB_VERSION"; then
  say "Installing wasm-bindgen-cli $WB_VERSION (matches Cargo.lock; a few minutes, once)"
  cargo install wasm-bindgen-cli --version "$WB_VERSION"
fi

if ! command -v wasm-opt >/dev/null; then
  say "Installing wasm-opt (npm package binaryen $BINARYEN_VERSION)"
  mkdir -p "$COMMONS_CACHE/npm"
  npm install --prefix "$COMMONS_CACHE/npm" --no-audit --no-fund "binaryen@$BINARYEN_VERSION" >/dev/null
fi

if [[ "${1:-}" == "--test" ]]; then
  missing=()
  [[ -x /usr/bin/chromium ]] || missing+=(chromium)
  command -v wrk >/dev/null || missing+=(wrk)
  command -v java >/dev/null || missing+=(default-jre-headless)
  if (( ${#missing[@]} )); then
    say "Installing ${missing[*]} for the browser tests, the HTML check and benchmarks (Debian packages)"
    if [[ "$(id -u)" == 0 ]]; then SUDO=""; else SUDO="sudo"; fi
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
  if ! python3 -c 'import aiosmtpd' 2>/dev/null; then
    say "Installing aiosmtpd $AIOSMTPD_VERSION (PyPI), the SMTP server the tests send mail to"
    python3 -m pip install --quiet "aiosmtpd==$AIOSMTPD_VERSION"
  fi
  if [[ ! -d "$ROOT/end2end/node_modules/@playwright/test" || ! -d "$ROOT/end2end/node_modules/vnu-jar" ]]; then
    say "Installing Playwright and the Nu HTML Checker (npm, end2end/)"
    (cd "$ROOT/end2end" && npm ci --no-audit --no-fund >/dev/null)
  fi
fi
