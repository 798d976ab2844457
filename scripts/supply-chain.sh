#!/usr/bin/env bash
# Supply-chain checks: cargo-deny (licenses, bans, sources — policy in deny.toml; advisories when
# the RustSec database can be fetched) and npm audit (when the registry's audit endpoint answers).
# Machines with only the package registries cannot reach either vulnerability database; the
# script then says so and goes on, and fails on any finding it could check.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh

"$CARGO_DENY" check licenses bans sources
# The cargo-fuzz targets (fuzz/, their own workspace and Cargo.lock) under the same policy.
"$CARGO_DENY" --manifest-path fuzz/Cargo.toml check licenses bans sources

if timeout 60 "$CARGO_DENY" fetch db >/dev/null 2>&1; then
  "$CARGO_DENY" check advisories
else
  echo "supply-chain: RustSec advisory database unreachable (github.com); advisories not checked"
fi

audit_log=$(mktemp)
if npm audit --audit-level=high >"$audit_log" 2>&1; then
  echo "supply-chain: npm audit found nothing at level high or above"
elif grep -q "audit endpoint returned an error" "$audit_log"; then
  echo "supply-chain: the npm registry's audit endpoint is unavailable here; npm audit not checked"
else
  cat "$audit_log"
  exit 1
fi
