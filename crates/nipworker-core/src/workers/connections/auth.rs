//! NIP-42 AUTH: the per-connection authentication state of a relay, and the worker's `SignAuth`
//! requests to the crypto worker (which holds the signer) with the relay each one is for.

use std::collections::HashMap;
use std::time::Duration;

use web_time::Instant;

use crate::ipc::ChannelMessage;
use crate::protocol::flatbuffers::{FlatBufferError, fb, read_event};
use crate::protocol::{Event, EventId, RelayUrl};

/// Where authentication stands on the current connection.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) enum AuthState {
    /// No challenge received.
    #[default]
    None,
    /// A challenge came; the AUTH event is being signed.
    Signing,
    /// AUTH sent; waiting for the relay's OK on this event id.
    Sent(EventId),
    /// The relay accepted our AUTH.
    Authenticated,
    /// Signing failed or the relay refused our AUTH.
    Failed,
}

impl AuthState {
    /// True when an `auth-required:` refusal may still be cured on this connection.
    pub(crate) fn can_cure(&self) -> bool {
        matches!(
            self,
            AuthState::Signing | AuthState::Sent(_) | AuthState::Authenticated
        )
    }
}

/// `SignAuth` requests in flight to the crypto worker.
#[derive(Debug, Default)]
pub(crate) struct AuthRequests {
    in_flight: HashMap<u64, (RelayUrl, Instant)>,
    next_id: u64,
}

/// What the crypto worker answered to a `SignAuth`.
#[derive(Debug)]
pub(crate) enum AuthAnswer {
    /// The signed kind-22242 event, for this relay.
    Signed(RelayUrl, Event),
    /// Signing failed, with the reason.
    Refused(RelayUrl, AuthFailure),
}

/// Why AUTH could not be done: the text for the subscriber and its typed cause.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct AuthFailure {
    pub(crate) reason: String,
    /// `AuthNoSigner` when there is no signer to authenticate with, else `AuthFailed`.
    pub(crate) cause: fb::ClosedCause,
}

impl AuthFailure {
    /// Authenticating failed for `reason`.
    pub(crate) fn failed(reason: impl Into<String>) -> Self {
        Self {
            reason: reason.into(),
            cause: fb::ClosedCause::AuthFailed,
        }
    }

    /// The client has no signer.
    pub(crate) fn no_signer() -> Self {
        Self {
            reason: "the client has no signer to authenticate with".to_owned(),
            cause: fb::ClosedCause::AuthNoSigner,
        }
    }
}

impl AuthRequests {
    /// The `SignAuth` request for `relay` and `challenge`, remembered until answered. At most one
    /// request per relay is kept: a newer challenge replaces the older request.
    pub(crate) fn request(
        &mut self,
        relay: &RelayUrl,
        challenge: &str,
        timeout: Duration,
    ) -> ChannelMessage<fb::CryptoRequest> {
        self.in_flight.retain(|_, (r, _)| r != relay);
        self.next_id += 1;
        self.in_flight
            .insert(self.next_id, (relay.clone(), Instant::now() + timeout));
        ChannelMessage::from_table(&fb::CryptoRequest {
            request_id: self.next_id,
            body: fb::CryptoRequestBody::SignAuth(Box::new(fb::SignAuth {
                relay_url: relay.as_str().to_owned(),
                challenge: challenge.to_owned(),
            })),
        })
    }

    /// True while a request for `relay` waits for the signer: a relay that sends challenge after
    /// challenge does not make us ask the signer (possibly a person) again and again.
    pub(crate) fn in_flight_for(&self, relay: &RelayUrl) -> bool {
        self.in_flight.values().any(|(r, _)| r == relay)
    }

    /// Forgets every request in flight and returns the relays that were waiting.
    pub(crate) fn drain(&mut self) -> Vec<RelayUrl> {
        self.in_flight
            .drain()
            .map(|(_, (relay, _))| relay)
            .collect()
    }

    /// The earliest deadline of a request in flight.
    pub(crate) fn next_deadline(&self) -> Option<Instant> {
        self.in_flight.values().map(|(_, at)| *at).min()
    }

