//! The subscriptions of one relay connection: which REQs are open there, their EOSE, where a
//! resubscription after a reconnect resumes (`since`), and the relay's NIP-11 limits (a REQ beyond
//! `max_subscriptions` waits for a slot; one with more than `max_filters` filters is refused).

use std::collections::{HashMap, VecDeque};
use std::sync::Arc;

use crate::protocol::{ClientMessage, Event, Filter, Timestamp};

/// What a relay announces in its NIP-11 `limitation` object (when known).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RelayLimits {
    /// Most subscriptions open at once on one connection.
    pub max_subscriptions: Option<usize>,
    /// Most filters in one REQ.
    pub max_filters: Option<usize>,
}

/// Where a subscription stands on this relay.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum SubState {
    /// Waiting for a free slot under `max_subscriptions` (or for the connection).
    Waiting,
    /// REQ sent on the current connection.
    Sent,
    /// Refused with `auth-required:`; re-sent once the relay accepts our AUTH.
    HeldForAuth,
}

/// One subscription on one relay.
#[derive(Debug)]
pub(crate) struct RelaySub {
    pub(crate) filters: Arc<[Filter]>,
    pub(crate) close_on_eose: bool,
    pub(crate) state: SubState,
    /// EOSE received on the current connection.
    pub(crate) eose: bool,
    /// Already re-sent once after an `auth-required:` refusal on this connection.
    pub(crate) auth_retried: bool,
    /// Newest `created_at` received for this subscription here.
    newest: Option<Timestamp>,
    /// Everything up to here is known to be received: the stored events up to an EOSE, and live
    /// events after it. A resubscription asks only from here on (minus an overlap).
    resume_from: Option<Timestamp>,
}

/// What became of an event received for a subscription id.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum EventCheck {
    /// Open here and the event matches its filters.
    Accepted,
    /// No subscription of that id is open here.
    Unknown,
    /// The event matches none of the subscription's filters.
    Mismatch,
}

/// Why a subscription cannot be opened on this relay.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Refusal {
    /// More filters than the relay accepts in one REQ.
    TooManyFilters {
        /// Filters in the subscription.
        got: usize,
        /// The relay's limit.
        max: usize,
    },
}

impl Refusal {
    /// The reason reported in `Closed`, with NIP-01's machine-readable prefix.
    pub(crate) fn reason(&self) -> String {
        match self {
            Refusal::TooManyFilters { got, max } => {
                format!("blocked: {got} filters, the relay accepts at most {max} per REQ")
            }
        }
    }
}

/// The subscriptions of one relay.
#[derive(Debug)]
pub(crate) struct RelaySubscriptions {
    subs: HashMap<Arc<str>, RelaySub>,
    /// Subscriptions waiting for a slot, oldest first.
    waiting: VecDeque<Arc<str>>,
    limits: RelayLimits,
    /// Seconds taken off `resume_from` when resubscribing, for events that arrive out of order.
    overlap_secs: u64,
}

impl RelaySubscriptions {
    pub(crate) fn new(limits: RelayLimits, overlap_secs: u64) -> Self {
        Self {
            subs: HashMap::new(),
            waiting: VecDeque::new(),
            limits,
            overlap_secs,
        }
    }

    fn sent_count(&self) -> usize {
        self.subs
            .values()
            .filter(|s| s.state != SubState::Waiting)
            .count()
    }

    fn has_slot(&self) -> bool {
        self.limits
            .max_subscriptions
            .is_none_or(|max| self.sent_count() < max)
    }

    /// Adds a subscription; it waits for [`Self::take_sendable`] to hand out its REQ.
    pub(crate) fn add(
        &mut self,
        id: Arc<str>,
        filters: Arc<[Filter]>,
        close_on_eose: bool,
    ) -> Result<(), Refusal> {
        if let Some(max) = self.limits.max_filters
            && filters.len() > max
        {
            return Err(Refusal::TooManyFilters {
                got: filters.len(),
                max,
            });
        }
        let sub = RelaySub {
            filters,
            close_on_eose,
            state: SubState::Waiting,
            eose: false,
            auth_retried: false,
            newest: None,
            resume_from: None,
        };
        if self.subs.insert(id.clone(), sub).is_none() {
            self.waiting.push_back(id);
        }
        Ok(())
    }

