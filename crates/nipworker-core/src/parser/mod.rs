//! Turns verified events into typed results: `kinds` holds one parser per NIP or kind family.

pub mod kinds;
