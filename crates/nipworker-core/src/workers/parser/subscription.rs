//! One subscription's task: reads the cache first (unless told not to), then runs every relay
//! event through the subscription's pipeline in batches and hands the messages to [`Delivery`].
//! It never waits for the subscriber, so a slow subscriber only lags itself (its messages are
//! skipped, reported as `Lagged`) while every relay event is still verified and saved.

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

/// Everything a subscription task owns.
pub(crate) struct SubscriptionTask {
    pub(crate) id: String,
    pub(crate) filters: Vec<Filter>,
    pub(crate) pipeline: Pipeline,
    pub(crate) input: mpsc::Receiver<Input>,
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
        // The router may be waiting for room in this input: closing it frees the router before
        // this task waits for anything (the drain, the Finished below), so neither waits on the
        // other. What is still queued ends with the subscription, counted.
        self.input.close();
        let mut unread = 0;
        while let Ok(input) = self.input.try_recv() {
            if matches!(input, Input::Event(..)) {
                unread += 1;
            }
        }
        if unread > 0 {
            tracing::debug!(
                "subscription {}: {unread} relay events left unread at its end",
                self.id
            );
        }
        if let Ok(mut s) = self.stats.lock() {
            s.unread = unread;
        }
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
                    // Whoever reads the stats after an EOSE or CLOSED sees what came before it.
                    self.publish_stats(delivery);
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
