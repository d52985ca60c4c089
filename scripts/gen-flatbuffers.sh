#!/usr/bin/env bash
# Regenerates crates/nipworker-core/src/protocol/flatbuffers/generated.rs from schemas/*.fbs.
set -euo pipefail
. "$(dirname "$0")/planus-env.sh"
ensure_planus
generate_flatbuffers "$CORE_DIR/$GENERATED"
echo "regenerated $GENERATED"
