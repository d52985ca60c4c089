//! Event tags: arrays of strings whose first element names the tag.

use serde::{Deserialize, Serialize};

/// One tag, e.g. `["e", "<id>", "<relay>", "reply"]`.
///
/// NIP-01 tags hold one or more strings. An empty `Tag` can still be built (and a bare
/// `Vec<Tag>`, such as a NIP-51 private list, still parses one) because tags are plain data, but
/// events refuse it: their parsers give `FieldProblem::EmptyTag` and [`crate::protocol::EventBuilder`]
/// drops it.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Default)]
#[serde(transparent)]
pub struct Tag(pub Vec<String>);

impl Tag {
    /// Builds a tag from its parts.
    pub fn new<I, S>(parts: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        Tag(parts.into_iter().map(Into::into).collect())
    }

    /// The tag name (first element), if any.
    pub fn name(&self) -> Option<&str> {
        self.0.first().map(String::as_str)
    }

    /// The tag's first value (second element), if any.
    pub fn value(&self) -> Option<&str> {
        self.0.get(1).map(String::as_str)
    }

    /// The element at `index`, if any.
    pub fn get(&self, index: usize) -> Option<&str> {
        self.0.get(index).map(String::as_str)
    }

    /// The name as a single ASCII letter: the tags NIP-01 indexes and filters by.
    pub fn single_letter(&self) -> Option<char> {
        let name = self.name()?.as_bytes();
        match name {
            [c] if c.is_ascii_alphabetic() => Some(*c as char),
            _ => None,
        }
    }

    /// All elements.
    pub fn as_slice(&self) -> &[String] {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accessors() {
        let t = Tag::new(["e", "abc", "wss://r", "reply"]);
        assert_eq!(t.name(), Some("e"));
        assert_eq!(t.value(), Some("abc"));
        assert_eq!(t.get(3), Some("reply"));
        assert_eq!(t.single_letter(), Some('e'));
        assert_eq!(Tag::new(["ee", "x"]).single_letter(), None);
        assert_eq!(Tag::new(["1", "x"]).single_letter(), None);
        assert_eq!(Tag::default().name(), None);
    }
}
