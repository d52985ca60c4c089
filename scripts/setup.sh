#!/usr/bin/env bash
# Installs everything the build and the tests need on a fresh Debian machine with rustup:
# clang (secp256k1's C code for wasm32), the wasm32 target, rustfmt/clippy, the MSRV toolchain,
# a Python venv with the pinned test packages (nostr-sdk for the gateway's third-party client test,
# pytest for the FFI's Python suite), and
# what the FFI binding tests run on (python3, a JDK with JNA, the Kotlin compiler).
# Safe to run again: each step is skipped when already done. `setup.sh --build-only` installs only
# what building and running the server needs (scripts/run-server.sh uses it).
set -euo pipefail

build_only=false
[ "${1:-}" = "--build-only" ] && build_only=true

root="$(cd "$(dirname "$0")/.." && pwd)"
msrv=$(sed -n 's/^rust-version = "\(.*\)"/\1/p' "$root/Cargo.toml" | head -n1)

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    echo "setup: need root (or sudo) to run: $*" >&2; return 1; fi
}

missing=()
command -v clang >/dev/null || missing+=(clang)
command -v cc >/dev/null || missing+=(build-essential)
command -v pkg-config >/dev/null || missing+=(pkg-config)
if ! $build_only; then
  # The Docker build check runs the image's HEALTHCHECK command (curl).
  command -v curl >/dev/null || missing+=(curl)
  command -v python3 >/dev/null || missing+=(python3)
  # Debian's python3 has no venv/ensurepip without this package.
  python3 -c 'import ensurepip, venv' 2>/dev/null || missing+=(python3-venv)
  # The FFI's binding tests: Kotlin on the JVM with Debian's JNA and the Kotlin compiler from npm
  # (installed below).
  command -v java >/dev/null || missing+=(default-jdk-headless)
  [ -f /usr/share/java/jna.jar ] || missing+=(libjna-java)
  command -v npm >/dev/null || missing+=(npm)
fi
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing Debian packages: ${missing[*]}"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

kotlin_home="$HOME/.cache/nipworker/kotlin"
if ! $build_only && [ ! -f "$kotlin_home/node_modules/kotlin-compiler/lib/kotlin-compiler.jar" ]; then
  echo "setup: installing the Kotlin compiler (npm kotlin-compiler) into $kotlin_home"
  mkdir -p "$kotlin_home"
  npm install --prefix "$kotlin_home" --no-audit --no-fund --silent kotlin-compiler@2.4.20
fi

if command -v rustup >/dev/null; then
  installed_targets=$(rustup target list --installed)
  $build_only || grep -qx wasm32-unknown-unknown <<<"$installed_targets" ||
    rustup target add wasm32-unknown-unknown
  installed_components=$(rustup component list --installed)
  grep -q '^rustfmt' <<<"$installed_components" || rustup component add rustfmt
  grep -q '^clippy' <<<"$installed_components" || rustup component add clippy
  if ! $build_only && [ -n "$msrv" ] && ! rustup toolchain list | grep -q "^$msrv"; then
    rustup toolchain install "$msrv" --profile minimal
  fi
else
  echo "setup: rustup not found; install Rust from https://rustup.rs first" >&2
  exit 1
fi

# The third-party client of crates/nipworker-server/tests/third_party_client.rs: nostr-sdk from
# PyPI, pinned in requirements.txt, in a venv outside the work tree (the test looks there too).
venv="${NIPWORKER_VENV:-$HOME/.cache/nipworker/venv}"
requirements="$root/crates/nipworker-server/tests/interop/requirements.txt"
if $build_only; then
  :
elif ! cmp -s "$requirements" "$venv/nipworker-requirements.txt" ||
  ! "$venv/bin/python" -c 'import nostr_sdk, pytest' 2>/dev/null; then
  echo "setup: creating the Python venv $venv ($(grep -v '^#' "$requirements" | xargs))"
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check -r "$requirements"
  cp "$requirements" "$venv/nipworker-requirements.txt"
fi
