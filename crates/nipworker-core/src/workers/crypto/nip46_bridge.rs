//! The crypto worker's side of NIP-46 relay traffic: [`Nip46Bridge`] implements
//! [`Nip46Relay`] by turning publish/subscribe/close into `Nip46Request`s to the connections
//! worker, and routes its `Nip46Message`s back by `request_id`.

use std::collections::{HashMap, VecDeque};

use async_trait::async_trait;
use tokio::sync::{mpsc, oneshot};

use crate::ipc::{ChannelMessage, Nip46Client};
use crate::protocol::flatbuffers::{FlatBufferError, fb, read_event, write_event, write_filter};
use crate::protocol::{Event, Filter, RelayUrl};
use crate::signer::nip46::{Nip46Error, Nip46Relay, Nip46Subscription, random_id};

/// Commands queued between the bridge handles and the router.
const COMMAND_QUEUE: usize = 64;
/// Requests built but not yet accepted by the connections channel.
const OUTBOX: usize = 16;
/// Events of one subscription waiting for the session's reader.
const SUBSCRIPTION_QUEUE: usize = 64;

enum Command {
    Publish {
        event: Event,
        relays: Vec<String>,
        reply: oneshot::Sender<Result<(), Nip46Error>>,
    },
    Subscribe {
        id: String,
        filter: Filter,
        relays: Vec<String>,
        events: mpsc::Sender<Event>,
        ready: oneshot::Sender<Result<(), Nip46Error>>,
    },
    Close {
        id: String,
    },
}

/// NIP-46 relay traffic through the crypto worker's channel to the connections worker.
#[derive(Debug, Clone)]
pub struct Nip46Bridge {
    commands: mpsc::Sender<Command>,
}

impl std::fmt::Debug for Command {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Command::Publish { .. } => "Publish",
            Command::Subscribe { .. } => "Subscribe",
            Command::Close { .. } => "Close",
        })
    }
}

fn relay_strings(relays: &[RelayUrl]) -> Vec<String> {
    relays.iter().map(|r| r.as_str().to_owned()).collect()
}

#[async_trait]
impl Nip46Relay for Nip46Bridge {
    async fn publish(&self, event: Event, relays: &[RelayUrl]) -> Result<(), Nip46Error> {
        let (reply, rx) = oneshot::channel();
        self.commands
            .send(Command::Publish {
                event,
                relays: relay_strings(relays),
                reply,
            })
            .await
            .map_err(|_| Nip46Error::Relay("crypto worker stopped"))?;
        rx.await
            .map_err(|_| Nip46Error::Relay("crypto worker stopped"))?
    }

    async fn subscribe(
        &self,
        filter: Filter,
        relays: &[RelayUrl],
    ) -> Result<Nip46Subscription, Nip46Error> {
        let id = format!("nip46-{}", random_id()?);
        let (events_tx, events) = mpsc::channel(SUBSCRIPTION_QUEUE);
        let (ready, rx) = oneshot::channel();
        self.commands
            .send(Command::Subscribe {
                id: id.clone(),
                filter,
                relays: relay_strings(relays),
                events: events_tx,
                ready,
            })
            .await
            .map_err(|_| Nip46Error::Relay("crypto worker stopped"))?;
        rx.await
            .map_err(|_| Nip46Error::Relay("crypto worker stopped"))??;
        Ok(Nip46Subscription { id, events })
    }

    fn unsubscribe(&self, subscription_id: &str) {
        // Best effort: a full queue means the worker is swamped; the subscription then ends
        // with the worker.
        let _ = self.commands.try_send(Command::Close {
            id: subscription_id.to_owned(),
        });
    }
}

struct Subscription {
    id: String,
    events: mpsc::Sender<Event>,
    ready: Option<oneshot::Sender<Result<(), Nip46Error>>>,
}

/// The router's state: what each outstanding `request_id` is waiting for.
#[derive(Default)]
struct Routes {
    next_id: u64,
    publishes: HashMap<u64, oneshot::Sender<Result<(), Nip46Error>>>,
    subscriptions: HashMap<u64, Subscription>,
    dropped_events: u64,
}

impl Routes {
    fn id(&mut self) -> u64 {
        self.next_id = self.next_id.wrapping_add(1).max(1);
        self.next_id
    }

    fn request(
        &mut self,
        command: Command,
        builder: &mut planus::Builder,
    ) -> ChannelMessage<fb::Nip46Request> {
        let request_id = self.id();
        match command {
            Command::Publish {
                event,
                relays,
                reply,
            } => {
                self.publishes.insert(request_id, reply);
                ChannelMessage::build_with(builder, |b| {
                    let ev = write_event(b, &event);
                    let body = fb::Publish::create(b, ev, relays.as_slice(), 0u32, false);
                    let body = fb::Nip46RequestBody::create_publish(b, body);
                    fb::Nip46Request::create(b, request_id, body)
                })
            }
            Command::Subscribe {
                id,
                filter,
                relays,
                events,
                ready,
            } => {
                let message = ChannelMessage::build_with(builder, |b| {
                    let f = write_filter(b, &filter);
                    let filters = b.create_vector([f]);
                    let body = fb::Subscribe::create(
                        b,
                        id.as_str(),
                        relays.as_slice(),
                        filters,
                        false,
                        false,
                        // A live inbox: the default EOSE timeout only marks the relay done.
                        0,
                    );
                    let body = fb::Nip46RequestBody::create_subscribe(b, body);
                    fb::Nip46Request::create(b, request_id, body)
                });
                self.subscriptions.insert(
                    request_id,
                    Subscription {
                        id,
                        events,
                        ready: Some(ready),
                    },
                );
                message
            }
            Command::Close { id } => {
                self.subscriptions.retain(|_, s| s.id != id);
                ChannelMessage::build_with(builder, |b| {
                    let body = fb::Close::create(b, id.as_str());
                    let body = fb::Nip46RequestBody::create_close(b, body);
                    fb::Nip46Request::create(b, request_id, body)
                })
            }
        }
    }

