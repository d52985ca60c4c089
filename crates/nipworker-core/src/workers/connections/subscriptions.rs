//! The subscriptions of one relay connection: which REQs are open there, their EOSE, where a
//! resubscription after a reconnect resumes (`since`), and the relay's NIP-11 limits: a
//! subscription with more filters than `max_filters` goes out as several REQs (ids `<id>.<part>`),
//! and REQs beyond `max_subscriptions` wait for a free slot.
//!
//! The resume point is a time of the local clock, never a `created_at` a relay sent: when a
//! connection drops, each subscription that had its EOSE there is known complete up to the last
//! frame received on that connection, and its next REQ asks from that time minus the overlap. What
//! the overlap guarantees: an event whose `created_at` is at most `overlap` older than that last
//! frame is asked for again; an event backdated by more than the overlap and reaching the relay
//! while we were away is missed (widen `resubscribe_overlap` to trade re-received duplicates for a
//! wider window).

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
    /// Largest `limit` served: larger ones are clamped in REQs to this relay.
    pub max_limit: Option<usize>,
    /// Largest message read: REQs are split to fit; events that cannot fit are not sent.
    pub max_message_length: Option<usize>,
    /// Nothing is served before NIP-42 AUTH: REQs wait for it on each connection.
    pub auth_required: bool,
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
    filters: Arc<[Filter]>,
    /// Filters per REQ on this relay.
    per_req: usize,
    close_on_eose: bool,
    state: SubState,
    /// EOSE received per part on the current connection.
    eose: Vec<bool>,
    /// Already re-sent once after an `auth-required:` refusal on this connection.
    auth_retried: bool,
    /// Reported as waiting for a slot (reset once it is sent or the connection drops).
    queued_reported: bool,
    /// Local time up to which everything is known to be received: the last frame of a connection
    /// on which this subscription had its EOSE. A resubscription asks only from here on (minus an
    /// overlap).
    resume_from: Option<Timestamp>,
}

impl RelaySub {
    fn parts(&self) -> usize {
        self.filters.len().div_ceil(self.per_req).max(1)
    }

    fn all_eose(&self) -> bool {
        self.eose.iter().all(|done| *done)
    }
}

/// What became of an event received for a subscription id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum EventCheck {
    /// Open here and the event matches its filters; the subscription's own id.
    Accepted(Arc<str>),
    /// No subscription of that id is open here.
    Unknown,
    /// The event matches none of the subscription's filters.
    Mismatch,
}

