# Sourced by gen-flatbuffers.sh and check-flatbuffers.sh: pins the FlatBuffers compiler and makes
# sure that exact version is installed (it must match the `planus` runtime crate in
# crates/nipworker-core/Cargo.toml, which the generated code checks at compile time).

PLANUS_VERSION="1.3.0"
CORE_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/../crates/nipworker-core" && pwd)"
GENERATED="src/protocol/flatbuffers/generated.rs"

ensure_planus() {
    local installed
    installed="$(cargo install --list 2>/dev/null | sed -n 's/^planus-cli v\([0-9.]*\):$/\1/p')"
    if [ "$installed" != "$PLANUS_VERSION" ] || ! command -v planus >/dev/null 2>&1; then
        echo "installing planus-cli $PLANUS_VERSION (found: ${installed:-none})" >&2
        cargo install planus-cli --version "$PLANUS_VERSION" --locked --force
    fi
}

# Writes the Rust for every schema to $1. Run from the crate directory so the source paths the
# generator records in doc comments are relative; sorted input and no rustfmt pass keep the output
# byte-for-byte stable across machines and toolchains.
generate_flatbuffers() {
    local out="$1"
    (
        cd "$CORE_DIR"
        local schemas
        schemas="$(LC_ALL=C ls schemas/*.fbs | LC_ALL=C sort)"
        # shellcheck disable=SC2086
        planus rust --format false -o "$out" $schemas
    )
}
