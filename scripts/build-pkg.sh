#!/usr/bin/env bash
# Builds the npm package into pkg/: the binding crate's release wasm (a cdylib, LTO on), wasm-bindgen
# glue for ES modules, wasm-opt -Oz (binaryen 132), the entry point and package.json.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh

TARGET_WASM=target/wasm32-unknown-unknown/release/finadvice_wasm.wasm
VERSION=$(awk -F'"' '/^version = / { print $2; exit }' Cargo.toml)

echo "== build: release wasm (crates/finadvice-wasm)"
cargo build --locked --release --target wasm32-unknown-unknown -p finadvice-wasm

echo "== build: wasm-bindgen --target web"
rm -rf pkg
wasm-bindgen --target web --out-dir pkg --out-name finadvice "$TARGET_WASM"

echo "== build: wasm-opt -Oz"
# The release profile keeps the target_features section (no `strip`), so wasm-bindgen and
# wasm-opt both see which features the module uses; wasm-opt drops the name, producers and
# features sections on output (no -g), which is what `strip = true` would have saved.
# --one-caller-inline-max-function-size: at -Oz binaryen inlines every function that has one
# caller, whatever its size, which merges read_input, the whole report and its JSON serialization
# into one ~37 KB `advise` export that V8 finds hot during the first advise and recompiles whole
# with TurboFan on a background thread (~100 ms of CPU on a 2-core machine, competing with the
# page). Capped, large single-caller functions stay functions of their own, and the module is
# ~6 KB smaller gzipped (benches/RESULTS.md, history: "cold2").
"$WASM_OPT" -Oz --one-caller-inline-max-function-size=200 --detect-features --strip-debug --strip-producers --strip-target-features \
  pkg/finadvice_bg.wasm -o pkg/finadvice_bg.opt.wasm
mv pkg/finadvice_bg.opt.wasm pkg/finadvice_bg.wasm

echo "== build: memory snapshot (default model and rule pack prepared)"
# scripts/snapshot.mjs rewrites the module so that it starts with the default model's plan and
# the default rule pack already prepared (a faster cold start). The module before the snapshot is kept for
# tests/npm/snapshot.test.mjs, which compares the two.
mkdir -p target/snapshot
cp pkg/finadvice_bg.wasm target/snapshot/finadvice_bg.presnapshot.wasm
node scripts/snapshot.mjs pkg/finadvice_bg.wasm

echo "== build: entry point (one bundled ES module) and package.json"
ERROR_MODULE=$(cd pkg && ls snippets/*/js/finadvice-error.js)
sed "s|__ERROR_MODULE__|./$ERROR_MODULE|" js/index.js > pkg/entry.js
# The entry, wasm-bindgen's glue and its snippets as one file: a page (or worker) importing the
# package fetches one module instead of five in three rounds of requests, ~20 ms of a cold page's
# start (benches/RESULTS.md, history: "bundled entry"). Rolldown keeps the
# glue's `new URL('finadvice_bg.wasm', import.meta.url)`, which bundlers understand, and the
# Node-only import stays external. The separate files move to target/glue/ (not shipped).
node_modules/.bin/rolldown pkg/entry.js --format esm --platform neutral --external node:fs/promises \
  --logLevel warn -o pkg/index.js
rm -rf target/glue && mkdir -p target/glue && mv pkg/entry.js pkg/finadvice.js pkg/snippets target/glue/
cp js/index.d.ts pkg/index.d.ts
# TypeScript declarations generated from the Rust types (cargo test --lib writes js/types/).
mkdir -p pkg/types
for f in js/types/*.ts; do cp "$f" "pkg/types/$(basename "$f" .ts).d.ts"; done
for f in js/types/*.ts; do n=$(basename "$f" .ts); echo "export type { $n } from './$n.js';"; done > pkg/types/index.d.ts
mkdir -p pkg/element && cp js/element/* pkg/element/
cp js/README.md pkg/README.md
cp LICENSE pkg/
node scripts/third-party-licenses.mjs pkg/THIRD-PARTY-LICENSES.md
cat > pkg/package.json <<JSON
{
  "name": "finadvice",
  "version": "$VERSION",
  "description": "Personalized financial advice computed entirely in the browser: WebAssembly, no server, no data leaves the device.",
  "license": "MIT",
  "type": "module",
  "main": "./index.js",
  "module": "./index.js",
  "types": "./index.d.ts",
  "exports": {
    ".": { "types": "./index.d.ts", "default": "./index.js" },
    "./element": { "types": "./element/fin-advice.d.ts", "default": "./element/fin-advice.js" },
    "./element/fin-advice.css": "./element/fin-advice.css",
    "./finadvice_bg.wasm": "./finadvice_bg.wasm",
    "./package.json": "./package.json"
  },
  "files": ["index.js", "index.d.ts", "finadvice.d.ts", "finadvice_bg.wasm", "finadvice_bg.wasm.d.ts", "element/", "types/", "README.md", "LICENSE", "THIRD-PARTY-LICENSES.md"],
  "sideEffects": ["./element/fin-advice.js"],
  "engines": { "node": ">=20" },
  "keywords": ["finance", "budget", "advice", "webassembly", "privacy", "onnx"]
}
JSON
ls -l pkg/finadvice_bg.wasm
