#!/usr/bin/env bash
# Runs the whole test suite: unit and integration tests, then the browser tests against the
# release build. Installs what is missing first.
#   scripts/test.sh              on SQLite
#   scripts/test.sh --postgres   on PostgreSQL (TEST_DATABASE_URL, default the local `test` database)
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$ROOT"

if [[ "${1:-}" == "--postgres" ]]; then
  export TEST_DATABASE_URL="${TEST_DATABASE_URL:-postgres://$(whoami)@127.0.0.1:5432/test}"
  export E2E_DATABASE=postgres BENCH_DATABASES=postgres
  DB_NAME="PostgreSQL"
else
  unset TEST_DATABASE_URL E2E_DATABASE
  export BENCH_DATABASES=sqlite
  DB_NAME="SQLite"
fi

"$ROOT/scripts/tools.sh" --test

# A real SMTP server for the mail the tests send; every message lands in a Maildir, where the
# tests read it back (server/tests/integration/mailbox.rs, end2end/support/mail.js).
MAIL_ROOT="$(mktemp -d)"
SMTP_PORT="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
say "Starting an SMTP server for the tests (aiosmtpd on 127.0.0.1:$SMTP_PORT)"
python3 -m aiosmtpd -n -l "127.0.0.1:$SMTP_PORT" -c aiosmtpd.handlers.Mailbox "$MAIL_ROOT/maildir" &
SMTP_PID=$!
trap 'kill "$SMTP_PID" 2>/dev/null || true; rm -rf "$MAIL_ROOT"' EXIT
for _ in $(seq 1 50); do
  python3 -c "import socket; socket.create_connection(('127.0.0.1', $SMTP_PORT), 1)" 2>/dev/null && break
  sleep 0.2
done
export COMMONS_TEST_SMTP_URL="smtp://127.0.0.1:$SMTP_PORT?tls=none"
export COMMONS_TEST_MAILDIR="$MAIL_ROOT/maildir"

say "Unit tests (app, both feature sets) and integration tests (server) on $DB_NAME"
# Release profile: shares every compiled dependency with the release build below.
cargo test --release -p app --features ssr --lib
cargo test --release -p server --lib
cargo test --release -p server --test integration

"$ROOT/scripts/build.sh"

say "Browser tests (Chromium, with WebAssembly and with JavaScript off) on $DB_NAME"
(cd "$ROOT/end2end" && COMMONS_BIN="$COMMONS_BIN" COMMONS_SITE_ROOT="$SITE_ROOT" npx playwright test)

say "Benchmark smoke run (tiny dataset) on $DB_NAME"
"$ROOT/scripts/bench.sh" --smoke
