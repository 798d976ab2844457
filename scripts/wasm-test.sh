#!/usr/bin/env bash
# Runs the wasm-bindgen tests in one environment (node | chrome) and fails unless every test of
# tests/wasm_api.rs really ran: `wasm-pack test --headless --chrome` skips browser tests and
# still exits 0 unless WASM_BINDGEN_USE_BROWSER=1 (TOOLCHAIN.md), so the count is checked.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh

where=${1:?usage: wasm-test.sh node|chrome}
expected=$(grep -c '^#\[wasm_bindgen_test\]' tests/wasm_api.rs)
log=$(mktemp)
case "$where" in
  node) wasm-pack test --node -- --test wasm_api 2>&1 | tee "$log" ;;
  chrome) WASM_BINDGEN_USE_BROWSER=1 wasm-pack test --headless --chrome -- --test wasm_api 2>&1 | tee "$log" ;;
  *) echo "wasm-test: unknown environment $where" >&2; exit 64 ;;
esac
if ! grep -q "test result: ok. $expected passed; 0 failed" "$log"; then
  echo "wasm-test ($where): expected 'test result: ok. $expected passed' — the tests did not all run" >&2
  exit 1
fi
echo "wasm-test ($where): $expected of $expected tests ran and passed"
