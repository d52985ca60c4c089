//! Crypto worker throughput (filled in by the next commit).
fn main() {}
