#!/usr/bin/env bash
# Re-creates the patched tract crates under vendor/ (the [patch.crates-io] copies in Cargo.toml) from
# the crates published on crates.io, and checks that each differs from its published crate by exactly
# its patch under patches/ (patches/README.md):
#   tract-core: Gather's and Softmax's per-datum-type evaluation in functions of their own;
#   tract-nnef: the always-linked "patch" model transform behind a default feature;
#   tract-onnx: the parser of symbolic input dimensions (dim_param) behind a default feature.
# finadvice enables neither feature of the last two, so neither piece of code is linked into the wasm
# module.
#
#   bash scripts/vendor-tract.sh          re-create vendor/tract-core, vendor/tract-nnef and vendor/tract-onnx
#   bash scripts/vendor-tract.sh --check  only check the committed copies (CI)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh

VERSION=0.23.9
# crate, crates.io's SHA-256 of its .crate file (what Cargo.lock records), its patch, the files the
# patch may touch.
CRATES=(
  "tract-core bb76580817f14ceb9f054d3732c1d09575940e88fa5bbfc85c3eae34482bb089 patches/tract-core/per-type-eval-outlined.crate.patch b/src/ops/array/gather.rs,b/src/ops/nn/softmax/mod.rs"
  "tract-nnef 3bdfc2f17d10eaf04d27f7a2d7b45e3dc41ffd0bc6c1e48d87636d7e960d441d patches/tract-nnef/transform-patch-feature.crate.patch b/Cargo.toml,b/src/lib.rs"
  "tract-onnx 43727ce75fcd18908927e6e1b47d043fe5606d8b85c8ea6aa36481406d37b24a patches/tract-onnx/dim-params-feature.crate.patch b/Cargo.toml,b/src/tensor.rs"
)

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The published crate, through cargo's ordinary download (a throwaway project that depends on it).
published_crate() {
  local name=$1 crate
  crate=$(ls "${CARGO_HOME:-$HOME/.cargo}"/registry/cache/*/"$name-$VERSION.crate" 2>/dev/null | head -1 || true)
  if [ -z "$crate" ]; then
    mkdir -p "$work/fetch-$name/src" && touch "$work/fetch-$name/src/lib.rs"
    printf '[package]\nname = "fetch"\nversion = "0.0.0"\nedition = "2021"\n[dependencies]\n%s = { version = "=%s", default-features = false }\n' \
      "$name" "$VERSION" > "$work/fetch-$name/Cargo.toml"
    (cd "$work/fetch-$name" && cargo fetch --quiet)
    crate=$(ls "${CARGO_HOME:-$HOME/.cargo}"/registry/cache/*/"$name-$VERSION.crate" | head -1)
  fi
  echo "$crate"
}

for entry in "${CRATES[@]}"; do
  read -r name sha256 patch allowed <<< "$entry"
  vendor=vendor/$name
  crate=$(published_crate "$name")
  echo "$sha256  $crate" | sha256sum --check --quiet

  mkdir -p "$work/$name"
  tar -xzf "$crate" -C "$work/$name"
  published="$work/$name/$name-$VERSION"

  # The patch touches the files of the change and nothing else.
  touched=$(grep '^+++ ' "$patch" | awk '{ print $2 }' | sort | paste -sd, -)
  if [ "$touched" != "$allowed" ]; then
    echo "vendor-tract: $patch touches $touched; expected only $allowed" >&2
    exit 1
  fi
  cp -r "$published" "$work/$name/patched"
  patch --quiet --directory "$work/$name/patched" -p1 --no-backup-if-mismatch < "$patch"

  if [ "${1:-}" = "--check" ]; then
    if ! diff -r "$work/$name/patched" "$vendor" > "$work/$name/diff"; then
      echo "vendor-tract: $vendor is not the published crate plus $patch:" >&2
      cat "$work/$name/diff" >&2
      exit 1
    fi
    echo "vendor-tract: $vendor is $name $VERSION plus $patch"
  else
    rm -rf "$vendor"
    mkdir -p vendor
    cp -r "$work/$name/patched" "$vendor"
    echo "vendor-tract: re-created $vendor ($name $VERSION plus $patch)"
  fi
done
