//! The real-event corpus under `testdata/corpus/` for the integration tests and benches, read in
//! its capture format (relay messages, capture lines without a subscription id, bare events).

#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use std::path::PathBuf;

/// The workspace's `testdata/` folder.
pub fn testdata() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../testdata")
}

/// How a corpus line holds its event.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// `["EVENT", sub, {...}]`: a NIP-01 relay message as sent.
    RelayMessage,
    /// `["EVENT", {...}]`: the capture tool's format. Not a valid relay message (no subscription
    /// id), so the scanner rightly refuses it; tests take the event object out of it instead.
    Capture,
    /// A bare event object.
    Bare,
}

/// One event of the corpus, with where it came from.
#[derive(Debug, Clone)]
pub struct CorpusLine {
    /// File name under `testdata/corpus/`.
    pub file: String,
    /// 1-based line number.
    pub line_no: usize,
    /// The line as stored.
    pub text: String,
    /// Its shape.
    pub shape: Shape,
    /// Byte range of the event object inside `text`, untouched.
    pub event_range: std::ops::Range<usize>,
}

impl CorpusLine {
    /// The event object's exact JSON text.
    pub fn raw_event(&self) -> &str {
        &self.text[self.event_range.clone()]
    }

    /// A valid NIP-01 relay frame carrying the event's exact bytes: the line itself for relay
    /// messages, otherwise the event object wrapped as `["EVENT","capture",<object>]`.
    pub fn relay_frame(&self) -> String {
        match self.shape {
            Shape::RelayMessage => self.text.clone(),
            Shape::Capture | Shape::Bare => format!("[\"EVENT\",\"capture\",{}]", self.raw_event()),
        }
    }

    /// `file:line` for assertion messages.
    pub fn at(&self) -> String {
        format!("{}:{}", self.file, self.line_no)
    }
}

/// Every non-empty line of every `testdata/corpus/*.json`, files in name order.
pub fn corpus() -> Vec<CorpusLine> {
    let dir = testdata().join("corpus");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    let mut out = Vec::new();
    for path in files {
        let file = path.file_name().unwrap().to_string_lossy().into_owned();
        let text = std::fs::read_to_string(&path).unwrap();
        for (i, line) in text.lines().enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            let (shape, event_range) =
                locate_event(line).unwrap_or_else(|| panic!("{file}:{}: not an event line", i + 1));
            out.push(CorpusLine {
                file: file.clone(),
                line_no: i + 1,
                text: line.to_owned(),
                shape,
                event_range,
            });
        }
    }
    out
}

/// Finds the event object in a line, using serde_json's raw values so its bytes stay untouched.
fn locate_event(line: &str) -> Option<(Shape, std::ops::Range<usize>)> {
    let trimmed = line.trim();
    let start = line.len() - line.trim_start().len();
    if trimmed.starts_with('{') {
        return Some((Shape::Bare, start..start + trimmed.len()));
    }
    let parts: Vec<&serde_json::value::RawValue> = serde_json::from_str(line).ok()?;
    let shape = match parts.len() {
        3 => Shape::RelayMessage,
        2 => Shape::Capture,
        _ => return None,
    };
    if parts.first()?.get() != "\"EVENT\"" {
        return None;
    }
    let raw = parts.last()?.get();
    // A RawValue borrowed from `line` points into it: recover its offset.
    let offset = raw.as_ptr() as usize - line.as_ptr() as usize;
    Some((shape, offset..offset + raw.len()))
}
