#!/usr/bin/env bash
# Re-creates vendor/tract-nnef (the [patch.crates-io] copy in Cargo.toml) from the crate published
# on crates.io, and checks that it differs from it by exactly
# patches/tract-nnef/transform-patch-feature.crate.patch: the always-linked "patch" model transform
# behind a default feature, which tract-onnx does not enable (patches/tract-nnef/README.md).
#
#   bash scripts/vendor-tract-nnef.sh          re-create vendor/tract-nnef
#   bash scripts/vendor-tract-nnef.sh --check  only check the committed copy (CI)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh

VERSION=0.23.9
# crates.io's checksum of tract-nnef-0.23.9.crate (the one Cargo.lock records for the registry crate).
SHA256=3bdfc2f17d10eaf04d27f7a2d7b45e3dc41ffd0bc6c1e48d87636d7e960d441d
PATCH=patches/tract-nnef/transform-patch-feature.crate.patch
VENDOR=vendor/tract-nnef

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The published crate, through cargo's ordinary download (a throwaway project that depends on it).
crate=$(ls "${CARGO_HOME:-$HOME/.cargo}"/registry/cache/*/tract-nnef-$VERSION.crate 2>/dev/null | head -1 || true)
if [ -z "$crate" ]; then
  mkdir -p "$work/fetch/src" && touch "$work/fetch/src/lib.rs"
  printf '[package]\nname = "fetch"\nversion = "0.0.0"\nedition = "2021"\n[dependencies]\ntract-nnef = { version = "=%s", default-features = false }\n' \
    "$VERSION" > "$work/fetch/Cargo.toml"
  (cd "$work/fetch" && cargo fetch --quiet)
  crate=$(ls "${CARGO_HOME:-$HOME/.cargo}"/registry/cache/*/tract-nnef-$VERSION.crate | head -1)
fi
echo "$SHA256  $crate" | sha256sum --check --quiet

mkdir -p "$work/published"
tar -xzf "$crate" -C "$work/published"
published="$work/published/tract-nnef-$VERSION"

# The patch touches the two files of the change and nothing else.
touched=$(grep '^+++ ' "$PATCH" | awk '{ print $2 }' | sort | tr '\n' ' ')
if [ "$touched" != "b/Cargo.toml b/src/lib.rs " ]; then
  echo "vendor-tract-nnef: $PATCH touches $touched; expected only b/Cargo.toml b/src/lib.rs" >&2
  exit 1
fi
cp -r "$published" "$work/patched"
patch --quiet --directory "$work/patched" -p1 --no-backup-if-mismatch < "$PATCH"

if [ "${1:-}" = "--check" ]; then
  if ! diff -r "$work/patched" "$VENDOR" > "$work/diff"; then
    echo "vendor-tract-nnef: $VENDOR is not the published crate plus $PATCH:" >&2
    cat "$work/diff" >&2
    exit 1
  fi
  echo "vendor-tract-nnef: $VENDOR is tract-nnef $VERSION plus $PATCH"
else
  rm -rf "$VENDOR"
  mkdir -p "$(dirname "$VENDOR")"
  cp -r "$work/patched" "$VENDOR"
  echo "vendor-tract-nnef: re-created $VENDOR (tract-nnef $VERSION plus $PATCH)"
fi
