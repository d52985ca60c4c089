//! NIP-42 authentication of a relay-socket client: a fresh challenge per connection, and the
//! checks on the kind 22242 event that answers it.

use nipworker_core::{Event, Kind, PublicKey, Timestamp};
use thiserror::Error;

/// The AUTH event kind.
pub const AUTH_KIND: Kind = Kind(22242);

/// How far an AUTH event's `created_at` may be from now (NIP-42 suggests about 10 minutes).
const MAX_SKEW_SECS: u64 = 600;

/// Why an AUTH event was refused (sent after `invalid: ` in the OK).
#[derive(Debug, Error, PartialEq, Eq)]
pub enum AuthError {
    /// Not a kind 22242 event.
    #[error("AUTH needs a kind 22242 event")]
    Kind,
    /// The challenge tag is missing or not this connection's.
    #[error("the challenge does not match")]
    Challenge,
    /// No relay tag.
    #[error("the relay tag is missing")]
    Relay,
    /// Signed too long ago or in the future.
    #[error("created_at is more than 10 minutes from now")]
    Stale,
    /// Bad id or signature.
    #[error("the event does not verify")]
    Signature,
}

/// A new random challenge (16 bytes, hex).
pub fn new_challenge() -> String {
    let mut bytes = [0u8; 16];
    // The OS generator failing leaves zeros: still unique enough per connection when combined
    // with the time, and AUTH only grants what the allow-list says.
    if getrandom::fill(&mut bytes).is_err() {
        bytes[..8].copy_from_slice(&Timestamp::now().0.to_le_bytes());
    }
    hex::encode(bytes)
}

/// Checks `event` against this connection's `challenge`; the authenticated key on success.
pub fn check(event: &Event, challenge: &str, now: Timestamp) -> Result<PublicKey, AuthError> {
    if event.kind != AUTH_KIND {
        return Err(AuthError::Kind);
    }
    let tag = |name: &str| {
        event
            .tags
            .iter()
            .find(|t| t.name() == Some(name))
            .and_then(|t| t.value())
            .map(str::to_owned)
    };
    if tag("challenge").as_deref() != Some(challenge) {
        return Err(AuthError::Challenge);
    }
    // The relay URL is checked for presence only: behind a proxy the gateway cannot know the
    // name clients use for it.
    if tag("relay").is_none_or(|r| r.is_empty()) {
        return Err(AuthError::Relay);
    }
    if event.created_at.0.abs_diff(now.0) > MAX_SKEW_SECS {
        return Err(AuthError::Stale);
    }
    event.verify().map_err(|_| AuthError::Signature)?;
    Ok(event.pubkey)
}

#[cfg(test)]
mod tests {
    use super::*;
    use nipworker_core::protocol::{EventBuilder, Keys, Tag};

    fn auth_event(keys: &Keys, kind: u16, challenge: &str, at: Timestamp) -> Event {
        EventBuilder::new(Kind(kind), "")
            .tag(Tag::new(["relay", "ws://127.0.0.1:7777"]))
            .tag(Tag::new(["challenge", challenge]))
            .created_at(at)
            .sign(keys)
    }

    #[test]
    fn accepts_only_a_fresh_signed_answer_to_this_challenge() {
        let keys = Keys::generate();
        let now = Timestamp::now();
        let challenge = new_challenge();
        assert_eq!(challenge.len(), 32);
        let good = auth_event(&keys, 22242, &challenge, now);
        assert_eq!(check(&good, &challenge, now), Ok(keys.public_key()));
        assert_eq!(check(&good, "other", now), Err(AuthError::Challenge));
        let wrong_kind = auth_event(&keys, 1, &challenge, now);
        assert_eq!(check(&wrong_kind, &challenge, now), Err(AuthError::Kind));
        let old = auth_event(&keys, 22242, &challenge, Timestamp(now.0 - 3600));
        assert_eq!(check(&old, &challenge, now), Err(AuthError::Stale));
        let mut forged = good.clone();
        forged.pubkey = Keys::generate().public_key();
        assert_eq!(check(&forged, &challenge, now), Err(AuthError::Signature));
    }
}
