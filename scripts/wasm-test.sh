#!/usr/bin/env bash
# Runs the binding crate's wasm-bindgen tests (crates/finadvice-wasm/src/tests/) in one environment (node | chrome | firefox) and fails unless
# every one of them really ran: `wasm-pack test --headless --chrome` skips browser tests and
# still exits 0 unless WASM_BINDGEN_USE_BROWSER=1 (TOOLCHAIN.md), so the count is checked.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh

where=${1:?usage: wasm-test.sh node|chrome|firefox}
TESTS=crates/finadvice-wasm/src/tests
expected=$(cat $TESTS/*.rs | grep -c '^#\[wasm_bindgen_test\]')
log=$(mktemp)
case "$where" in
  node) wasm-pack test --node crates/finadvice-wasm 2>&1 | tee "$log" ;;
  chrome) WASM_BINDGEN_USE_BROWSER=1 wasm-pack test --headless --chrome crates/finadvice-wasm 2>&1 | tee "$log" ;;
  # Debian's Firefox ESR (its /usr/bin/firefox) through geckodriver, both installed by scripts/setup.sh.
  # The runner's default 20 s for the whole run is too short for the debug module in Firefox on a
  # busy 2-core machine (its WebDriver poll times out while the tests hold the page's thread).
  firefox) WASM_BINDGEN_TEST_TIMEOUT=${WASM_BINDGEN_TEST_TIMEOUT:-300} WASM_BINDGEN_USE_BROWSER=1 \
    wasm-pack test --headless --firefox crates/finadvice-wasm 2>&1 | tee "$log" ;;
  *) echo "wasm-test: unknown environment $where" >&2; exit 64 ;;
esac
if grep -q "failed; " "$log" && grep "test result:" "$log" | grep -qv " 0 failed"; then
  echo "wasm-test ($where): a test failed" >&2
  exit 1
fi
ran=$(grep -o 'test result: ok\. [0-9]* passed' "$log" | awk '{ sum += $4 } END { print sum + 0 }')
if [ "$ran" != "$expected" ]; then
  echo "wasm-test ($where): $ran tests passed but $TESTS has $expected — they did not all run" >&2
  exit 1
fi
echo "wasm-test ($where): $expected of $expected tests ran and passed"
