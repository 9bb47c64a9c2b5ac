#!/usr/bin/env bash
# Benchmarks Commons on a seeded organization and prints a table (see BENCHMARKS.md).
#   scripts/bench.sh                 10,000 people, 1,000,000 posts, SQLite and PostgreSQL
#   scripts/bench.sh --smoke         a tiny dataset and one-second runs (part of the test suite)
# Sizes and databases: BENCH_PEOPLE, BENCH_POSTS, BENCH_DATABASES="sqlite postgres",
# BENCH_SECONDS (per load run), BENCH_FANOUT (stream clients), BENCH_IDLE (idle connections),
# BENCH_MIXED_STREAMS (open streams in the mixed load), BENCH_MIXED_SECONDS (per mixed-load run,
# 40 by default: one 10 s run's reads can differ from the next by ±10%). COMMONS_BIN picks
# another build.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$ROOT"

if [[ "${1:-}" == "--smoke" ]]; then
  PEOPLE=20 POSTS=300 SECONDS_PER_RUN=1 FANOUT=20 IDLE=50 PAGE=10 MIXED_STREAMS=50 MIXED_SECONDS=1
  DATABASES="${BENCH_DATABASES:-sqlite}"
else
  PEOPLE="${BENCH_PEOPLE:-10000}" POSTS="${BENCH_POSTS:-1000000}" SECONDS_PER_RUN="${BENCH_SECONDS:-10}"
  FANOUT="${BENCH_FANOUT:-1000}" IDLE="${BENCH_IDLE:-10000}" PAGE=1000
  MIXED_STREAMS="${BENCH_MIXED_STREAMS:-2000}" MIXED_SECONDS="${BENCH_MIXED_SECONDS:-40}"
  DATABASES="${BENCH_DATABASES:-sqlite postgres}"
fi
export BENCH_DIR="$ROOT/scripts/bench"
PORT="${BENCH_PORT:-3100}"
BASE="http://127.0.0.1:$PORT"
export BENCH_ORIGIN="$BASE"
WORK="$(mktemp -d /tmp/commons-bench.XXXXXX)"
# Seeded photos and uploads go with the rest of the run, not into the checkout.
export COMMONS_MEDIA_DIR="$WORK/media"
ulimit -n 65536 2>/dev/null || true

"$ROOT/scripts/tools.sh" --test
[[ -x "$COMMONS_BIN" && -d "$SITE_ROOT/pkg" ]] || "$ROOT/scripts/build.sh"
# Open streams are held by a small Rust client (server/examples/hold_streams.rs says why).
say "Building the benchmark's stream client (server/examples/hold_streams.rs)"
cargo build --release --quiet -p server --example hold_streams
HOLD_STREAMS="$CARGO_TARGET_DIR/release/examples/hold_streams"

