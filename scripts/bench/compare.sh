#!/usr/bin/env bash
# Compares server builds on the signed-in home feed, alternating them so both see the same
# machine (a single run's throughput here is good to about ±15%, see BENCHMARKS.md).
#   scripts/bench/compare.sh BIN_A BIN_B ...     each on its own SQLite seed of BENCH_POSTS posts
# BENCH_ROUNDS rounds of BENCH_SECONDS of wrk at 32 clients per build, plain and with
# Accept-Encoding: br, gzip.
set -euo pipefail
source "$(dirname "$0")/../env.sh"
POSTS="${BENCH_POSTS:-100000}" ROUNDS="${BENCH_ROUNDS:-3}" SECONDS_PER_RUN="${BENCH_SECONDS:-8}"
WORK="$(mktemp -d /tmp/commons-compare.XXXXXX)"
PIDS=()
trap 'kill "${PIDS[@]}" 2>/dev/null || true; rm -rf "$WORK"' EXIT

n=0
for bin in "$@"; do
  n=$((n + 1))
  port=$((3200 + n))
  mkdir -p "$WORK/$n"
  url="sqlite://$WORK/$n/commons.db?mode=rwc"
  "$bin" seed --people 10000 --posts "$POSTS" --seed 1 --database-url "$url" >/dev/null
  "$bin" --bind "127.0.0.1:$port" --database-url "$url" --site-root "$SITE_ROOT" --no-rate-limits \
    >"$WORK/$n.log" 2>&1 &
  PIDS+=($!)
  until curl -sf "http://127.0.0.1:$port/healthz" >/dev/null; do sleep 0.01; done
  sign_in_seeded_admin "http://127.0.0.1:$port" "$WORK/$n.jar" >"$WORK/$n.token"
done

run() { # port token [header]
  wrk -t2 -c32 -d"${SECONDS_PER_RUN}s" -s "$ROOT/scripts/bench/report.lua" -H "Cookie: commons_session=$2" \
    -H "Accept: text/html" ${3:+-H "$3"} "http://127.0.0.1:$1/" | grep '^RESULT' |
    sed 's/.*rps=\([0-9]*\).*p99=\([0-9.]*\).*/\1 pages\/s, p99 \2 ms/'
}

for round in $(seq 1 "$ROUNDS"); do
  n=0
  for bin in "$@"; do
    n=$((n + 1))
    token=$(cat "$WORK/$n.token")
    echo "round $round  $(basename "$bin"): plain $(run $((3200 + n)) "$token");" \
      "compressed $(run $((3200 + n)) "$token" 'Accept-Encoding: br, gzip')"
  done
done
