#!/usr/bin/env bash
# Installs the build tools (not the test tools: scripts/setup.sh), builds the npm package into pkg/
# and serves the demo page.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup-build.sh
bash scripts/build-pkg.sh
exec node scripts/serve.mjs "${PORT:-8080}"