    /// Gives up the requests past their deadline (the signer never answered) and returns their
    /// relays.
    pub(crate) fn expire(&mut self, now: Instant) -> Vec<RelayUrl> {
        let late: Vec<u64> = self
            .in_flight
            .iter()
            .filter(|(_, (_, at))| *at <= now)
            .map(|(id, _)| *id)
            .collect();
        late.into_iter()
            .filter_map(|id| self.in_flight.remove(&id))
            .map(|(relay, _)| relay)
            .collect()
    }

    /// Matches a crypto response to its request. `None` for answers nobody is waiting on
    /// (replaced requests, non-final messages such as a NIP-46 auth URL).
    pub(crate) fn answer(
        &mut self,
        message: &ChannelMessage<fb::CryptoResponse>,
    ) -> Result<Option<AuthAnswer>, FlatBufferError> {
        let root = message.root()?;
        let id = root.request_id()?;
        let body = root.body()?;
        if matches!(body, fb::CryptoResponseBodyRef::SignerAuthUrl(_)) {
            return Ok(None);
        }
        let Some((relay, _)) = self.in_flight.remove(&id) else {
            return Ok(None);
        };
        Ok(Some(match body {
            fb::CryptoResponseBodyRef::SignedEvent(signed) => match read_event(signed.event()?) {
                Ok(event) => AuthAnswer::Signed(relay, event),
                Err(e) => AuthAnswer::Refused(
                    relay,
                    AuthFailure::failed(format!("bad signed event: {e}")),
                ),
            },
            fb::CryptoResponseBodyRef::CryptoError(e) => match e.code()? {
                fb::CryptoErrorCode::NoSigner => {
                    AuthAnswer::Refused(relay, AuthFailure::no_signer())
                }
                code => {
                    let text = e.message()?.unwrap_or_default();
                    AuthAnswer::Refused(relay, AuthFailure::failed(format!("{code:?}: {text}")))
                }
            },
            _ => AuthAnswer::Refused(relay, AuthFailure::failed("unexpected answer to SignAuth")),
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::protocol::flatbuffers::write_event;
    use crate::protocol::{EventBuilder, Keys, Kind, Tag};

    #[test]
    fn requests_and_answers_match_by_id() {
        let relay = RelayUrl::parse("wss://relay.example").unwrap();
        let mut auth = AuthRequests::default();
        let first = auth.request(&relay, "one", Duration::from_secs(60));
        let second = auth.request(&relay, "two", Duration::from_secs(60));
        let first_id = first.request_id().unwrap();
        let second_id = second.request_id().unwrap();
        let table = second.to_table().unwrap();
        let fb::CryptoRequestBody::SignAuth(body) = table.body else {
            panic!("not SignAuth");
        };
        assert_eq!(body.challenge, "two");

        let keys = Keys::generate();
        let event = EventBuilder::new(Kind::AUTH, "")
            .tag(Tag::new(["relay", relay.as_str()]))
            .tag(Tag::new(["challenge", "two"]))
            .sign(&keys);
        let answer = |id: u64| {
            ChannelMessage::<fb::CryptoResponse>::build(|b| {
                let ev = write_event(b, &event);
                let body = fb::SignedEvent::create(b, ev);
                let body = fb::CryptoResponseBody::create_signed_event(b, body);
                fb::CryptoResponse::create(b, id, body)
            })
        };
        // The replaced request is no longer awaited.
        assert!(auth.answer(&answer(first_id)).unwrap().is_none());
        match auth.answer(&answer(second_id)).unwrap() {
            Some(AuthAnswer::Signed(r, e)) => {
                assert_eq!(r, relay);
                assert_eq!(e, event);
            }
            other => panic!("unexpected {other:?}"),
        }
        assert!(auth.answer(&answer(second_id)).unwrap().is_none());

        // A signer that never answers is given up at the deadline.
        auth.request(&relay, "three", Duration::ZERO);
        assert!(auth.next_deadline().is_some());
        assert_eq!(auth.expire(Instant::now()), vec![relay]);
        assert!(auth.next_deadline().is_none());
    }
}