    /// Routes one message; may return a follow-up command (closing an abandoned subscription).
    fn answer(
        &mut self,
        message: &ChannelMessage<fb::Nip46Message>,
    ) -> Result<Option<Command>, FlatBufferError> {
        let root = message.root()?;
        let request_id = root.request_id()?;
        match root.body()? {
            fb::Nip46MessageBodyRef::PublishResult(r) => {
                let mut accepted = false;
                for ok in r.results()?.into_iter().flatten() {
                    accepted |= ok?.status()? == fb::RelayOkStatus::Accepted;
                }
                if let Some(reply) = self.publishes.remove(&request_id) {
                    let _ = reply.send(if accepted {
                        Ok(())
                    } else {
                        Err(Nip46Error::Relay("no relay accepted the event"))
                    });
                }
            }
            fb::Nip46MessageBodyRef::ConnectionsError(_) => {
                if let Some(reply) = self.publishes.remove(&request_id) {
                    let _ = reply.send(Err(Nip46Error::Relay("publish failed")));
                }
                if let Some(mut sub) = self.subscriptions.remove(&request_id)
                    && let Some(ready) = sub.ready.take()
                {
                    let _ = ready.send(Err(Nip46Error::Relay("subscribe failed")));
                }
            }
            fb::Nip46MessageBodyRef::EventReceived(e) => {
                let Some(sub) = self.subscriptions.get(&request_id) else {
                    return Ok(None);
                };
                let event = read_event(e.event()?)?;
                match sub.events.try_send(event) {
                    Ok(()) => {}
                    Err(mpsc::error::TrySendError::Full(_)) => {
                        self.dropped_events += 1;
                        tracing::debug!(
                            dropped = self.dropped_events,
                            "NIP-46 event dropped: session reader is behind"
                        );
                    }
                    // The session is gone without closing (its close did not fit the queue):
                    // close the subscription now.
                    Err(mpsc::error::TrySendError::Closed(_)) => {
                        let id = sub.id.clone();
                        return Ok(Some(Command::Close { id }));
                    }
                }
            }
            fb::Nip46MessageBodyRef::Eose(e) => {
                if e.pending_relays()? == 0
                    && let Some(sub) = self.subscriptions.get_mut(&request_id)
                    && let Some(ready) = sub.ready.take()
                {
                    let _ = ready.send(Ok(()));
                }
            }
            fb::Nip46MessageBodyRef::Closed(_) => {
                if let Some(sub) = self.subscriptions.get_mut(&request_id)
                    && let Some(ready) = sub.ready.take()
                {
                    let _ = ready.send(Err(Nip46Error::Relay("relay closed the subscription")));
                }
            }
        }
        Ok(None)
    }
}

/// Creates a bridge and the router future that serves it over `endpoint`.
pub(crate) fn bridge(
    endpoint: Nip46Client,
) -> (Nip46Bridge, impl std::future::Future<Output = ()>) {
    let (tx, rx) = mpsc::channel(COMMAND_QUEUE);
    (Nip46Bridge { commands: tx }, route(endpoint, rx))
}

/// Moves commands out and answers in until every bridge handle is gone and nothing is pending,
/// or the connections worker hangs up.
async fn route(endpoint: Nip46Client, mut commands: mpsc::Receiver<Command>) {
    let Nip46Client { tx, mut rx } = endpoint;
    let mut routes = Routes::default();
    let mut outbox: VecDeque<ChannelMessage<fb::Nip46Request>> = VecDeque::new();
    let mut builder = planus::Builder::new();
    let mut commands_open = true;
    loop {
        if !commands_open
            && outbox.is_empty()
            && routes.publishes.is_empty()
            && routes.subscriptions.is_empty()
        {
            return;
        }
        let take = commands_open && outbox.len() < OUTBOX;
        let send = !outbox.is_empty();
        tokio::select! {
            command = commands.recv(), if take => match command {
                Some(command) => outbox.push_back(routes.request(command, &mut builder)),
                None => commands_open = false,
            },
            message = rx.recv() => match message {
                Some(message) => match routes.answer(&message) {
                    Ok(Some(follow_up)) => outbox.push_back(routes.request(follow_up, &mut builder)),
                    Ok(None) => {}
                    Err(_) => tracing::debug!("malformed NIP-46 message from the connections worker dropped"),
                },
                // The connections worker is gone: waiting requests fail as their senders drop.
                None => return,
            },
            permit = tx.reserve(), if send => match permit {
                Ok(permit) => {
                    if let Some(m) = outbox.pop_front() {
                        permit.send(m);
                    }
                }
                Err(_) => return,
            },
        }
    }
}
