//! Request/answer multiplexing over one worker endpoint: many callers (subscription tasks, save
//! tasks, decryptors) share the parser's channel to the crypto or cache worker. A router task owns
//! the endpoint, gives every request its own reply queue keyed by `request_id`, and waits for send
//! capacity and for answers in the same `select!`, so it never blocks the peer answering it.

use std::collections::HashMap;
use std::collections::hash_map::Entry;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use tokio::sync::mpsc;

use crate::ipc::{ChannelMessage, Correlated, Endpoint};
use crate::pipeline::PipeError;
use crate::runtime;

/// Answers buffered per request before the router waits for its caller (query chunks).
const REPLY_QUEUE: usize = 8;
/// Requests queued for the router.
const REQUEST_QUEUE: usize = 256;
/// Outstanding requests above which abandoned ones are swept.
const SWEEP_AT: usize = 4096;

struct Pending<Q: Correlated, A: Correlated> {
    id: u64,
    message: ChannelMessage<Q>,
    reply: mpsc::Sender<ChannelMessage<A>>,
}

/// A cloneable handle to the router of one endpoint.
pub(crate) struct Requester<Q: Correlated, A: Correlated> {
    tx: mpsc::Sender<Pending<Q, A>>,
    next_id: Arc<AtomicU64>,
    peer: &'static str,
    timeout: Duration,
}

impl<Q: Correlated, A: Correlated> Clone for Requester<Q, A> {
    fn clone(&self) -> Self {
        Self {
            tx: self.tx.clone(),
            next_id: self.next_id.clone(),
            peer: self.peer,
            timeout: self.timeout,
        }
    }
}

impl<Q: Correlated, A: Correlated> std::fmt::Debug for Requester<Q, A> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Requester")
            .field("peer", &self.peer)
            .finish()
    }
}

impl<Q: Correlated, A: Correlated> Requester<Q, A> {
    /// Starts the router of `endpoint`. `is_final` tells whether an answer ends its request.
    pub(crate) fn spawn(
        endpoint: Endpoint<Q, A>,
        peer: &'static str,
        timeout: Duration,
        is_final: fn(&ChannelMessage<A>) -> bool,
    ) -> Self {
        let (tx, rx) = mpsc::channel(REQUEST_QUEUE);
        runtime::spawn(route(endpoint, rx, is_final, peer));
        Self {
            tx,
            next_id: Arc::new(AtomicU64::new(1)),
            peer,
            timeout,
        }
    }

    /// A fresh request id (ids are unique per endpoint).
    pub(crate) fn next_id(&self) -> u64 {
        self.next_id.fetch_add(1, Ordering::Relaxed)
    }

    /// Sends a request; its answers arrive on the returned queue, which closes after the final one.
    pub(crate) async fn start(
        &self,
        id: u64,
        message: ChannelMessage<Q>,
    ) -> Result<mpsc::Receiver<ChannelMessage<A>>, PipeError> {
        let (reply, answers) = mpsc::channel(REPLY_QUEUE);
        self.tx
            .send(Pending { id, message, reply })
            .await
            .map_err(|_| PipeError::PeerGone(self.peer))?;
        Ok(answers)
    }

    /// Sends a request and waits (bounded by the timeout) for its final answer.
    pub(crate) async fn call(
        &self,
        id: u64,
        message: ChannelMessage<Q>,
    ) -> Result<ChannelMessage<A>, PipeError> {
        let mut answers = self.start(id, message).await?;
        let peer = self.peer;
        runtime::timeout(self.timeout, async move {
            let mut last = None;
            while let Some(a) = answers.recv().await {
                last = Some(a);
            }
            last.ok_or(PipeError::PeerGone(peer))
        })
        .await
        .map_err(|_| PipeError::Timeout(peer))?
    }

    /// The answer wait of [`Requester::call`].
    pub(crate) fn timeout(&self) -> Duration {
        self.timeout
    }
}

async fn route<Q: Correlated, A: Correlated>(
    endpoint: Endpoint<Q, A>,
    mut requests: mpsc::Receiver<Pending<Q, A>>,
    is_final: fn(&ChannelMessage<A>) -> bool,
    peer: &'static str,
) {
    let Endpoint { tx, mut rx } = endpoint;
    let mut waiting: HashMap<u64, mpsc::Sender<ChannelMessage<A>>> = HashMap::new();
    let mut outgoing: Option<ChannelMessage<Q>> = None;
    let mut callers_gone = false;
    loop {
        tokio::select! {
            biased;
            answer = rx.recv() => {
                let Some(answer) = answer else {
                    tracing::debug!("{peer} worker stopped; failing {} requests", waiting.len());
                    return;
                };
                let Ok(id) = answer.request_id() else {
                    tracing::warn!("unreadable answer from the {peer} worker dropped");
                    continue;
                };
                let last = is_final(&answer);
                if let Entry::Occupied(entry) = waiting.entry(id) {
                    // The caller reads its queue without needing this router, so this wait ends.
                    if entry.get().send(answer).await.is_err() || last {
                        entry.remove();
                    }
                } else {
                    tracing::debug!("answer {id} from the {peer} worker has no caller");
                }
            }
            permit = tx.reserve(), if outgoing.is_some() => {
                let Ok(permit) = permit else {
                    tracing::debug!("{peer} worker stopped taking requests");
                    return;
                };
                if let Some(m) = outgoing.take() {
                    permit.send(m);
                }
            }
            pending = requests.recv(), if outgoing.is_none() && !callers_gone => {
                match pending {
                    Some(p) => {
                        // Callers that gave up (timeout, dropped) leave entries whose answer never
                        // came; sweep them now and then so the map stays bounded.
                        if waiting.len() >= SWEEP_AT {
                            waiting.retain(|_, reply| !reply.is_closed());
                        }
                        waiting.insert(p.id, p.reply);
                        outgoing = Some(p.message);
                    }
                    None => callers_gone = true,
                }
            }
        }
        if callers_gone && outgoing.is_none() && waiting.is_empty() {
            return;
        }
    }
}
