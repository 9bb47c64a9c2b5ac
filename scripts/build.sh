#!/usr/bin/env bash
# Builds the release server and the size-optimized WebAssembly (with the parts only lazy
# islands and functions use split off into their own files), and precompresses the assets.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$ROOT"

say "Building Commons (release: server, WebAssembly, CSS)"
cargo leptos build --release --split
say "Precompressing assets (brotli, gzip)"
node scripts/precompress.mjs "$SITE_ROOT/pkg"
