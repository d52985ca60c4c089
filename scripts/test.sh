#!/usr/bin/env bash
# The whole test suite: formatting, lints, the wasm32 and MSRV builds, FlatBuffers drift, and
# every test of the workspace. `.ci/run` calls exactly this.
set -euo pipefail
cd "$(dirname "$0")/.."

"$(dirname "$0")/setup.sh"

# Builds are reused across runs and clones; keep them out of the work tree.
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/nipworker/target}"
export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-never}"
msrv=$(sed -n 's/^rust-version = "\(.*\)"/\1/p' Cargo.toml | head -n1)

step() { printf '\n==> %s\n' "$*"; }

step "cargo fmt --check"
cargo fmt --all --check

step "cargo clippy --all-targets -- -D warnings"
cargo clippy --workspace --all-targets -- -D warnings

step "wasm32 check of the core"
cargo check -p nipworker-core --target wasm32-unknown-unknown --no-default-features --features wasm-runtime

step "MSRV $msrv check of the core"
cargo "+$msrv" check -p nipworker-core --lib

if [ -x scripts/check-flatbuffers.sh ]; then
  step "FlatBuffers generated code matches the schemas"
  scripts/check-flatbuffers.sh
fi

step "cargo test --workspace"
cargo test --workspace --lib --bins --tests --examples --no-fail-fast
cargo test --workspace --doc

# Ignored in the run above because it takes about two minutes in a debug build: 5 relays x
# 20,000 events, one subscription, verification on, a slow reader; all 100,000 must be stored.
step "nothing lost at full size"
cargo test -p nipworker-core --test nothing_lost -- --ignored

# The Dockerfile's build (a release build of the server, in the same target dir as above) and
# the image's start, HEALTHCHECK and SIGTERM, without a Docker engine.
step "Docker image steps (scripts/docker-build-check.sh)"
scripts/docker-build-check.sh