/// What an EOSE means.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum EoseCheck {
    /// No subscription of that id is open here.
    Unknown,
    /// One part of a split subscription is done; others are not (or it was already reported).
    Partial,
    /// Every part is done: report EOSE for this subscription. With close-after-EOSE it was
    /// removed and these CLOSE frames are due.
    Done {
        id: Arc<str>,
        close_frames: Vec<String>,
    },
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

    /// New limits: `max_subscriptions` applies from now on, `max_filters` to subscriptions
    /// added from now on.
    pub(crate) fn set_limits(&mut self, limits: RelayLimits) {
        self.limits = limits;
    }

    /// REQs open on the relay (a split subscription counts each part).
    fn sent_count(&self) -> usize {
        self.subs
            .values()
            .filter(|s| s.state != SubState::Waiting)
            .map(RelaySub::parts)
            .sum()
    }

    /// The base id and part index of a subscription id as the relay uses it.
    fn resolve(&self, relay_id: &str) -> Option<(Arc<str>, usize)> {
        if let Some((id, sub)) = self.subs.get_key_value(relay_id) {
            return (sub.parts() == 1).then(|| (id.clone(), 0));
        }
        // Base ids never contain a dot (see `ConnectionsWorker`'s base-36 ids).
        let (base, part) = relay_id.rsplit_once('.')?;
        let part: usize = part.parse().ok()?;
        let (id, sub) = self.subs.get_key_value(base)?;
        (sub.parts() > 1 && part < sub.parts()).then(|| (id.clone(), part))
    }

    /// Adds a subscription; it waits for [`Self::take_sendable`] to hand out its REQs.
    pub(crate) fn add(&mut self, id: Arc<str>, filters: Arc<[Filter]>, close_on_eose: bool) {
        let filters: Arc<[Filter]> = match self.limits.max_limit {
            Some(max) if filters.iter().any(|f| f.limit.is_some_and(|l| l > max)) => filters
                .iter()
                .map(|f| {
                    let mut f = f.clone();
                    f.limit = f.limit.map(|l| l.min(max));
                    f
                })
                .collect(),
            _ => filters,
        };
        let mut per_req = self
            .limits
            .max_filters
            .unwrap_or(usize::MAX)
            .clamp(1, filters.len().max(1));
        if let Some(max_len) = self.limits.max_message_length {
            per_req = fit_per_req(&id, &filters, per_req, max_len);
        }
        let sub = RelaySub {
            filters,
            per_req,
            close_on_eose,
            state: SubState::Waiting,
            eose: Vec::new(),
            auth_retried: false,
            queued_reported: false,
            resume_from: None,
        };
        if self.subs.insert(id.clone(), sub).is_none() {
            self.waiting.push_back(id);
        }
    }

    /// Removes a subscription; returns the CLOSE frames due (its REQs sent on this connection).
    pub(crate) fn remove(&mut self, id: &str) -> Vec<String> {
        self.waiting.retain(|w| &**w != id);
        match self.subs.remove(id) {
            Some(sub) if sub.state == SubState::Sent => close_frames(id, &sub, None),
            _ => Vec::new(),
        }
    }

    /// The REQ frames that may go out now (waiting subscriptions, as far as the relay's
    /// subscription limit allows), marking them sent.
    pub(crate) fn take_sendable(&mut self) -> Vec<String> {
        let mut frames = Vec::new();
        while let Some(id) = self.waiting.front().cloned() {
            let Some(parts) = self.subs.get(&id).map(RelaySub::parts) else {
                self.waiting.pop_front();
                continue;
            };
            let sent = self.sent_count();
            // A subscription wider than the whole limit still goes out when nothing else is
            // open, rather than wait forever.
            let fits = self
                .limits
                .max_subscriptions
                .is_none_or(|max| sent + parts <= max || sent == 0);
            if !fits {
                break;
            }
            self.waiting.pop_front();
            if let Some(sub) = self.subs.get_mut(&id) {
                sub.state = SubState::Sent;
                sub.queued_reported = false;
                sub.eose = vec![false; parts];
                frames.extend(req_frames(&id, sub, self.overlap_secs));
            }
        }
        frames
    }

    /// The connection dropped: every subscription waits to be re-sent on the next one (those
    /// that were open first, by id). `last_frame` is the local time of the last frame received on
    /// it (`None`: nothing arrived): subscriptions done with their stored events resume there.
    pub(crate) fn on_disconnect(&mut self, last_frame: Option<Timestamp>) {
        let mut resend: Vec<Arc<str>> = Vec::new();
        for (id, sub) in &mut self.subs {
            if let Some(at) = last_frame
                && sub.state == SubState::Sent
                && !sub.eose.is_empty()
                && sub.all_eose()
            {
                sub.resume_from = Some(sub.resume_from.map_or(at, |r| r.max(at)));
            }
            sub.eose.clear();
            sub.auth_retried = false;
            sub.queued_reported = false;
            if sub.state != SubState::Waiting {
                sub.state = SubState::Waiting;
                resend.push(id.clone());
            }
        }
        resend.sort();
        let still_waiting = std::mem::take(&mut self.waiting);
        self.waiting = resend.into_iter().chain(still_waiting).collect();
    }

    /// The limit on open subscriptions in force (announced, configured or learned).
    /// The relay's limits as known now.
    pub(crate) fn limits(&self) -> RelayLimits {
        self.limits
    }

    pub(crate) fn max_subscriptions(&self) -> Option<usize> {
        self.limits.max_subscriptions
    }

    /// Subscriptions that wait for a slot on a live connection and were not reported yet (call
    /// after [`Self::take_sendable`]); each is reported once per wait.
    pub(crate) fn newly_queued(&mut self) -> Vec<Arc<str>> {
        let mut queued = Vec::new();
        for id in &self.waiting {
            if let Some(sub) = self.subs.get_mut(id)
                && !sub.queued_reported
            {
                sub.queued_reported = true;
                queued.push(id.clone());
            }
        }
        queued
    }

    /// The relay refused `relay_id` for its subscription limit. With other subscriptions open
    /// there, the limit is learned (their number) and the subscription waits, first in line, for
    /// one of them to close; returns the CLOSE frames for its other parts. `None` when nothing
    /// else is open: the refusal is final.
    pub(crate) fn requeue_for_limit(&mut self, relay_id: &str) -> Option<Vec<String>> {
        let (id, part) = self.resolve(relay_id)?;
        let sub = self.subs.get(&id)?;
        if sub.state != SubState::Sent {
            return None;
        }
        let others = self.sent_count().saturating_sub(sub.parts());
        if others == 0 {
            return None;
        }
        let learned = self
            .limits
            .max_subscriptions
            .map_or(others, |m| m.min(others));
        self.limits.max_subscriptions = Some(learned);
        let sub = self.subs.get_mut(&id)?;
        let frames = close_frames(&id, sub, Some(part));
        sub.state = SubState::Waiting;
        sub.eose.clear();
        sub.queued_reported = false;
        self.waiting.retain(|w| *w != id);
        self.waiting.push_front(id);
        Some(frames)
    }

    /// True if `id` will be re-sent with `since` moved up.
    #[cfg(test)]
    pub(crate) fn resumes(&self, id: &str) -> bool {
        self.subs.get(id).is_some_and(|s| s.resume_from.is_some())
    }

    /// Checks an incoming event against the subscription. Its `created_at` is the author's (or
    /// the relay's) word and is never used as a resume point.
    pub(crate) fn on_event(&self, relay_id: &str, event: &Event) -> EventCheck {
        let Some((id, _)) = self.resolve(relay_id) else {
            return EventCheck::Unknown;
        };
        let Some(sub) = self.subs.get(&id) else {
            return EventCheck::Unknown;
        };
        if !crate::protocol::matches_any(&sub.filters, event) {
            return EventCheck::Mismatch;
        }
        EventCheck::Accepted(id)
    }

    /// Records an EOSE for one part.
    pub(crate) fn on_eose(&mut self, relay_id: &str) -> EoseCheck {
        let Some((id, part)) = self.resolve(relay_id) else {
            return EoseCheck::Unknown;
        };
        let Some(sub) = self.subs.get_mut(&id) else {
            return EoseCheck::Unknown;
        };
        if sub.eose.is_empty() {
            // Not sent on this connection (held for AUTH): nothing to conclude.
            return EoseCheck::Partial;
        }
        let already = sub.all_eose();
        if let Some(done) = sub.eose.get_mut(part) {
            *done = true;
        }
        if already || !sub.all_eose() {
            return EoseCheck::Partial;
        }
        let close_frames = if sub.close_on_eose {
            self.remove(&id)
        } else {
            Vec::new()
        };
        EoseCheck::Done { id, close_frames }
    }

    /// The relay refused `relay_id` with `auth-required:`: hold the subscription for a retry
    /// after AUTH, once per connection. `None` if it was already retried (the refusal is final),
    /// else the CLOSE frames for its other parts (a split subscription is retried whole).
    pub(crate) fn hold_for_auth(&mut self, relay_id: &str) -> Option<Vec<String>> {
        let (id, part) = self.resolve(relay_id)?;
        let sub = self.subs.get_mut(&id)?;
        if sub.auth_retried {
            return None;
        }
        sub.auth_retried = true;
        let frames = if sub.state == SubState::Sent {
            close_frames(&id, sub, Some(part))
        } else {
            Vec::new()
        };
        sub.state = SubState::HeldForAuth;
        Some(frames)
    }

    /// The relay closed `relay_id` (CLOSED): the subscription ends here. Returns its own id and
    /// the CLOSE frames for its other parts.
    pub(crate) fn closed_by_relay(&mut self, relay_id: &str) -> Option<(Arc<str>, Vec<String>)> {
        let (id, part) = self.resolve(relay_id)?;
        self.waiting.retain(|w| *w != id);
        let sub = self.subs.remove(&id)?;
        let frames = if sub.state == SubState::Sent {
            close_frames(&id, &sub, Some(part))
        } else {
            Vec::new()
        };
        Some((id, frames))
    }

    /// REQ frames for every subscription held for AUTH (the relay accepted our AUTH).
    pub(crate) fn release_held(&mut self) -> Vec<String> {
        let overlap = self.overlap_secs;
        let mut frames = Vec::new();
        for (id, sub) in &mut self.subs {
            if sub.state == SubState::HeldForAuth {
                sub.state = SubState::Sent;
                sub.eose = vec![false; sub.parts()];
                frames.extend(req_frames(id, sub, overlap));
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
}

/// The id a part goes by on the relay.
fn part_id(id: &str, part: usize, parts: usize) -> String {
    if parts == 1 {
        id.to_owned()
    } else {
        format!("{id}.{part}")
    }
}

/// CLOSE frames for every part of `sub` except `skip`.
fn close_frames(id: &str, sub: &RelaySub, skip: Option<usize>) -> Vec<String> {
    let parts = sub.parts();
    (0..parts)
        .filter(|p| Some(*p) != skip)
        .map(|p| ClientMessage::close(part_id(id, p, parts)).to_json())
        .collect()
}

/// The most filters per REQ (at most `per_req`) for which every REQ frame of `filters` fits in
/// `max_len` bytes; 1 when even single filters do not fit (those go out as they are: the relay
/// may still take them, and nothing smaller can be sent).
fn fit_per_req(id: &str, filters: &[Filter], mut per_req: usize, max_len: usize) -> usize {
    // Room for the part suffix (`.<n>`) and the frame around the filters.
    let overhead = id.len() + 32;
    let sizes: Vec<usize> = filters.iter().map(|f| f.to_json().len() + 1).collect();
    // Bounded: per_req halves each round.
    while per_req > 1 {
        let fits = sizes
            .chunks(per_req)
            .all(|chunk| overhead + chunk.iter().sum::<usize>() <= max_len);
        if fits {
            break;
        }
        per_req = per_req.div_ceil(2).min(per_req - 1);
    }
    per_req
}

/// `["REQ", id, filters...]` per part, with every filter's `since` moved up to where this
/// relay's stream is known to be complete, minus the overlap, and never past the local clock.
fn req_frames(id: &str, sub: &RelaySub, overlap_secs: u64) -> Vec<String> {
    let filters: Vec<Filter> = match sub.resume_from {
        None => sub.filters.to_vec(),
        Some(from) => {
            let from = from.min(Timestamp::now());
            let since = Timestamp(from.0.saturating_sub(overlap_secs));
            sub.filters
                .iter()
                .map(|f| {
                    let mut f = f.clone();
                    f.since = Some(f.since.map_or(since, |s| s.max(since)));
                    f
                })
                .collect()
        }
    };
    let parts = sub.parts();
    filters
        .chunks(sub.per_req)
        .enumerate()
        .map(|(part, chunk)| ClientMessage::req(part_id(id, part, parts), chunk).to_json())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::protocol::{EventBuilder, Keys, Kind};

    #[test]
    fn nip11_max_limit_clamps_and_max_message_length_splits_reqs() {
        let mut subs = RelaySubscriptions::new(
            RelayLimits {
                max_limit: Some(100),
                max_message_length: Some(400),
                ..RelayLimits::default()
            },
            10,
        );
        let wide = |n: u16| {
            Filter::new()
                .kinds((0..40).map(|k| Kind(k * 1000 + n)))
                .limit(5000)
        };
        let filters: Arc<[Filter]> = (0..4).map(wide).collect::<Vec<_>>().into();
        let one_frame = ClientMessage::req("a".to_owned(), &filters).to_json();
        assert!(one_frame.len() > 400, "the test needs a REQ over the limit");
        subs.add(Arc::from("a"), filters, false);
        let frames = subs.take_sendable();
        assert!(frames.len() > 1, "split into several REQs");
        let mut filters_sent = 0;
        for frame in &frames {
            assert!(frame.len() <= 400, "{} bytes: {frame}", frame.len());
            let value: serde_json::Value = serde_json::from_str(frame).unwrap();
            for filter in &value.as_array().unwrap()[2..] {
                assert_eq!(filter["limit"], 100, "limit clamped to max_limit");
                filters_sent += 1;
            }
        }
        assert_eq!(filters_sent, 4, "every filter sent once");
    }

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
        subs.add("a".into(), filters(), false);
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
        subs.add("a".into(), filters(), false);
        subs.take_sendable();
        // Stored events before EOSE: a drop here must re-ask for everything.
        assert_eq!(
            subs.on_event("a", &note(&keys, 1000)),
            EventCheck::Accepted("a".into())
        );
        subs.on_disconnect(Some(Timestamp(1200)));
        let again = subs.take_sendable();
        assert!(!again[0].contains("since"), "{}", again[0]);
        assert_eq!(
            subs.on_event("a", &note(&keys, 1000)),
            EventCheck::Accepted("a".into())
        );
        assert!(
            matches!(subs.on_eose("a"), EoseCheck::Done { ref close_frames, .. } if close_frames.is_empty())
        );
        // A relay's clock (or an author's) says nothing about where we resume: an event dated
        // far ahead of the local clock moves nothing.
        let ahead = Timestamp::now().as_u64() + 900;
        assert_eq!(
            subs.on_event("a", &note(&keys, ahead)),
            EventCheck::Accepted("a".into())
        );
        subs.on_disconnect(Some(Timestamp(1500)));
        let resumed = subs.take_sendable();
        let parsed: serde_json::Value = serde_json::from_str(&resumed[0]).unwrap();
        assert_eq!(parsed[2]["since"], 1490);
        assert_eq!(parsed[3]["since"], 1490);
        assert!(subs.resumes("a"));
        // Dropped again before EOSE: still complete only up to the earlier connection's end.
        subs.on_disconnect(Some(Timestamp(1600)));
        let again = subs.take_sendable();
        let parsed: serde_json::Value = serde_json::from_str(&again[0]).unwrap();
        assert_eq!(parsed[2]["since"], 1490);
    }

    #[test]
    fn the_resume_point_never_passes_the_local_clock() {
        let mut subs = RelaySubscriptions::new(RelayLimits::default(), 10);
        subs.add("a".into(), filters(), false);
        subs.take_sendable();
        assert!(matches!(subs.on_eose("a"), EoseCheck::Done { .. }));
        // A last-frame time from a clock that jumped back and forth still cannot ask the relay
        // for the future.
        let future = Timestamp(Timestamp::now().as_u64() + 3600);
        subs.on_disconnect(Some(future));
        let resumed = subs.take_sendable();
        let parsed: serde_json::Value = serde_json::from_str(&resumed[0]).unwrap();
        let since = parsed[2]["since"].as_u64().unwrap();
        assert!(since <= Timestamp::now().as_u64() - 10, "since {since}");
    }

    #[test]
    fn limits_are_honoured() {
        let keys = Keys::generate();
        let limits = RelayLimits {
            max_subscriptions: Some(2),
            max_filters: Some(1),
            ..RelayLimits::default()
        };
        let mut subs = RelaySubscriptions::new(limits, 0);
        // Two filters, one per REQ: two parts, two slots.
        subs.add("w".into(), filters(), true);
        let one: Arc<[Filter]> = vec![Filter::new()].into();
        subs.add("b".into(), one, false);
        let frames = subs.take_sendable();
        assert_eq!(frames.len(), 2);
        let ids: Vec<String> = frames
            .iter()
            .map(|f| {
                let v: serde_json::Value = serde_json::from_str(f).unwrap();
                assert_eq!(v.as_array().unwrap().len(), 3, "one filter per REQ");
                v[1].as_str().unwrap().to_owned()
            })
            .collect();
        assert_eq!(ids, ["w.0", "w.1"]);
        // Both slots taken: "b" waits.
        assert!(subs.take_sendable().is_empty());
        // Events of either part belong to "w"; EOSE only once both parts are done.
        assert_eq!(
            subs.on_event("w.1", &note(&keys, 5)),
            EventCheck::Accepted("w".into())
        );
        assert_eq!(subs.on_event("w.2", &note(&keys, 5)), EventCheck::Unknown);
        assert_eq!(subs.on_eose("w.0"), EoseCheck::Partial);
        match subs.on_eose("w.1") {
            EoseCheck::Done { id, close_frames } => {
                assert_eq!(&*id, "w");
                assert_eq!(close_frames.len(), 2, "close after EOSE closes both parts");
            }
            other => panic!("{other:?}"),
        }
        // The slots are free again.
        let next = subs.take_sendable();
        assert_eq!(next.len(), 1);
        assert!(next[0].contains("\"b\""));
        // A relay CLOSED on one part of a split subscription closes the others.
        subs.add("x".into(), filters(), false);
        assert!(subs.take_sendable().is_empty());
        assert_eq!(subs.remove("b").len(), 1);
        assert_eq!(subs.take_sendable().len(), 2);
        let (id, frames) = subs.closed_by_relay("x.0").unwrap();
        assert_eq!(&*id, "x");
        assert_eq!(frames, [ClientMessage::close("x.1").to_json()]);
    }

    #[test]
    fn a_refusal_for_the_subscription_limit_teaches_it_and_queues() {
        let mut subs = RelaySubscriptions::new(RelayLimits::default(), 0);
        let one: Arc<[Filter]> = vec![Filter::new()].into();
        for id in ["a", "b", "c"] {
            subs.add(id.into(), one.clone(), false);
        }
        assert_eq!(subs.take_sendable().len(), 3);
        assert!(subs.newly_queued().is_empty());
        // The relay serves two: "c" waits for a slot, reported once.
        assert_eq!(subs.requeue_for_limit("c"), Some(Vec::new()));
        assert_eq!(subs.max_subscriptions(), Some(2));
        assert!(subs.take_sendable().is_empty());
        assert_eq!(subs.newly_queued(), vec![Arc::<str>::from("c")]);
        assert!(subs.newly_queued().is_empty());
        // A slot frees: "c" goes out again.
        subs.remove("a");
        let frames = subs.take_sendable();
        assert_eq!(frames.len(), 1);
        assert!(frames[0].contains("\"c\""));
        // Alone on the connection, a refusal is final.
        subs.remove("b");
        assert_eq!(subs.requeue_for_limit("c"), None);
    }

    #[test]
    fn unknown_mismatch_and_close_on_eose() {
        let keys = Keys::generate();
        let mut subs = RelaySubscriptions::new(RelayLimits::default(), 0);
        subs.add("a".into(), filters(), true);
        subs.take_sendable();
        assert_eq!(subs.on_event("zz", &note(&keys, 1)), EventCheck::Unknown);
        let meta = EventBuilder::new(Kind::METADATA, "{}").sign(&keys);
        assert_eq!(subs.on_event("a", &meta), EventCheck::Mismatch);
        assert_eq!(subs.on_eose("zz"), EoseCheck::Unknown);
        assert!(
            matches!(subs.on_eose("a"), EoseCheck::Done { ref close_frames, .. } if close_frames.len() == 1)
        );
        assert_eq!(subs.on_eose("a"), EoseCheck::Unknown);
    }
}
