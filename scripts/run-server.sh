#!/usr/bin/env bash
# Builds and runs the gateway server (release build); extra arguments go to the server.
set -euo pipefail
cd "$(dirname "$0")/.."
"$(dirname "$0")/setup.sh" --build-only
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/nipworker/target}"
exec cargo run --release -p nipworker-server -- "$@"
