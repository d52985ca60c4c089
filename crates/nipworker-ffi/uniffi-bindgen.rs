//! The UniFFI binding generator at the exact UniFFI version of this crate (see Cargo.toml):
//! `cargo run -p nipworker-ffi --features bindgen --bin uniffi-bindgen -- generate ...`.

fn main() {
    uniffi::uniffi_bindgen_main()
}
