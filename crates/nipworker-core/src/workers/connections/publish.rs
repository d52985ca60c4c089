//! Publishing: the EVENT frames a relay still owes an OK for (re-sent after a reconnect, held once
//! for AUTH after an `auth-required:` refusal), and the worker-wide tracker that gathers each
//! relay's OK, or a timeout, into one `PublishResult` per request.

use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;

use web_time::Instant;

use crate::protocol::{EventId, ReasonPrefix, RelayUrl};

/// One relay's outcome for one published event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RelayOutcome {
    /// OK true (the message may say `duplicate:`).
    Accepted(String),
    /// OK false with the relay's reason.
    Rejected(String),
    /// No OK within the timeout.
    Timeout,
    /// The relay could not be reached or failed for good.
    Failed(String),
}

/// An EVENT a relay has not answered yet.
#[derive(Debug)]
struct Unanswered {
    frame: Arc<str>,
    auth_retried: bool,
    held_for_auth: bool,
}

/// What an OK means for the relay task.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum OkOutcome {
    /// Report it to the worker.
    Report,
    /// `auth-required:` refusal held for a retry after AUTH.
    HeldForAuth,
    /// Not an event we are waiting on.
    Unexpected,
}

/// The EVENTs one relay owes an OK for.
#[derive(Debug, Default)]
pub(crate) struct RelayPublishes {
    pending: HashMap<EventId, Unanswered>,
}

impl RelayPublishes {
    /// Most events a relay may owe an OK for; beyond it new publishes fail at once rather than
    /// pile up behind a relay that does not answer.
    pub(crate) const MAX_UNANSWERED: usize = 4096;

    /// Records an event to send; the frame is sent now if connected, else on connect. False if
    /// the relay already owes too many OKs (nothing recorded).
    pub(crate) fn add(&mut self, id: EventId, frame: Arc<str>) -> bool {
        if self.pending.len() >= Self::MAX_UNANSWERED && !self.pending.contains_key(&id) {
            return false;
        }
        self.pending.insert(
            id,
            Unanswered {
                frame,
                auth_retried: false,
                held_for_auth: false,
            },
        );
        true
    }

    /// The worker stopped waiting (timeout): forget the event.
    pub(crate) fn forget(&mut self, id: &EventId) {
        self.pending.remove(id);
    }

    /// Frames to send on a new connection: every event still unanswered (relays answer a
    /// repeat with `duplicate:`, which is still an acceptance).
    pub(crate) fn on_connect(&mut self) -> Vec<Arc<str>> {
        self.pending
            .values_mut()
            .map(|p| {
                p.auth_retried = false;
                p.held_for_auth = false;
                p.frame.clone()
            })
            .collect()
    }

    /// Handles an OK; `auth_pending` says an AUTH is under way or done on this connection, so an
    /// `auth-required:` refusal is worth one retry.
    pub(crate) fn on_ok(
        &mut self,
        id: &EventId,
        accepted: bool,
        message: &str,
        auth_possible: bool,
    ) -> OkOutcome {
        let Some(p) = self.pending.get_mut(id) else {
            return OkOutcome::Unexpected;
        };
        let auth_required = ReasonPrefix::split(message).0 == Some(ReasonPrefix::AuthRequired);
        if !accepted && auth_required && auth_possible && !p.auth_retried {
            p.auth_retried = true;
            p.held_for_auth = true;
            return OkOutcome::HeldForAuth;
        }
        self.pending.remove(id);
        OkOutcome::Report
    }

    /// Frames of the events held for AUTH (the relay accepted our AUTH).
    pub(crate) fn release_held(&mut self) -> Vec<Arc<str>> {
        self.pending
            .values_mut()
            .filter(|p| p.held_for_auth)
            .map(|p| {
                p.held_for_auth = false;
                p.frame.clone()
            })
            .collect()
    }

    /// Removes the events held for AUTH (AUTH failed) and returns their ids.
    pub(crate) fn drop_held(&mut self) -> Vec<EventId> {
        let held: Vec<EventId> = self
            .pending
            .iter()
            .filter(|(_, p)| p.held_for_auth)
            .map(|(id, _)| *id)
            .collect();
        for id in &held {
            self.pending.remove(id);
        }
        held
    }

    /// Events still unanswered.
    pub(crate) fn len(&self) -> usize {
        self.pending.len()
    }
}

