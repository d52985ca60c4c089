#!/usr/bin/env bash
# Fails (with a diff) when the committed generated.rs differs from what the schemas generate.
set -euo pipefail
. "$(dirname "$0")/planus-env.sh"
ensure_planus
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
generate_flatbuffers "$tmp/generated.rs"
if ! diff -u "$CORE_DIR/$GENERATED" "$tmp/generated.rs" > "$tmp/drift.diff"; then
    head -n 200 "$tmp/drift.diff"
    echo "FlatBuffers drift: $GENERATED is out of date; run scripts/gen-flatbuffers.sh" >&2
    exit 1
fi
echo "FlatBuffers generated code is up to date"
