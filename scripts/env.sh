# Shared settings for the scripts: where builds are cached, and the tool versions.
# Sourced, not run.

# Builds go to a cache outside the checkout, so a fresh clone (as in CI) starts warm.
export COMMONS_CACHE="${COMMONS_CACHE:-$HOME/.cache/commons}"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$COMMONS_CACHE/target}"
# Leptos bakes LEPTOS_OUTPUT_NAME in at compile time (option_env!). cargo-leptos sets it; setting
# it for plain `cargo test` too keeps the two from rebuilding each other's dependencies.
export LEPTOS_OUTPUT_NAME=commons
export PATH="$HOME/.cargo/bin:$COMMONS_CACHE/npm/node_modules/.bin:$PATH"

CARGO_LEPTOS_VERSION=0.3.10
BINARYEN_VERSION=132.0.0
AIOSMTPD_VERSION=1.4.6

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SITE_ROOT="$ROOT/target/site"
# The server binary; set it to benchmark another build.
COMMONS_BIN="${COMMONS_BIN:-$CARGO_TARGET_DIR/release/commons}"

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }

# The wasm-bindgen version the lock file uses; the CLI must match it exactly.
wasm_bindgen_version() {
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' "$ROOT/Cargo.lock"
}

# Signs in as the seeded administrator at BASE, keeping the cookie in JAR; prints the session token.
sign_in_seeded_admin() { # BASE JAR
  curl -s -c "$2" -H "Origin: $1" -H 'Accept: application/json' \
    --data-urlencode "email=admin@example.com" --data-urlencode "password=commons-demo-password" \
    "$1/api/sign_in" >/dev/null
  awk '$6 == "commons_session" { print $7 }' "$2"
}
