#!/usr/bin/env bash
# The groups leak test at length: random organizations, groups and posts, every read path
# checked for every person (server/tests/integration/groups_leak.rs). The suite runs 3 cases;
# this runs 200 (or CASES), on SQLite, or on PostgreSQL with --postgres.
#   scripts/leak-test.sh [--postgres]          CASES=500 SEED=1000 scripts/leak-test.sh
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$ROOT"
if [[ "${1:-}" == "--postgres" ]]; then
  export TEST_DATABASE_URL="${TEST_DATABASE_URL:-postgres://$(whoami)@127.0.0.1:5432/test}"
fi
say "Leak test: ${CASES:-200} cases from seed ${SEED:-1}"
COMMONS_LEAK_CASES="${CASES:-200}" COMMONS_LEAK_SEED="${SEED:-1}" \
  cargo test --release -p server --test integration groups_leak -- --nocapture
