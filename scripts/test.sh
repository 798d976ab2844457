#!/usr/bin/env bash
# Sets up the toolchain and runs every test: native (cargo test), wasm in Node and in headless
# Chromium and Firefox (wasm-pack test), the packed npm package imported from Node, and the demo page end to
# end in headless Chromium and Firefox. Then prints the size report against its budget.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
source scripts/env.sh

echo "== test: format (cargo fmt, prettier)"
cargo fmt --all --check
node_modules/.bin/prettier --check --log-level warn "**/*.{js,mjs,css,html}"

echo "== test: supply chain (cargo-deny, npm audit)"
bash scripts/supply-chain.sh
# vendor/tract-nnef and vendor/tract-onnx are the registry crates plus their patches/ and nothing else.
bash scripts/vendor-tract.sh --check

echo "== test: native (cargo test)"
cargo test --locked
# The TypeScript declarations are generated from the Rust types by the core's `cargo test --lib` (ts-rs):
# committed ones that differ from what the code generates mean the package would ship stale types.
if [ -n "$(git status --porcelain -- js/types)" ]; then
  echo "js/types/ is out of date: commit what cargo test generated" >&2
  git status --porcelain -- js/types >&2
  exit 1
fi

echo "== test: lints (cargo clippy, warnings are errors)"
cargo clippy --locked --all-targets -- -D warnings
cargo clippy --locked -p finadvice-wasm --target wasm32-unknown-unknown --all-targets -- -D warnings

# cargo fuzz (libFuzzer, coverage-guided) on the stable toolchain with `-s none`: the first build
# of the instrumented targets is most of its cost (~630 CPU-seconds). Seeds from the repository,
# a fixed libFuzzer seed so that the smoke explores the same way each time; any panic, timeout or
# OOM fails. `cargo test` above already compiled the coverage-blind harness (fuzz/harness/),
# which drives the same target functions. Longer runs: FUZZING.md.
echo "== test: fuzz smoke (cargo fuzz, 5 s per target)"
FUZZ_SEED=20261126 bash scripts/fuzz.sh 5

echo "== test: Python featurizer parity with the golden vectors (stdlib only, seconds)"
python3 training/test_featurize.py

echo "== test: wasm in Node"
bash scripts/wasm-test.sh node
echo "== test: wasm in headless Chromium"
bash scripts/wasm-test.sh chrome
echo "== test: wasm in headless Firefox"
bash scripts/wasm-test.sh firefox

echo "== test: build the npm package"
bash scripts/build-pkg.sh

echo "== test: npm import and browser end to end"
node --test tests/npm/ tests/e2e/

echo "== size report"
# Budget: the measured package plus 3% headroom (benches/RESULTS.md, "package size"): a change
# that grows the module past it must say why there.
node benches/size.mjs --budget-gzip 1457000
echo "== all tests passed"
