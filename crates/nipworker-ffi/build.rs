//! Generates the UniFFI scaffolding from `src/nipworker.udl`.

fn main() {
    if let Err(e) = uniffi::generate_scaffolding("src/nipworker.udl") {
        // A build script reports failure by exiting non-zero; the message names the UDL problem.
        eprintln!("uniffi scaffolding: {e:#}");
        std::process::exit(1);
    }
}
