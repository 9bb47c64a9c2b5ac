#!/usr/bin/env bash
# Lighthouse (mobile) on the signed-in home feed of the small seeded organization, in Debian's
# Chromium: prints the performance, accessibility and best-practices scores, the page metrics,
# and every audit that did not pass (see BENCHMARKS.md for the targets).
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$ROOT"

LIGHTHOUSE_VERSION=12.2.3 # 13 needs a newer Node.js
PORT="${LIGHTHOUSE_PORT:-3400}"
BASE="http://127.0.0.1:$PORT"
WORK="$(mktemp -d /tmp/commons-lighthouse.XXXXXX)"
# Seeded photos and uploads go with the rest of the run, not into the checkout.
export COMMONS_MEDIA_DIR="$WORK/media"

"$ROOT/scripts/tools.sh" --test
[[ -x "$COMMONS_BIN" && -d "$SITE_ROOT/pkg" ]] || "$ROOT/scripts/build.sh"
if [[ ! -x "$COMMONS_CACHE/lighthouse/node_modules/.bin/lighthouse" ]]; then
  say "Installing Lighthouse $LIGHTHOUSE_VERSION (npm)"
  mkdir -p "$COMMONS_CACHE/lighthouse"
  npm install --prefix "$COMMONS_CACHE/lighthouse" --no-audit --no-fund "lighthouse@$LIGHTHOUSE_VERSION" >/dev/null
fi

DB_URL="sqlite://$WORK/commons.db?mode=rwc"
say "Seeding the small organization"
"$COMMONS_BIN" seed --small --database-url "$DB_URL" | tail -1
"$COMMONS_BIN" --bind "127.0.0.1:$PORT" --database-url "$DB_URL" --site-root "$SITE_ROOT" \
  >"$WORK/server.log" 2>&1 &
SERVER_PID=$!
trap 'kill $SERVER_PID 2>/dev/null || true; wait $SERVER_PID 2>/dev/null || true; rm -rf "$WORK"' EXIT
until curl -sf "$BASE/healthz" >/dev/null; do sleep 0.05; done
TOKEN=$(sign_in_seeded_admin "$BASE" "$WORK/jar")

say "Lighthouse, mobile, signed-in home feed"
CHROME_PATH=/usr/bin/chromium "$COMMONS_CACHE/lighthouse/node_modules/.bin/lighthouse" "$BASE/" \
  --quiet --output=json --output-path="$WORK/report.json" \
  --only-categories=performance,accessibility,best-practices \
  --extra-headers="{\"Cookie\":\"commons_session=$TOKEN\"}" \
  --chrome-flags="--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run"

node -e '
const report = require(process.argv[1]);
for (const [id, category] of Object.entries(report.categories)) console.log(`${id}: ${category.score}`);
for (const id of ["first-contentful-paint", "largest-contentful-paint", "total-blocking-time",
                  "cumulative-layout-shift", "speed-index"])
  console.log(`  ${report.audits[id].title}: ${report.audits[id].displayValue}`);
const failed = Object.values(report.audits).filter((a) => a.score !== null && a.score < 1 &&
  ["binary", "numeric", "metricSavings"].includes(a.scoreDisplayMode));
for (const audit of failed) console.log(`  not passed: ${audit.title} (${audit.score})`);
' "$WORK/report.json"
