//! Cross-relay deduplication per subscription: the same event from five relays is delivered once.
//!
//! What is remembered is the exact copy (id and signature), never the id alone, and only after the
//! relay task checked that the id is the hash of the event. A relay that sends a forged copy first
//! (same id, changed content: caught by the id check; same id, bad signature: a different copy)
//! therefore cannot make the genuine event look like a duplicate; the parser's verify pipe throws
//! the forged copy away. Memory is bounded (see [`SeenSet`]).

use crate::protocol::{EventId, Signature};
use crate::seen::SeenSet;

/// One exact copy of an event: once the id is known to be the event's hash, the signature is the
/// only part a relay can still change.
pub(crate) type EventCopy = (EventId, Signature);

/// The copies one subscription has already delivered.
pub(crate) type SeenCopies = SeenSet<EventCopy>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_copy_with_another_signature_is_not_a_duplicate() {
        let mut seen = SeenCopies::new(16);
        let id = EventId([1; 32]);
        assert!(seen.insert((id, Signature([2; 64]))));
        assert!(!seen.insert((id, Signature([2; 64]))));
        // Same id, another signature: one of them is forged, and only verification can tell.
        assert!(seen.insert((id, Signature([3; 64]))));
    }
}
