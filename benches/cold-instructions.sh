#!/usr/bin/env bash
# The first advise's work on a cold module, counted in machine instructions (deterministic, so two
# packages compare on a busy machine where timings cannot): valgrind's callgrind counts what Node
# executes for init + new Advisor() + one advise of the 2,000-transaction persona, minus the same
# run without the advise. V8 runs as a cold page does before anything is hot: wasm compiled lazily
# by its baseline compiler (Liftoff) with no tier-up, JavaScript in its interpreter and baseline
# compiler, on one thread, with fixed seeds (--predictable).
# Usage: bash benches/cold-instructions.sh PKG_DIR ...   (needs valgrind; ~1 min per package)
set -euo pipefail
cd "$(dirname "$0")/.."
count() {
  local out
  out=$(mktemp)
  valgrind --tool=callgrind --smc-check=all --callgrind-out-file=/dev/null \
    node --predictable --hash-seed=1 --random-seed=1 --single-threaded --no-wasm-dynamic-tiering --no-wasm-tier-up --no-opt --no-maglev \
    benches/advise-node.mjs "$1" "$2" > /dev/null 2> "$out"
  grep -o 'refs: *[0-9,]*' "$out" | tr -dc 0-9
  rm -f "$out"
}
echo "| package | instructions, first advise (cold) |"
echo "|---|---:|"
for dir in "$@"; do
  base=$(count "$dir" 0)
  one=$(count "$dir" 1)
  echo "| $dir | $(( (one - base) / 1000000 )) M |"
done