/// Who asked for a publish and how to answer.
#[derive(Debug)]
pub(crate) struct PendingPublish<O> {
    pub(crate) origin: O,
    pub(crate) request_id: u64,
    pub(crate) event_id: EventId,
    pub(crate) results: Vec<(RelayUrl, Option<RelayOutcome>)>,
    pub(crate) deadline: Instant,
}

impl<O> PendingPublish<O> {
    fn done(&self) -> bool {
        self.results.iter().all(|(_, r)| r.is_some())
    }
}

/// Every publish waiting for OKs, worker-wide.
#[derive(Debug)]
pub(crate) struct PublishTracker<O> {
    pending: HashMap<u64, PendingPublish<O>>,
    next_key: u64,
}

impl<O> Default for PublishTracker<O> {
    fn default() -> Self {
        Self {
            pending: HashMap::new(),
            next_key: 0,
        }
    }
}

impl<O> PublishTracker<O> {
    /// Starts tracking a publish to `relays`; outcomes already known (e.g. an unreachable relay)
    /// are given up front. Returns it at once if nothing is left to wait for.
    pub(crate) fn start(
        &mut self,
        origin: O,
        request_id: u64,
        event_id: EventId,
        results: Vec<(RelayUrl, Option<RelayOutcome>)>,
        timeout: Duration,
    ) -> Option<PendingPublish<O>> {
        let publish = PendingPublish {
            origin,
            request_id,
            event_id,
            results,
            deadline: Instant::now() + timeout,
        };
        if publish.done() {
            return Some(publish);
        }
        self.next_key += 1;
        self.pending.insert(self.next_key, publish);
        None
    }

    /// Records `relay`'s outcome for `event_id` in every publish of that event waiting on it;
    /// returns the publishes now complete.
    pub(crate) fn record(
        &mut self,
        relay: &RelayUrl,
        event_id: &EventId,
        outcome: RelayOutcome,
    ) -> Vec<PendingPublish<O>> {
        self.record_where(relay, event_id, outcome, None)
    }

    /// Marks every publish waiting on `relay` as failed (the relay was given up).
    pub(crate) fn fail_relay(&mut self, relay: &RelayUrl, reason: &str) -> Vec<PendingPublish<O>> {
        let ids: Vec<EventId> = self
            .pending
            .values()
            .filter(|p| p.results.iter().any(|(u, r)| u == relay && r.is_none()))
            .map(|p| p.event_id)
            .collect();
        let mut finished = Vec::new();
        for id in ids {
            finished.extend(self.record(relay, &id, RelayOutcome::Failed(reason.to_owned())));
        }
        finished
    }

    /// `relay` could not be reached and its next attempt starts at `retry_at`: every publish
    /// waiting on it whose deadline comes first can no longer get its OK, so it gets `Failed` now
    /// instead of a `Timeout` later. Returns the publishes now complete, each with the event the
    /// relay should forget.
    pub(crate) fn fail_unreachable(
        &mut self,
        relay: &RelayUrl,
        reason: &str,
        retry_at: Instant,
    ) -> Vec<(PendingPublish<O>, EventId)> {
        let ids: Vec<EventId> = self
            .pending
            .values()
            .filter(|p| p.deadline <= retry_at)
            .filter(|p| p.results.iter().any(|(u, r)| u == relay && r.is_none()))
            .map(|p| p.event_id)
            .collect();
        let mut finished = Vec::new();
        for id in ids {
            let failed = RelayOutcome::Failed(reason.to_owned());
            finished.extend(self.record_where(relay, &id, failed, Some(retry_at)));
        }
        finished
            .into_iter()
            .map(|p| {
                let id = p.event_id;
                (p, id)
            })
            .collect()
    }

    /// Records an outcome in the publishes of `event_id` waiting on `relay` (only those whose
    /// deadline is at or before `deadline`, if given); returns the publishes now complete.
    fn record_where(
        &mut self,
        relay: &RelayUrl,
        event_id: &EventId,
        outcome: RelayOutcome,
        deadline: Option<Instant>,
    ) -> Vec<PendingPublish<O>> {
        let mut finished = Vec::new();
        for (key, p) in &mut self.pending {
            if p.event_id != *event_id || deadline.is_some_and(|d| p.deadline > d) {
                continue;
            }
            for (url, slot) in &mut p.results {
                if url == relay && slot.is_none() {
                    *slot = Some(outcome.clone());
                }
            }
            if p.done() {
                finished.push(*key);
            }
        }
        finished
            .into_iter()
            .filter_map(|k| self.pending.remove(&k))
            .collect()
    }

