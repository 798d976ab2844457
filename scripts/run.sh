#!/usr/bin/env bash
# Sets up the toolchain, builds the npm package into pkg/ and serves the demo page.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/build-pkg.sh
exec node scripts/serve.mjs "${PORT:-8080}"
