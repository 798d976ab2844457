#!/usr/bin/env bash
# Coverage-guided fuzzing with cargo fuzz (libFuzzer): builds the targets in fuzz/, seeds their
# corpora from the repository (scripts/fuzz-seeds.py), runs each for a bounded time and prints
# one row per target: seconds, executions, exec/s, coverage (cov/ft), corpus size and findings.
# Exits 1 when any target crashed (panic), timed out or ran out of memory; the input is saved
# under fuzz/artifacts/TARGET/ (reproduce: cargo fuzz run -s none TARGET fuzz/artifacts/TARGET/FILE).
#
# Usage: scripts/fuzz.sh [SECONDS_PER_TARGET (default 60)] [TARGET...]
# Environment:
#   FUZZ_SANITIZER  none (default: works on the stable toolchain) or address (needs nightly)
#   FUZZ_TOOLCHAIN  e.g. +nightly for ASan runs; empty (default) uses the default toolchain
#   FUZZ_TIMEOUT    seconds one input may take before libFuzzer reports a timeout (default 10)
#   FUZZ_RSS_MB     memory limit in MB (default 2048)
#   FUZZ_SEED       libFuzzer's random seed (default 0: a new one each run; CI fixes it)
# See FUZZING.md.
set -euo pipefail
cd "$(dirname "$0")/.."

SECONDS_PER_TARGET=${1:-60}
shift || true
TARGETS=("$@")
[ ${#TARGETS[@]} -gt 0 ] || TARGETS=(profile import rule-pack logic calculators model)
SANITIZER=${FUZZ_SANITIZER:-none}
TOOLCHAIN=${FUZZ_TOOLCHAIN:-}
TIMEOUT=${FUZZ_TIMEOUT:-10}
RSS_MB=${FUZZ_RSS_MB:-2048}
SEED=${FUZZ_SEED:-0}

# cargo fuzz only passes stable codegen flags (-Cpasses=sancov-module, -Cllvm-args=...) when no
# sanitizer is asked for, so `-s none` needs no nightly toolchain and no RUSTC_BOOTSTRAP.
fuzz() { cargo $TOOLCHAIN fuzz "$1" -s "$SANITIZER" "${@:2}"; }

# cargo fuzz has no --locked: check that the committed fuzz/Cargo.lock needs no change first.
cargo $TOOLCHAIN metadata --locked --format-version 1 --manifest-path fuzz/Cargo.toml >/dev/null || {
  echo "fuzz: fuzz/Cargo.lock is stale (the root crate's dependencies changed): run" >&2
  echo "      (cd fuzz && cargo update -w) and commit fuzz/Cargo.lock" >&2
  exit 1
}
echo "fuzz: building ${TARGETS[*]} (sanitizer: $SANITIZER)"
for target in "${TARGETS[@]}"; do fuzz build "$target"; done
python3 scripts/fuzz-seeds.py "${TARGETS[@]}"

logs=$(mktemp -d)
trap 'rm -rf "$logs"' EXIT
echo "| target | seconds | executions | exec/s | cov | ft | corpus | crashes/timeouts/OOMs |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|"
failed=0
for target in "${TARGETS[@]}"; do
  log="$logs/$target.log"
  dict=(); [ -f "fuzz/dicts/$target.dict" ] && dict=("-dict=fuzz/dicts/$target.dict")
  mkdir -p "fuzz/artifacts/$target"
  before=$(ls "fuzz/artifacts/$target" | wc -l)
  started=$(date +%s)
  status=0
  fuzz run "$target" "fuzz/corpus/$target" -- -max_total_time="$SECONDS_PER_TARGET" -timeout="$TIMEOUT" \
    -rss_limit_mb="$RSS_MB" -seed="$SEED" -print_final_stats=1 "${dict[@]}" >"$log" 2>&1 || status=$?
  took=$(( $(date +%s) - started ))
  final_stat() { awk -v key="stat::$1:" '$1 == key { print $2 }' "$log"; }
  # The last status line: "#N  DONE  cov: C ft: F corp: K/SIZE ..." (or pulse/NEW lines).
  last=$(grep -E '^#[0-9]+.*cov: ' "$log" | tail -1 || true)
  field() { sed -nE "s/.* $1: ([0-9]+).*/\\1/p" <<<"$last"; }
  corpus=$(sed -nE 's/.* corp: ([0-9]+)\/.*/\1/p' <<<"$last")
  found=$(( $(ls "fuzz/artifacts/$target" | wc -l) - before ))
  echo "| $target | $took | $(final_stat number_of_executed_units) | $(final_stat average_exec_per_sec) | $(field cov) | $(field ft) | ${corpus:-?} | $found |"
  if [ "$status" -ne 0 ] || [ "$found" -gt 0 ]; then
    failed=1
    echo "fuzz: $target failed (exit $status):" >&2
    grep -E -A2 'panicked at|ERROR: libFuzzer|^SUMMARY|timeout after|out-of-memory' "$log" | cut -c1-300 | head -24 >&2 || tail -20 "$log" >&2
    ls -t "fuzz/artifacts/$target" | head -5 | sed "s|^|fuzz: saved fuzz/artifacts/$target/|" >&2
  fi
done
exit "$failed"
