#!/usr/bin/env bash
# Benchmarks Commons on a seeded organization and prints a table (see BENCHMARKS.md).
#   scripts/bench.sh                 10,000 people, 1,000,000 posts, SQLite and PostgreSQL
#   scripts/bench.sh --smoke         a tiny dataset and one-second runs (part of the test suite)
# Sizes and databases: BENCH_PEOPLE, BENCH_POSTS, BENCH_DATABASES="sqlite postgres",
# BENCH_SECONDS (per load run), BENCH_FANOUT (stream clients), BENCH_IDLE (idle connections).
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$ROOT"

if [[ "${1:-}" == "--smoke" ]]; then
  PEOPLE=20 POSTS=300 SECONDS_PER_RUN=1 FANOUT=20 IDLE=50 PAGE=10
  DATABASES="${BENCH_DATABASES:-sqlite}"
else
  PEOPLE="${BENCH_PEOPLE:-10000}" POSTS="${BENCH_POSTS:-1000000}" SECONDS_PER_RUN="${BENCH_SECONDS:-10}"
  FANOUT="${BENCH_FANOUT:-1000}" IDLE="${BENCH_IDLE:-10000}" PAGE=1000
  DATABASES="${BENCH_DATABASES:-sqlite postgres}"
fi
export BENCH_DIR="$ROOT/scripts/bench"
PORT="${BENCH_PORT:-3100}"
BASE="http://127.0.0.1:$PORT"
export BENCH_ORIGIN="$BASE"
WORK="$(mktemp -d /tmp/commons-bench.XXXXXX)"
ulimit -n 65536 2>/dev/null || true

"$ROOT/scripts/tools.sh" --test
[[ -x "$COMMONS_BIN" && -d "$SITE_ROOT/pkg" ]] || "$ROOT/scripts/build.sh"

SERVER_PID=""
stop_server() {
  if [[ -n "$SERVER_PID" ]]; then
    kill "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
  fi
  SERVER_PID=""
}
trap 'stop_server; rm -rf "$WORK"' EXIT

rss_mb() { awk '/VmRSS/ { printf "%.1f", $2 / 1024 }' "/proc/$SERVER_PID/status"; }

# Starts the server; HEALTHY_MS is the time from start to a healthy /healthz.
start_server() {
  local started=$(date +%s%N)
  "$COMMONS_BIN" --bind "127.0.0.1:$PORT" --database-url "$DB_URL" --site-root "$SITE_ROOT" \
    --no-rate-limits >"$WORK/server.log" 2>&1 &
  SERVER_PID=$!
  until curl -sf "$BASE/healthz" >/dev/null; do
    kill -0 "$SERVER_PID" 2>/dev/null || { cat "$WORK/server.log" >&2; exit 1; }
    sleep 0.005
  done
  HEALTHY_MS=$(( ($(date +%s%N) - started) / 1000000 ))
}

load() { # name connections path [script]
  local script="${4:-$BENCH_DIR/report.lua}"
  local line
  line=$(wrk -t"$(( $2 < 2 ? 1 : 2 ))" -c"$2" -d"${SECONDS_PER_RUN}s" -s "$script" -H "Cookie: commons_session=$TOKEN" \
    -H "Accept: text/html" "$BASE$3" | grep '^RESULT')
  printf '| %-34s | %5s | %8s | %7s | %7s | %7s |\n' "$1" "$2" \
    "$(sed 's/.*rps=\([0-9]*\).*/\1/' <<<"$line")" "$(sed 's/.*p50=\([0-9.]*\).*/\1/' <<<"$line")" \
    "$(sed 's/.*p95=\([0-9.]*\).*/\1/' <<<"$line")" "$(sed 's/.*p99=\([0-9.]*\).*/\1/' <<<"$line")"
  grep -q 'errors=0' <<<"$line" || echo "  (errors: $line)"
}

echo "# Commons benchmark"
echo "machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), $(uname -m); commit $(git rev-parse --short HEAD 2>/dev/null || echo unknown); $(date -u +%Y-%m-%d)"
echo "dataset: $PEOPLE people, $POSTS posts (commons seed --seed 1)"

