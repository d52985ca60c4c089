#!/usr/bin/env bash
# Builds the nipworker-ffi cdylib and generates its Swift, Kotlin and Python bindings with the
# crate's own uniffi-bindgen binary (same UniFFI version as the library). Fails on any warning,
# of cargo or of the generator. Usage: scripts/gen-bindings.sh [OUT_DIR]
# (default: $CARGO_TARGET_DIR/bindings). OUT_DIR/python also gets the cdylib, ready to import.
set -euo pipefail
cd "$(dirname "$0")/.."

export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/nipworker/target}"
export CARGO_TERM_COLOR=never
out="${1:-$CARGO_TARGET_DIR/bindings}"
log=$(mktemp)
trap 'rm -f "$log"' EXIT

# Any line starting with "warning" (cargo's and rustc's) or "Warning" (uniffi's) fails the run.
fail_on_warnings() {
  if grep -qiE '^warning' "$log"; then
    echo "gen-bindings: warnings above are errors" >&2
    exit 1
  fi
}

cargo build -p nipworker-ffi --lib 2>&1 | tee "$log"
fail_on_warnings
cargo build -p nipworker-ffi --features bindgen --bin uniffi-bindgen 2>&1 | tee "$log"
fail_on_warnings

case "$(uname -s)" in
  Darwin) lib="$CARGO_TARGET_DIR/debug/libnipworker_ffi.dylib" ;;
  *) lib="$CARGO_TARGET_DIR/debug/libnipworker_ffi.so" ;;
esac

rm -rf "$out"
for language in swift kotlin python; do
  # --no-format: formatters (swiftformat, ktlint) are not part of the build; their absence
  # would otherwise be reported as a warning.
  "$CARGO_TARGET_DIR/debug/uniffi-bindgen" generate --no-format --language "$language" \
    --out-dir "$out/$language" "$lib" 2>&1 | tee "$log"
  fail_on_warnings
  if [ -z "$(ls -A "$out/$language" 2>/dev/null)" ]; then
    echo "gen-bindings: no $language bindings were written" >&2
    exit 1
  fi
done
cp "$lib" "$out/python/"
echo "gen-bindings: Swift, Kotlin and Python bindings in $out"
