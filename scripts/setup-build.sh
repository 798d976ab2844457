#!/usr/bin/env bash
# Installs what building the package and serving the demo need (scripts/run.sh): the wasm target,
# wasm-bindgen-cli and the npm packages (binaryen's wasm-opt, rolldown). scripts/setup.sh adds the
# test tools. Registries only; idempotent: each tool is skipped when it is already present at the
# right version, so a second run takes seconds. See docs/TOOLCHAIN.md for the measured commands
# and their traps.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh

BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/"/, "", $3); print $3 }' Cargo.lock)
[ -n "$BINDGEN_VERSION" ] || { echo "setup: wasm-bindgen not found in Cargo.lock" >&2; exit 1; }

step() { printf '\n== setup: %s\n' "$*"; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  step "rust target wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

# Exactly Cargo.lock's version, and without --locked (TOOLCHAIN.md: --locked wants a webpki-roots
# version the mirror lacks).
if [ "$(wasm-bindgen --version 2>/dev/null || true)" != "wasm-bindgen $BINDGEN_VERSION" ]; then
  step "wasm-bindgen-cli $BINDGEN_VERSION (~2.5 min)"
  cargo install wasm-bindgen-cli --version "$BINDGEN_VERSION" --force
fi

# npm tools (binaryen 132's wasm-opt — never Debian's binaryen 108, which breaks the module —
# and playwright-core, which drives Debian's chromium and never downloads a browser).
if ! cmp -s package-lock.json node_modules/.finadvice-lock 2>/dev/null; then
  step "npm packages"
  npm ci --no-audit --no-fund
  cp package-lock.json node_modules/.finadvice-lock
fi

step "build tools ready: $(wasm-bindgen --version), wasm-opt $("$WASM_OPT" --version | awk '{print $3}')"