say "Asset sizes (first load)"
ASSETS_BROTLI=0
for file in "$SITE_ROOT"/pkg/*.{wasm,js,css}; do
  printf '%-48s raw %8d  gzip %8d  brotli %8d\n' "$(basename "$file")" "$(stat -c%s "$file")" \
    "$(stat -c%s "$file.gz")" "$(stat -c%s "$file.br")"
  ASSETS_BROTLI=$(( ASSETS_BROTLI + $(stat -c%s "$file.br") ))
done

for DB in $DATABASES; do
  case "$DB" in
    sqlite) DB_URL="sqlite://$WORK/sqlite/commons.db?mode=rwc"; mkdir -p "$WORK/sqlite" ;;
    postgres)
      PG_DB="commons_bench_$$"
      psql -h 127.0.0.1 -d test -qc "CREATE DATABASE $PG_DB" >/dev/null
      DB_URL="postgres://$(whoami)@127.0.0.1:5432/$PG_DB" ;;
  esac
  say "$DB: seeding"
  "$COMMONS_BIN" seed --people "$PEOPLE" --posts "$POSTS" --seed 1 --database-url "$DB_URL" | tail -2

  start_server
  IDLE_RSS=$(rss_mb)
  TOKEN=$(sign_in_seeded_admin "$BASE" "$WORK/jar")
  CURSOR=$(node "$BENCH_DIR/cursor.mjs" "$BASE" "$TOKEN" "$PAGE")
  POST_ID=$(curl -s -b "$WORK/jar" "$BASE/api/home_feed" | grep -o '"id":[0-9]*' | head -1 | cut -d: -f2)
  # What the load below measures must be the real page: a full first page of posts
  # (posts::model::PAGE_SIZE), not a sign-in or error page.
  curl -s -b "$WORK/jar" -H 'Accept: text/html' "$BASE/" >"$WORK/home.html"
  HOME_POSTS=$(grep -o '<article' "$WORK/home.html" | wc -l)
  if (( HOME_POSTS != 20 )); then
    echo "the signed-in home page shows $HOME_POSTS posts, not 20: not benchmarking it" >&2
    exit 1
  fi
  HOME_BYTES=$(stat -c%s "$WORK/home.html")

  echo
  echo "## $DB"
  echo "start to healthy: ${HEALTHY_MS} ms; memory idle: ${IDLE_RSS} MB"
  echo "first visit to the home page: HTML $HOME_BYTES bytes (sent uncompressed) + CSS, JS and" \
    "WebAssembly $ASSETS_BROTLI bytes (brotli) = $(( (HOME_BYTES + ASSETS_BROTLI) / 1024 )) KiB"
  echo
  echo "| request                            | conns |  req/s   | p50 ms  | p95 ms  | p99 ms  |"
  echo "|------------------------------------|-------|----------|---------|---------|---------|"
  for c in 1 8 32; do load "home feed (signed in)" "$c" "/"; done
  load "home feed, page $PAGE by cursor" 32 "/?before=$CURSOR"
  load "post permalink" 32 "/posts/$POST_ID"
  load "profile (most active person)" 32 "/people/admin"
  load "create post (durable commit)" 8 "/api/create_post" "$BENCH_DIR/create_post.lua"
  echo
  echo "memory after load: $(rss_mb) MB"
  node "$BENCH_DIR/fanout.mjs" "$BASE" "$TOKEN" "$FANOUT" 5 | sed 's/^RESULT /live fan-out (ms from ack to every client): /'
  BEFORE=$(rss_mb)
  coproc IDLE_CLIENTS { node "$BENCH_DIR/idle.mjs" "$BASE" "$TOKEN" "$IDLE"; }
  read -r OPENED <&"${IDLE_CLIENTS[0]}"
  sleep 1
  echo "idle streams: ${OPENED#OPEN } open, server memory ${BEFORE} MB -> $(rss_mb) MB"
  exec {IDLE_CLIENTS[1]}>&-
  wait "$IDLE_CLIENTS_PID" 2>/dev/null || true
  stop_server
  if [[ "$DB" == postgres ]]; then
    psql -h 127.0.0.1 -d test -qc "DROP DATABASE IF EXISTS $PG_DB WITH (FORCE)" >/dev/null
  fi
done