    /// The earliest deadline, if anything is waiting.
    pub(crate) fn next_deadline(&self) -> Option<Instant> {
        self.pending.values().map(|p| p.deadline).min()
    }

    /// Completes every publish past its deadline with `Timeout` for the silent relays; returns
    /// them with the relays that timed out (so they can forget the event).
    pub(crate) fn expire(&mut self, now: Instant) -> Vec<(PendingPublish<O>, Vec<RelayUrl>)> {
        let keys: Vec<u64> = self
            .pending
            .iter()
            .filter(|(_, p)| p.deadline <= now)
            .map(|(k, _)| *k)
            .collect();
        keys.into_iter()
            .filter_map(|k| self.pending.remove(&k))
            .map(|mut p| {
                let mut silent = Vec::new();
                for (url, slot) in &mut p.results {
                    if slot.is_none() {
                        *slot = Some(RelayOutcome::Timeout);
                        silent.push(url.clone());
                    }
                }
                (p, silent)
            })
            .collect()
    }

    /// Publishes still waiting on `relay` (it is busy, not idle).
    #[cfg(test)]
    pub(crate) fn waiting_on(&self, relay: &RelayUrl) -> bool {
        self.relays_waiting().any(|u| u == relay)
    }

    /// Every relay some publish still waits on.
    pub(crate) fn relays_waiting(&self) -> impl Iterator<Item = &RelayUrl> + '_ {
        self.pending.values().flat_map(|p| {
            p.results
                .iter()
                .filter(|(_, r)| r.is_none())
                .map(|(u, _)| u)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn url(n: u8) -> RelayUrl {
        RelayUrl::parse(&format!("ws://127.0.0.1:{}", 7000 + n as u16)).unwrap()
    }

    #[test]
    fn auth_required_is_held_once() {
        let mut relay = RelayPublishes::default();
        let id = EventId([1; 32]);
        assert!(relay.add(id, "[\"EVENT\",{}]".into()));
        assert_eq!(
            relay.on_ok(&id, false, "auth-required: please", true),
            OkOutcome::HeldForAuth
        );
        assert_eq!(relay.release_held().len(), 1);
        assert_eq!(
            relay.on_ok(&id, false, "auth-required: please", true),
            OkOutcome::Report
        );
        assert_eq!(relay.len(), 0);
        assert_eq!(relay.on_ok(&id, true, "", true), OkOutcome::Unexpected);
    }

    #[test]
    fn unreachable_relays_fail_publishes_that_cannot_wait_for_a_retry() {
        let mut t = PublishTracker::<()>::default();
        let (short, long) = (EventId([3; 32]), EventId([4; 32]));
        let now = Instant::now();
        assert!(
            t.start((), 1, short, vec![(url(1), None)], Duration::from_secs(1))
                .is_none()
        );
        assert!(
            t.start((), 2, long, vec![(url(1), None)], Duration::from_secs(60))
                .is_none()
        );
        // The next attempt comes after the first publish's deadline, before the second's.
        let done = t.fail_unreachable(&url(1), "could not connect", now + Duration::from_secs(5));
        assert_eq!(done.len(), 1);
        assert_eq!(done[0].1, short);
        assert!(matches!(
            done[0].0.results[0].1,
            Some(RelayOutcome::Failed(_))
        ));
        assert!(t.waiting_on(&url(1)));
    }

    #[test]
    fn tracker_gathers_outcomes_and_times_out() {
        let mut t = PublishTracker::<()>::default();
        let id = EventId([2; 32]);
        let results = vec![(url(1), None), (url(2), None)];
        assert!(t.start((), 7, id, results, Duration::ZERO).is_none());
        assert!(
            t.record(&url(1), &id, RelayOutcome::Accepted(String::new()))
                .is_empty()
        );
        assert!(t.waiting_on(&url(2)));
        let expired = t.expire(Instant::now());
        assert_eq!(expired.len(), 1);
        let (p, silent) = &expired[0];
        assert_eq!(p.request_id, 7);
        assert_eq!(silent, &vec![url(2)]);
        assert_eq!(p.results[1].1, Some(RelayOutcome::Timeout));
        assert!(t.next_deadline().is_none());
    }
}
