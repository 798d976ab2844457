#!/usr/bin/env bash
# Runs every benchmark and prints its table. Installs the anchors first (benches/node_modules).
# Record the output in benches/RESULTS.md with the date and the machine.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
[ -f pkg/finadvice_bg.wasm ] || bash scripts/build-pkg.sh
(cd benches && npm install --no-audit --no-fund --silent)
echo "## size ($(date -u +%F), $(nproc) cores, $(uname -m))"
node benches/size.mjs
echo
echo "## time to first advice (Chromium)"
node benches/page.mjs
echo "## what V8 compiles during the cold start (Chromium)"
node benches/page-tierup.mjs
echo "## rule engine speed ($(date -u +%F), $(nproc) cores, $(uname -m))"
node benches/rules.mjs
echo "## calculators ($(date -u +%F), $(nproc) cores, $(uname -m))"
node benches/calc.mjs
echo "## advise on the personas ($(date -u +%F), $(nproc) cores, $(uname -m))"
node benches/advise.mjs
echo "## categorizer: 10,000 rows, Chromium and Node, anchor onnxruntime-web ($(date -u +%F), $(nproc) cores, $(uname -m))"
node benches/categorize-browser.mjs
node benches/categorize.mjs
