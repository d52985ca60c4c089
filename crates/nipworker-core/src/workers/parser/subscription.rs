//! One subscription's task: reads the cache first (unless told not to), then runs every relay
//! event through the subscription's pipeline in batches and hands the messages to [`Delivery`].
//! It never waits for the subscriber, so a slow subscriber only lags itself.

use std::collections::VecDeque;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use planus::Builder;
use tokio::sync::mpsc;

use super::delivery::Delivery;
use super::own_mutes::{OwnMutes, OwnMutesWatch};
use super::peers::CachePeer;
use super::{CacheMode, Command, SubscriptionStats};
use crate::ipc::Sender;
use crate::parser::serialize::{
    cache_eose_message, closed_message, end_message, eose_message, queued_message,
};
use crate::pipeline::{Item, Pipeline};
use crate::protocol::flatbuffers::fb;
use crate::protocol::{Event, Filter};

/// What the worker's relay-stream router hands a subscription.
#[derive(Debug)]
pub(crate) enum Input {
    /// A relay event (not yet verified) and the relay it came from.
    Event(Event, String),
    /// A relay finished sending stored events (or, `timed_out`, counts as done without).
    Eose {
        relay: String,
        pending: u32,
        timed_out: bool,
    },
    /// A relay closed the subscription.
    Closed {
        relay: String,
        reason: Option<String>,
        cause: fb::ClosedCause,
    },
    /// The subscription waits for a free slot on a relay.
    Queued { relay: String, reason: String },
}

/// Relay events the router dropped because the subscription's input was full, each counted at
/// its place in the input stream (after how many routed inputs), so the lag is reported there:
/// after an EOSE that came before the lost events, before one that came after them.
#[derive(Debug, Default)]
pub(crate) struct LostInputs {
    /// `(inputs routed before, events lost there)`, in order; bounded by the inputs in flight.
    at: Mutex<VecDeque<(u64, u64)>>,
}

impl LostInputs {
    /// One event lost after `routed` inputs were handed on.
    pub(crate) fn record(&self, routed: u64) {
        if let Ok(mut at) = self.at.lock() {
            match at.back_mut() {
                Some((r, n)) if *r == routed => *n += 1,
                _ => at.push_back((routed, 1)),
            }
        }
    }

    /// Events lost at or before the point where `consumed` inputs were read.
    fn take_upto(&self, consumed: u64) -> u64 {
        let Ok(mut at) = self.at.lock() else {
            return 0;
        };
        let mut lost = 0;
        while let Some(&(r, n)) = at.front() {
            if r > consumed {
                break;
            }
            lost += n;
            at.pop_front();
        }
        lost
    }
}

/// Everything a subscription task owns.
pub(crate) struct SubscriptionTask {
    pub(crate) id: String,
    pub(crate) filters: Vec<Filter>,
    pub(crate) pipeline: Pipeline,
    pub(crate) input: mpsc::Receiver<Input>,
    pub(crate) lost: Arc<LostInputs>,
    /// Inputs read so far (the position the router's loss counts refer to).
    pub(crate) consumed: u64,
    pub(crate) subscriber: Sender<fb::parsed::SubscriptionMessage>,
    pub(crate) cache: Option<CachePeer>,
    pub(crate) cache_mode: CacheMode,
    pub(crate) close_on_eose: bool,
    /// Relays the subscription asks (0 when the connections worker's defaults are used and
    /// their number is not known here).
    pub(crate) relay_count: u32,
    pub(crate) batch: usize,
    pub(crate) cache_chunk: u32,
    pub(crate) end_drain: Duration,
    pub(crate) stats: Arc<Mutex<SubscriptionStats>>,
    pub(crate) commands: mpsc::Sender<Command>,
    /// The signer's mute list tracker: every subscription offers the kind 10000 events it sees.
    pub(crate) own_mutes: OwnMutes,
    /// Present when the pipeline follows the signer's mute list.
    pub(crate) own_watch: Option<OwnMutesWatch>,
}

/// Resolves when the tracked own mute list changed; never without a watch (or its sender).
async fn own_mutes_changed(watch: &mut Option<OwnMutesWatch>) {
    if let Some(w) = watch
        && w.changed().await.is_ok()
    {
        return;
    }
    std::future::pending().await
}

enum Flow {
    Continue,
    End(&'static str),
}

impl SubscriptionTask {
    pub(crate) async fn run(mut self) {
        let mut delivery = Delivery::new(self.subscriber.clone(), self.id.clone());
        let mut builder = Builder::new();
        let end = self.run_inner(&mut delivery, &mut builder).await;
        if let Some(counts) = self.pipeline.counts_message() {
            delivery.control(counts);
        }
        // Before the End can reach the subscriber: whoever reads stats after End sees the
        // pipeline's final counts, also when the last batch ended the subscription.
        self.publish_stats(&delivery);
        delivery.control(end_message(&mut builder, &self.id, end));
        delivery.drain(self.end_drain).await;
        self.publish_stats(&delivery);
        // The worker never waits on this task, so waiting for room in its queue cannot deadlock.
        let _ = self
            .commands
            .send(Command::Finished {
                id: self.id.clone(),
            })
            .await;
    }