SERVER_PID=""
OTHER_PID=""
stop_server() {
  for pid in "$SERVER_PID" "$OTHER_PID"; do
    if [[ -n "$pid" ]]; then
      kill "$pid" 2>/dev/null || true
      wait "$pid" 2>/dev/null || true
    fi
  done
  SERVER_PID="" OTHER_PID=""
}
CEILING_FILE="$SITE_ROOT/pkg/bench-home.html"
# On a failure, what the server logged that was not routine, then the cleanup.
finish() {
  local status=$?
  if (( status != 0 )); then
    for log in "$WORK"/*.log; do
      [[ -f "$log" ]] || continue
      echo "--- $(basename "$log"): warnings and errors" >&2
      sed 's/\x1b\[[0-9;]*m//g' "$log" | grep -E ' (WARN|ERROR) |panicked' | tail -20 >&2 || true
    done
  fi
  stop_server
  rm -rf "$WORK" "$CEILING_FILE"
}
trap finish EXIT

# CPU time (user + system, in clock ticks) a process has used so far.
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
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

# One wrk run: prints its RESULT line. EXTRA_HEADER adds a header (e.g. Accept-Encoding).
wrk_run() { # connections path [script]
  local script="${3:-$BENCH_DIR/report.lua}"
  wrk -t"$(( $1 < 2 ? 1 : 2 ))" -c"$1" -d"${SECONDS_PER_RUN}s" -s "$script" -H "Cookie: commons_session=$TOKEN" \
    -H "Accept: text/html" ${EXTRA_HEADER:+-H "$EXTRA_HEADER"} "$BASE$2" | grep '^RESULT'
}

field() { sed "s/.*$1=\([0-9.]*\).*/\1/" <<<"$2"; }

load() { # name connections path [script]
  local line
  line=$(wrk_run "$2" "$3" "${4:-}")
  printf '| %-34s | %5s | %8s | %7s | %7s | %7s |\n' "$1" "$2" \
    "$(field rps "$line")" "$(field p50 "$line")" "$(field p95 "$line")" "$(field p99 "$line")"
  grep -q 'errors=0' <<<"$line" || echo "  (errors: $line)"
}

# Opens N live streams held by the stream client until close_streams; sets OPENED and
# STREAMS_PID. The client reads its stdin from a pipe kept open here, and ends when it closes.
open_streams() { # N
  rm -f "$WORK/streams.in" && mkfifo "$WORK/streams.in"
  "$HOLD_STREAMS" "$BASE" "$TOKEN" "$1" <"$WORK/streams.in" >"$WORK/streams.out" &
  STREAMS_PID=$!
  exec {STREAMS_IN}>"$WORK/streams.in"
  until grep -q '^OPEN' "$WORK/streams.out"; do
    kill -0 "$STREAMS_PID" 2>/dev/null || { echo "the stream client failed" >&2; exit 1; }
    sleep 0.1
  done
  OPENED=$(sed -n 's/^OPEN //p' "$WORK/streams.out")
}

# Closes the streams; STREAMS_READ says how many messages they got while open.
close_streams() {
  exec {STREAMS_IN}>&-
  wait "$STREAMS_PID" || true
  STREAMS_READ=$(sed -n 's/^READ //p' "$WORK/streams.out")
}

# A busy morning: 16 clients reading the feed and 4 posting at the same time.
mixed() { # label
  local reads writes
  SECONDS_PER_RUN=$MIXED_SECONDS wrk_run 4 "/api/create_post" "$BENCH_DIR/create_post.lua" >"$WORK/writes" &
  local writers=$!
  reads=$(SECONDS_PER_RUN=$MIXED_SECONDS wrk_run 16 "/")
  wait "$writers"
  writes=$(cat "$WORK/writes")
  echo "mixed load, $1: feed $(field rps "$reads") pages/s (p99 $(field p99 "$reads") ms)," \
    "posts $(field rps "$writes")/s (p99 $(field p99 "$writes") ms)"
}

echo "# Commons benchmark"
echo "machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), $(uname -m); commit $(git rev-parse --short HEAD 2>/dev/null || echo unknown); $(date -u +%Y-%m-%d)"
echo "dataset: $PEOPLE people, $POSTS posts (commons seed --seed 1)"

say "Asset sizes (first load; split-off WebAssembly loads only with the islands that need it)"
ASSETS_BROTLI=0
for file in "$SITE_ROOT"/pkg/*.{wasm,js,css}; do
  name="$(basename "$file")"
  # The parts only lazy islands and lazy functions use (server/src/assets.rs, is_split_off):
  # a first visit to the home page runs neither, so it does not fetch them.
  case "$name" in split_*.wasm | chunk_*.wasm) part="later" ;; *) part="first" ;; esac
  printf '%-48s %-5s raw %8d  gzip %8d  brotli %8d\n' "${name:0:48}" "$part" "$(stat -c%s "$file")" \
    "$(stat -c%s "$file.gz")" "$(stat -c%s "$file.br")"
  if [[ "$part" == first ]]; then
    ASSETS_BROTLI=$(( ASSETS_BROTLI + $(stat -c%s "$file.br") ))
  fi
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
  "$COMMONS_BIN" seed --people "$PEOPLE" --posts "$POSTS" --seed 1 --database-url "$DB_URL" >"$WORK/seed.log"
  tail -3 "$WORK/seed.log"
  # The post with the most comments (the seed's long tail: hundreds).
  LONGEST=$(sed -n 's|^longest conversation: /posts/\([0-9]*\) .*|\1|p' "$WORK/seed.log")
  LONGEST_COMMENTS=$(sed -n 's|^longest conversation: .* (\([0-9]*\) comments)|\1|p' "$WORK/seed.log")
  # The administrator's group with the most members (the seed's sizes run from 3 to 3,000).
  LARGEST_GROUP=$(sed -n 's|^largest group of the administrator.s: /groups/\([0-9]*\) .*|\1|p' "$WORK/seed.log")
  # A post edited several times (the seed edits about one in a hundred).
  EDITED=$(sed -n 's|^an edited post: /history/post-\([0-9]*\)$|\1|p' "$WORK/seed.log")

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
  # Someone in the directory with a photo (about a third of the seeded people have one).
  read -r PHOTO_HANDLE PHOTO_ID < <(curl -s -b "$WORK/jar" -H 'Accept: application/json' \
    "$BASE/api/search_people?q=" | node -e '
      // Ids are 64-bit: read as text, since a JavaScript number would round them.
      const found = require("fs").readFileSync(0, "utf8").match(/"handle":"([^"]+)"[^{}]*?"photo":(\d+)/);
      if (!found) { console.error("no seeded person with a photo on the first directory page"); process.exit(1); }
      console.log(found[1], found[2]);')
  [[ -n "$PHOTO_HANDLE" && -n "$PHOTO_ID" ]] || { echo "no photo to benchmark" >&2; exit 1; }
  HOME_BROTLI=$(curl -s -b "$WORK/jar" -H 'Accept: text/html' -H 'Accept-Encoding: br' "$BASE/" | wc -c)

  echo
  echo "## $DB"
  echo "start to healthy: ${HEALTHY_MS} ms; memory idle: ${IDLE_RSS} MB"
  echo "first visit to the home page: HTML $HOME_BROTLI bytes as sent (brotli; $HOME_BYTES raw) + CSS," \
    "JS and WebAssembly $ASSETS_BROTLI bytes (brotli) = $(( (HOME_BROTLI + ASSETS_BROTLI) / 1024 )) KiB"
  echo
  echo "| request                            | conns |  req/s   | p50 ms  | p95 ms  | p99 ms  |"
  echo "|------------------------------------|-------|----------|---------|---------|---------|"
  # A reload before anything changed is sent the kept page (server/src/page_cache.rs); the
  # second row makes every page afresh, as after any change or on a first visit.
  for c in 1 8 32; do load "home feed (signed in)" "$c" "/"; done
  load "home feed, each page made afresh" 32 "/" "$BENCH_DIR/made_each_time.lua"
  load "home feed, page $PAGE by cursor" 32 "/?before=$CURSOR"
  load "post permalink" 32 "/posts/$POST_ID"
  load "profile (most active person)" 32 "/people/admin"
  load "profile with photo and org chart" 32 "/people/$PHOTO_HANDLE"
  load "photo, 64 px (cached by browsers)" 32 "/media/$PHOTO_ID/64.jpg"
  # The administrator follows 500 people (commons seed).
  load "Following feed (follows 500)" 32 "/?view=following"
  # The directory: a two-letter prefix matches many people (the costly case), as answered to
  # the search box as one types, and as the page.
  EXTRA_HEADER="Accept: application/json" load "directory search, answer (\"ma\")" 8 \
    "/api/search_people?q=ma"
  load "directory search, page (\"ma\")" 8 "/people?q=ma"
  load "create post (durable commit)" 8 "/api/create_post" "$BENCH_DIR/create_post.lua"
  if [[ -n "$LONGEST" ]]; then
    load "permalink, $LONGEST_COMMENTS comments (first page)" 32 "/posts/$LONGEST"
  fi
  if [[ -n "$EDITED" ]]; then
    load "edit history (seeded edits)" 32 "/history/post-$EDITED"
  fi
  # The administrator's new followers (the seed notifies everyone followed).
  load "notifications page" 32 "/notifications"
  # An organization-wide topic (the seed tags about one post in 150 #wins).
  load "topic page (#wins)" 32 "/topics/wins"
  load "topics index (last 30 days)" 32 "/topics"
  # The administrator belongs to 50 of the seed's groups, so the home feed above reads 52
  # audiences; these read one group, the directory and the questions.
  if [[ -n "$LARGEST_GROUP" ]]; then
    load "group page (admin's largest)" 32 "/groups/$LARGEST_GROUP"
  fi
  load "groups directory" 32 "/groups"
  load "groups directory search (\"de\")" 32 "/groups?q=de"
  load "questions (all)" 32 "/questions"
  load "questions (unanswered)" 32 "/questions?filter=unanswered"
  EXTRA_HEADER="Accept: application/json" load "mention suggestions (\"ma\")" 32 \
    "/api/mention_candidates?q=ma"
  export BENCH_POST_ID="$POST_ID"
  load "comment (durable commit)" 8 "/api/create_comment" "$BENCH_DIR/create_comment.lua"
  load "reaction changes, one post" 32 "/api/set_reaction" "$BENCH_DIR/react.lua"
  EXTRA_HEADER="Accept-Encoding: br, gzip" load "home feed, compressed" 32 "/"
  echo
  echo "memory after load: $(rss_mb) MB"

  # The ceiling: the same page's bytes served as a static file by the same server, alternated
  # with the page itself so both see the same machine.
  cp "$WORK/home.html" "$CEILING_FILE"
  PAGE_RPS=0 FILE_RPS=0
  for _ in 1 2 3; do
    PAGE_RPS=$(( PAGE_RPS + $(field rps "$(wrk_run 32 "/")") ))
    FILE_RPS=$(( FILE_RPS + $(field rps "$(wrk_run 32 "/pkg/bench-home.html")") ))
  done
  echo "ceiling: home page $(( PAGE_RPS / 3 )) pages/s, its bytes as a static file $(( FILE_RPS / 3 ))/s:" \
    "$(( 100 * PAGE_RPS / (FILE_RPS > 0 ? FILE_RPS : 1) ))%"
  rm -f "$CEILING_FILE"

  mixed "no open streams"
  open_streams "$MIXED_STREAMS"
  CLIENT_TICKS=$(cpu_ticks "$STREAMS_PID")
  mixed "$OPENED open streams"
  CLIENT_TICKS=$(( $(cpu_ticks "$STREAMS_PID") - CLIENT_TICKS ))
  close_streams
  # The stream client shares the cores with the server and wrk: say what it took.
  echo "  (the streams got $STREAMS_READ; their client used" \
    "$(( CLIENT_TICKS * 100 / $(getconf CLK_TCK) / MIXED_SECONDS ))% of a core)"
  # Again without: one run's reads can differ from the next's with or without streams, so
  # compare the streams' run with the runs on either side of it.
  mixed "no open streams, again"

  WRITES=$(node "$BENCH_DIR/writers_fanout.mjs" "$TOKEN" "$FANOUT" 8 "$SECONDS_PER_RUN" "$BASE")
  echo "live fan-out while 8 write (ms from ack to every client): ${WRITES#RESULT }"
  # Under load no write may be refused, and every acknowledged one reaches every client.
  if [[ "$WRITES" != *" failed_writes=0 lost=0 "* ]]; then
    echo "writes were refused or lost under load" >&2
    exit 1
  fi
  if [[ "$DB" == postgres ]]; then
    OTHER_PORT=$(( PORT + 1 ))
    "$COMMONS_BIN" --bind "127.0.0.1:$OTHER_PORT" --database-url "$DB_URL" --site-root "$SITE_ROOT" \
      --no-rate-limits >"$WORK/other.log" 2>&1 &
    OTHER_PID=$!
    until curl -sf "http://127.0.0.1:$OTHER_PORT/healthz" >/dev/null; do sleep 0.01; done
    node "$BENCH_DIR/writers_fanout.mjs" "$TOKEN" "$FANOUT" 8 "$SECONDS_PER_RUN" "$BASE" \
      "http://127.0.0.1:$OTHER_PORT" | sed 's/^RESULT /  the same over two processes: /'
    kill "$OTHER_PID"; wait "$OTHER_PID" 2>/dev/null || true; OTHER_PID=""
  fi
  node "$BENCH_DIR/fanout.mjs" "$BASE" "$TOKEN" "$FANOUT" 5 | sed 's/^RESULT /live fan-out (ms from ack to every client): /'
  BEFORE=$(rss_mb)
  open_streams "$IDLE"
  sleep 1
  echo "idle streams: $OPENED open, server memory ${BEFORE} MB -> $(rss_mb) MB"
  close_streams
  # Last, because it adds as many people again: a directory import the size of the organization.
  node "$BENCH_DIR/import.mjs" "$BASE" "$TOKEN" "$PEOPLE" | sed 's/^RESULT /directory import (ms): /'
  stop_server
  if [[ "$DB" == postgres ]]; then
    psql -h 127.0.0.1 -d test -qc "DROP DATABASE IF EXISTS $PG_DB WITH (FORCE)" >/dev/null
  fi
done
