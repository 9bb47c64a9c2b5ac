#!/usr/bin/env bash
# Runs Commons on SQLite at http://127.0.0.1:3000 (data in ./data), installing and building
# what is missing first. Extra arguments go to the server (see `commons --help`).
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$ROOT"

"$ROOT/scripts/tools.sh"
"$ROOT/scripts/build.sh"
say "Starting Commons (Ctrl-C stops it)"
exec "$COMMONS_BIN" --site-root "$SITE_ROOT" --data-dir "$ROOT/data" "$@"