    /// Removes a subscription; true if its REQ was sent on the current connection (so a CLOSE is
    /// due).
    pub(crate) fn remove(&mut self, id: &str) -> bool {
        self.waiting.retain(|w| &**w != id);
        self.subs
            .remove(id)
            .is_some_and(|s| s.state == SubState::Sent)
    }

    /// The REQ frames that may go out now (waiting subscriptions, as far as the relay's
    /// subscription limit allows), marking them sent.
    pub(crate) fn take_sendable(&mut self) -> Vec<String> {
        let mut frames = Vec::new();
        while self.has_slot() {
            let Some(id) = self.waiting.pop_front() else {
                break;
            };
            if let Some(sub) = self.subs.get_mut(&id) {
                sub.state = SubState::Sent;
                frames.push(req_frame(&id, sub, self.overlap_secs));
            }
        }
        frames
    }

    /// The connection dropped: every subscription waits to be re-sent on the next one (in the
    /// order they were opened is not tracked; sent ones go first).
    pub(crate) fn on_disconnect(&mut self) {
        let mut resend: Vec<Arc<str>> = Vec::new();
        for (id, sub) in &mut self.subs {
            sub.eose = false;
            sub.auth_retried = false;
            if sub.state != SubState::Waiting {
                sub.state = SubState::Waiting;
                resend.push(id.clone());
            }
        }
        resend.sort();
        let still_waiting = std::mem::take(&mut self.waiting);
        self.waiting = resend.into_iter().chain(still_waiting).collect();
    }

    /// True if `id` will be re-sent with `since` moved up.
    #[cfg(test)]
    pub(crate) fn resumes(&self, id: &str) -> bool {
        self.subs.get(id).is_some_and(|s| s.resume_from.is_some())
    }

    /// Checks an incoming event against the subscription and records its time.
    pub(crate) fn on_event(&mut self, id: &str, event: &Event) -> EventCheck {
        let Some(sub) = self.subs.get_mut(id) else {
            return EventCheck::Unknown;
        };
        if !crate::protocol::matches_any(&sub.filters, event) {
            return EventCheck::Mismatch;
        }
        let at = event.created_at;
        sub.newest = Some(sub.newest.map_or(at, |n| n.max(at)));
        if sub.eose {
            sub.resume_from = Some(sub.resume_from.map_or(at, |r| r.max(at)));
        }
        EventCheck::Accepted
    }

    /// Records an EOSE. `None` for an unknown id, else whether the subscription should now be
    /// closed (close after EOSE), in which case it is removed.
    pub(crate) fn on_eose(&mut self, id: &str) -> Option<bool> {
        let sub = self.subs.get_mut(id)?;
        sub.eose = true;
        if let Some(newest) = sub.newest {
            sub.resume_from = Some(sub.resume_from.map_or(newest, |r| r.max(newest)));
        }
        if sub.close_on_eose {
            self.remove(id);
            return Some(true);
        }
        Some(false)
    }

    /// The relay refused `id` with `auth-required:`: hold it for a retry after AUTH, once per
    /// connection. False if it was already retried (the refusal is final).
    pub(crate) fn hold_for_auth(&mut self, id: &str) -> bool {
        match self.subs.get_mut(id) {
            Some(sub) if !sub.auth_retried => {
                sub.auth_retried = true;
                sub.state = SubState::HeldForAuth;
                true
            }
            _ => false,
        }
    }

    /// REQ frames for every subscription held for AUTH (the relay accepted our AUTH).
    pub(crate) fn release_held(&mut self) -> Vec<String> {
        let overlap = self.overlap_secs;
        let mut frames = Vec::new();
        for (id, sub) in &mut self.subs {
            if sub.state == SubState::HeldForAuth {
                sub.state = SubState::Sent;
                frames.push(req_frame(id, sub, overlap));
            }
        }
        frames
    }

    /// Removes every subscription held for AUTH (AUTH failed) and returns their ids.
    pub(crate) fn drop_held(&mut self) -> Vec<Arc<str>> {
        let held: Vec<Arc<str>> = self
            .subs
            .iter()
            .filter(|(_, s)| s.state == SubState::HeldForAuth)
            .map(|(id, _)| id.clone())
            .collect();
        for id in &held {
            self.subs.remove(id);
        }
        held
    }

    /// Known subscription?
    pub(crate) fn contains(&self, id: &str) -> bool {
        self.subs.contains_key(id)
    }
}

