//! NIP-45 COUNT: the worker-wide tracker that gathers each relay's answer (or a failure, or the
//! timeout) into one `RelayCounts` per request. Relay tasks send the COUNT frames and report back.

use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;

use web_time::Instant;

use crate::protocol::RelayUrl;

/// One relay's answer to a COUNT.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum CountOutcome {
    /// The relay counted.
    Counted { count: u64, approximate: bool },
    /// It refused (CLOSED), could not be reached, or failed.
    Failed(String),
}

/// Who asked for a count, and what each relay answered so far.
#[derive(Debug)]
pub(crate) struct PendingCount<O> {
    pub(crate) origin: O,
    pub(crate) request_id: u64,
    pub(crate) results: Vec<(RelayUrl, Option<CountOutcome>)>,
    deadline: Instant,
}

impl<O> PendingCount<O> {
    fn done(&self) -> bool {
        self.results.iter().all(|(_, r)| r.is_some())
    }
}

/// Every COUNT waiting for answers, by the id it goes by on the relays.
#[derive(Debug)]
pub(crate) struct CountTracker<O> {
    pending: HashMap<Arc<str>, PendingCount<O>>,
}

impl<O> Default for CountTracker<O> {
    fn default() -> Self {
        Self {
            pending: HashMap::new(),
        }
    }
}

impl<O> CountTracker<O> {
    /// Starts waiting for `relays` to answer COUNT `id`.
    pub(crate) fn start(
        &mut self,
        id: Arc<str>,
        origin: O,
        request_id: u64,
        relays: Vec<RelayUrl>,
        timeout: Duration,
    ) {
        let results = relays.into_iter().map(|u| (u, None)).collect();
        self.pending.insert(
            id,
            PendingCount {
                origin,
                request_id,
                results,
                deadline: Instant::now() + timeout,
            },
        );
    }

    /// Records `relay`'s outcome for COUNT `id`; returns the request once every relay answered.
    pub(crate) fn record(
        &mut self,
        id: &str,
        relay: &RelayUrl,
        outcome: CountOutcome,
    ) -> Option<PendingCount<O>> {
        let pending = self.pending.get_mut(id)?;
        for (url, slot) in &mut pending.results {
            if url == relay && slot.is_none() {
                *slot = Some(outcome.clone());
            }
        }
        if pending.done() {
            self.pending.remove(id)
        } else {
            None
        }
    }

    /// Fails every COUNT still waiting on `relay` (it was given up).
    pub(crate) fn fail_relay(&mut self, relay: &RelayUrl, reason: &str) -> Vec<PendingCount<O>> {
        let ids: Vec<Arc<str>> = self
            .pending
            .iter()
            .filter(|(_, p)| p.results.iter().any(|(u, r)| u == relay && r.is_none()))
            .map(|(id, _)| id.clone())
            .collect();
        ids.iter()
            .filter_map(|id| self.record(id, relay, CountOutcome::Failed(reason.to_owned())))
            .collect()
    }

    /// True while `id` is a COUNT waiting for answers.
    #[cfg(test)]
    pub(crate) fn is_pending(&self, id: &str) -> bool {
        self.pending.contains_key(id)
    }

    /// The earliest deadline, if anything is waiting.
    pub(crate) fn next_deadline(&self) -> Option<Instant> {
        self.pending.values().map(|p| p.deadline).min()
    }

    /// Completes every COUNT past its deadline (silent relays stay without an answer); returns
    /// them with their ids, so the relays can forget them.
    pub(crate) fn expire(&mut self, now: Instant) -> Vec<(Arc<str>, PendingCount<O>)> {
        let late: Vec<Arc<str>> = self
            .pending
            .iter()
            .filter(|(_, p)| p.deadline <= now)
            .map(|(id, _)| id.clone())
            .collect();
        late.into_iter()
            .filter_map(|id| self.pending.remove(&id).map(|p| (id, p)))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn url(n: u16) -> RelayUrl {
        RelayUrl::parse(&format!("ws://127.0.0.1:{}", 7100 + n)).unwrap()
    }

    #[test]
    fn answers_are_gathered_and_silent_relays_time_out() {
        let mut t = CountTracker::<()>::default();
        t.start("c1".into(), (), 5, vec![url(1), url(2)], Duration::ZERO);
        let counted = CountOutcome::Counted {
            count: 3,
            approximate: false,
        };
        assert!(t.record("c1", &url(1), counted.clone()).is_none());
        assert!(t.is_pending("c1"));
        let late = t.expire(Instant::now());
        assert_eq!(late.len(), 1);
        assert_eq!(late[0].1.results[0].1, Some(counted));
        assert_eq!(late[0].1.results[1].1, None);
        assert!(t.next_deadline().is_none());
        t.start("c2".into(), (), 6, vec![url(1)], Duration::from_secs(60));
        let done = t.fail_relay(&url(1), "gone");
        assert_eq!(done.len(), 1);
        assert_eq!(done[0].request_id, 6);
    }
}
