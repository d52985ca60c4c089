//! Parsers that turn verified events into typed results: per-kind parsers and the content parser.

pub mod content;