    async fn run_inner(&mut self, delivery: &mut Delivery, builder: &mut Builder) -> &'static str {
        if self.cache_mode != CacheMode::NoCache
            && let Some(cache) = self.cache.clone()
        {
            self.read_cache(&cache, delivery).await;
            // The cache's stored events are done: an EOSE of its own, with the relays to come.
            let pending = if self.cache_mode == CacheMode::CacheOnly {
                0
            } else {
                self.relay_count
            };
            delivery.control(cache_eose_message(builder, &self.id, pending));
            if self.cache_mode == CacheMode::CacheOnly {
                return "cache_only";
            }
        }
        let closed = self.subscriber.clone();
        let mut buf = Vec::with_capacity(self.batch);
        loop {
            delivery.add_skipped(self.lost.take_upto(self.consumed));
            if delivery.is_closed() {
                return "subscriber_gone";
            }
            tokio::select! {
                biased;
                () = closed.closed() => return "subscriber_gone",
                // Before the input: a list that changed is applied before the next events.
                () = own_mutes_changed(&mut self.own_watch) => self.apply_own_mutes(true),
                n = self.input.recv_many(&mut buf, self.batch) => {
                    if n == 0 {
                        return "closed";
                    }
                    let inputs: Vec<Input> = std::mem::take(&mut buf);
                    if let Flow::End(why) = self.handle(inputs, delivery, builder).await {
                        return why;
                    }
                    self.publish_stats(delivery);
                }
                () = delivery.wait_and_flush(), if delivery.has_pending() => {}
            }
        }
    }

    async fn read_cache(&mut self, cache: &CachePeer, delivery: &mut Delivery) {
        let mut query = match cache.query(&self.filters, self.cache_chunk).await {
            Ok(q) => q,
            Err(e) => {
                tracing::warn!("subscription {}: cache query failed: {e}", self.id);
                return;
            }
        };
        // Bounded: the cache worker ends every query with QueryDone, and each wait has a timeout;
        // a subscriber that left stops the read.
        while !delivery.is_closed() {
            match query.next_chunk().await {
                Ok(Some(events)) => {
                    let lists: Vec<Event> = events
                        .iter()
                        .filter(|e| self.own_mutes.is_candidate(e))
                        .cloned()
                        .collect();
                    self.apply_own_mutes(false);
                    let items = events.into_iter().map(Item::cached).collect();
                    let out = self.pipeline.process(items).await;
                    delivery.events(out);
                    if !lists.is_empty() {
                        let lists: Vec<&Event> = lists.iter().collect();
                        // Stored events were verified before they were stored.
                        self.own_mutes.offer(&lists, true).await;
                    }
                    self.publish_stats(delivery);
                }
                Ok(None) => break,
                Err(e) => {
                    tracing::warn!("subscription {}: cache query failed: {e}", self.id);
                    break;
                }
            }
        }
    }

    async fn handle(
        &mut self,
        inputs: Vec<Input>,
        delivery: &mut Delivery,
        builder: &mut Builder,
    ) -> Flow {
        let mut items = Vec::with_capacity(inputs.len());
        self.apply_own_mutes(false);
        for input in inputs {
            let lost = self.lost.take_upto(self.consumed);
            if lost > 0 {
                // The lost events sit here in the stream: what came before goes out first.
                if !items.is_empty() {
                    let out = self.pipeline.process(std::mem::take(&mut items)).await;
                    delivery.events(out);
                }
                delivery.add_skipped(lost);
            }
            self.consumed += 1;
            match input {
                Input::Event(event, relay) => {
                    let list = self.own_mutes.is_candidate(&event).then(|| event.clone());
                    items.push(Item::live(event, relay));
                    if let Some(list) = list {
                        // A newer own mute list applies from the next event on: what came
                        // before it (and the list itself) is processed first.
                        let out = self.pipeline.process(std::mem::take(&mut items)).await;
                        delivery.events(out);
                        self.own_mutes.offer(&[&list], false).await;
                        self.apply_own_mutes(false);
                    }
                }
                control => {
                    // Events before a control message are delivered before it.
                    if !items.is_empty() {
                        let out = self.pipeline.process(std::mem::take(&mut items)).await;
                        delivery.events(out);
                    }
                    match control {
                        Input::Eose {
                            relay,
                            pending,
                            timed_out,
                        } => {
                            delivery.control(eose_message(
                                builder, &self.id, &relay, pending, timed_out,
                            ));
                            if pending == 0 {
                                if self.close_on_eose {
                                    return Flow::End("eose");
                                }
                                if let Some(counts) = self.pipeline.counts_message() {
                                    delivery.control(counts);
                                }
                            }
                        }
                        Input::Closed {
                            relay,
                            reason,
                            cause,
                        } => {
                            delivery.control(closed_message(
                                builder,
                                &self.id,
                                &relay,
                                reason.as_deref(),
                                cause,
                            ));
                        }
                        Input::Queued { relay, reason } => {
                            delivery.control(queued_message(builder, &self.id, &relay, &reason));
                        }
                        Input::Event(..) => {}
                    }
                }
            }
        }
        if !items.is_empty() {
            let out = self.pipeline.process(items).await;
            delivery.events(out);
        }
        Flow::Continue
    }

    /// Takes a newer own mute list into the pipeline, if one arrived since the last look
    /// (`seen`: the watch already reported the change, which marked it read).
    fn apply_own_mutes(&mut self, seen: bool) {
        let Some(watch) = &mut self.own_watch else {
            return;
        };
        if !seen && !watch.has_changed().unwrap_or(false) {
            return;
        }
        let set = watch.borrow_and_update().as_ref().map(|c| c.set.clone());
        self.pipeline
            .replace_own_mutes(set.map(|s| (*s).clone()).unwrap_or_default());
    }

    fn publish_stats(&self, delivery: &Delivery) {
        if let Ok(mut s) = self.stats.lock() {
            s.pipeline = self.pipeline.stats().clone();
            s.lagged = delivery.lagged_total;
            s.delivered = delivery.delivered;
        }
    }
}
