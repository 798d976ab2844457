#!/usr/bin/env bash
# Builds the package a second time with WebAssembly SIMD (`-C target-feature=+simd128`, which
# tract-linalg's wasm kernels and LLVM's auto-vectorizer use) into target/pkg-simd/, then compares
# it with pkg/ in Node: size, model load, categorize 10,000 rows, advise (benches/simd.mjs).
# The SIMD build has its own target dir (target/simd) so pkg/'s build stays cached.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
[ -f pkg/finadvice_bg.wasm ] || bash scripts/build-pkg.sh
SIMD_TARGET_DIR=${SIMD_TARGET_DIR:-target/simd}
CARGO_TARGET_DIR="$SIMD_TARGET_DIR" RUSTFLAGS="-C target-feature=+simd128" \
  cargo rustc --lib --release --target wasm32-unknown-unknown --crate-type cdylib
rm -rf target/pkg-simd && cp -r pkg target/pkg-simd
wasm-bindgen --target web --out-dir target/pkg-simd --out-name finadvice \
  "$SIMD_TARGET_DIR/wasm32-unknown-unknown/release/finadvice.wasm"
"$WASM_OPT" -Oz --detect-features --strip-debug --strip-producers --strip-target-features \
  target/pkg-simd/finadvice_bg.wasm -o target/pkg-simd/finadvice_bg.opt.wasm
mv target/pkg-simd/finadvice_bg.opt.wasm target/pkg-simd/finadvice_bg.wasm
node benches/simd.mjs pkg target/pkg-simd