/// `["REQ", id, filters...]`, with every filter's `since` moved up to where this relay's stream is
/// known to be complete, minus the overlap.
fn req_frame(id: &str, sub: &RelaySub, overlap_secs: u64) -> String {
    match sub.resume_from {
        None => ClientMessage::req(id, &sub.filters).to_json(),
        Some(from) => {
            let since = Timestamp(from.0.saturating_sub(overlap_secs));
            let filters: Vec<Filter> = sub
                .filters
                .iter()
                .map(|f| {
                    let mut f = f.clone();
                    f.since = Some(f.since.map_or(since, |s| s.max(since)));
                    f
                })
                .collect();
            ClientMessage::req(id, &filters).to_json()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::protocol::{EventBuilder, Keys, Kind};

    fn note(keys: &Keys, at: u64) -> Event {
        EventBuilder::new(Kind::TEXT_NOTE, "x")
            .created_at(Timestamp(at))
            .sign(keys)
    }

    fn filters() -> Arc<[Filter]> {
        vec![
            Filter::new().kind(Kind::TEXT_NOTE),
            Filter::new().kind(Kind::REACTION),
        ]
        .into()
    }

    #[test]
    fn one_req_frame_carries_every_filter() {
        let mut subs = RelaySubscriptions::new(RelayLimits::default(), 10);
        subs.add("a".into(), filters(), false).unwrap();
        let frames = subs.take_sendable();
        assert_eq!(frames.len(), 1);
        let parsed: serde_json::Value = serde_json::from_str(&frames[0]).unwrap();
        assert_eq!(parsed[0], "REQ");
        assert_eq!(parsed[1], "a");
        assert_eq!(parsed.as_array().unwrap().len(), 4);
    }

    #[test]
    fn resubscribe_moves_since_only_after_eose() {
        let keys = Keys::generate();
        let mut subs = RelaySubscriptions::new(RelayLimits::default(), 10);
        subs.add("a".into(), filters(), false).unwrap();
        subs.take_sendable();
        // Stored events before EOSE: a drop here must re-ask for everything.
        assert_eq!(subs.on_event("a", &note(&keys, 1000)), EventCheck::Accepted);
        subs.on_disconnect();
        let again = subs.take_sendable();
        assert!(!again[0].contains("since"), "{}", again[0]);
        assert_eq!(subs.on_event("a", &note(&keys, 1000)), EventCheck::Accepted);
        assert_eq!(subs.on_eose("a"), Some(false));
        assert_eq!(subs.on_event("a", &note(&keys, 1500)), EventCheck::Accepted);
        subs.on_disconnect();
        let resumed = subs.take_sendable();
        let parsed: serde_json::Value = serde_json::from_str(&resumed[0]).unwrap();
        assert_eq!(parsed[2]["since"], 1490);
        assert_eq!(parsed[3]["since"], 1490);
        assert!(subs.resumes("a"));
    }

    #[test]
    fn limits_are_honoured() {
        let limits = RelayLimits {
            max_subscriptions: Some(1),
            max_filters: Some(1),
        };
        let mut subs = RelaySubscriptions::new(limits, 0);
        assert!(matches!(
            subs.add("x".into(), filters(), false),
            Err(Refusal::TooManyFilters { got: 2, max: 1 })
        ));
        let one: Arc<[Filter]> = vec![Filter::new()].into();
        subs.add("a".into(), one.clone(), false).unwrap();
        subs.add("b".into(), one, false).unwrap();
        assert_eq!(subs.take_sendable().len(), 1);
        assert!(subs.take_sendable().is_empty());
        assert!(subs.remove("a"));
        let next = subs.take_sendable();
        assert_eq!(next.len(), 1);
        assert!(next[0].contains("\"b\""));
    }

    #[test]
    fn unknown_mismatch_and_close_on_eose() {
        let keys = Keys::generate();
        let mut subs = RelaySubscriptions::new(RelayLimits::default(), 0);
        subs.add("a".into(), filters(), true).unwrap();
        subs.take_sendable();
        assert_eq!(subs.on_event("zz", &note(&keys, 1)), EventCheck::Unknown);
        let meta = EventBuilder::new(Kind::METADATA, "{}").sign(&keys);
        assert_eq!(subs.on_event("a", &meta), EventCheck::Mismatch);
        assert_eq!(subs.on_eose("zz"), None);
        assert_eq!(subs.on_eose("a"), Some(true));
        assert!(!subs.contains("a"));
    }
}
