//! The signer's own NIP-51 mute list (kind 10000) as the parser worker tracks it: the newest one
//! seen (read from the cache, passing through any subscription, or published through the
//! handle), with its private items decrypted, shared through a watch channel with every
//! subscription whose pipeline has `PipeConfig::OwnMutes`.

use std::sync::{Arc, Mutex};

use tokio::sync::watch;

use super::peers::CryptoPeer;
use crate::pipeline::{MuteSet, Verifier};
use crate::protocol::flatbuffers::fb;
use crate::protocol::{Event, EventId, Kind, PublicKey, Timestamp};

/// NIP-51 mute list.
const MUTE_LIST: Kind = Kind(10000);

/// The tracked list: whose, which version, and what it mutes.
#[derive(Debug, Clone)]
pub(crate) struct OwnMuteList {
    pub(crate) author: PublicKey,
    created_at: Timestamp,
    id: EventId,
    pub(crate) set: Arc<MuteSet>,
}

/// What subscriptions watch: the current own list, if any.
pub(crate) type OwnMutesWatch = watch::Receiver<Option<OwnMuteList>>;

/// The tracker (cheap to clone; every clone shares the same list).
#[derive(Debug, Clone)]
pub(crate) struct OwnMutes {
    tx: Arc<watch::Sender<Option<OwnMuteList>>>,
    crypto: CryptoPeer,
    /// The signer as last learned (outer `None`: not asked yet; inner: no signer). Refreshed by
    /// every subscribe, so other people's lists do not each cost a crypto request.
    signer: Arc<Mutex<Option<Option<PublicKey>>>>,
}

/// True when `event` replaces `current` (NIP-01 replaceable order: newer `created_at`, then the
/// lower id). A list by another author (the signer changed) always replaces it.
fn replaces(current: &Option<OwnMuteList>, event: &Event) -> bool {
    match current {
        None => true,
        Some(c) if c.author != event.pubkey => true,
        Some(c) => {
            event.created_at > c.created_at || (event.created_at == c.created_at && event.id < c.id)
        }
    }
}

impl OwnMutes {
    pub(crate) fn new(crypto: CryptoPeer) -> Self {
        let (tx, _) = watch::channel(None);
        Self {
            tx: Arc::new(tx),
            crypto,
            signer: Arc::new(Mutex::new(None)),
        }
    }

    /// Records the signer the handle just learned (`None`: no signer).
    pub(crate) fn note_signer(&self, me: Option<PublicKey>) {
        if let Ok(mut s) = self.signer.lock() {
            *s = Some(me);
        }
    }

    /// The signer as last learned, if it was.
    fn known_signer(&self) -> Option<Option<PublicKey>> {
        self.signer.lock().ok().and_then(|s| *s)
    }

    /// A receiver that sees every later replacement.
    pub(crate) fn subscribe(&self) -> OwnMutesWatch {
        self.tx.subscribe()
    }

    /// The current list when it is `me`'s.
    pub(crate) fn current_for(&self, me: &PublicKey) -> Option<Arc<MuteSet>> {
        self.tx
            .borrow()
            .as_ref()
            .filter(|c| &c.author == me)
            .map(|c| c.set.clone())
    }

    /// Cheap first test (no peer asked): a kind 10000 by the signer (when known) that could
    /// replace the current list.
    pub(crate) fn is_candidate(&self, event: &Event) -> bool {
        event.kind == MUTE_LIST
            && self
                .known_signer()
                .is_none_or(|me| me == Some(event.pubkey))
            && replaces(&self.tx.borrow(), event)
    }

    /// Offers events that may include the signer's mute list; `verified` says their signatures
    /// were checked already (cached events). Returns true when the tracked list was replaced.
    /// Failures (no signer, crypto worker gone, bad signature) leave the current list in place.
    pub(crate) async fn offer(&self, events: &[&Event], verified: bool) -> bool {
        if !events.iter().any(|e| self.is_candidate(e)) {
            return false;
        }
        let me = match self.known_signer() {
            Some(me) => me,
            None => match self.crypto.signer_public_key().await {
                Ok(me) => {
                    self.note_signer(me);
                    me
                }
                Err(e) => {
                    tracing::debug!("own mute list not checked: {e}");
                    return false;
                }
            },
        };
        let Some(me) = me else {
            return false;
        };
        self.offer_as(me, events, verified).await
    }

    /// [`OwnMutes::offer`] for a known signer `me`.
    pub(crate) async fn offer_as(&self, me: PublicKey, events: &[&Event], verified: bool) -> bool {
        let mut newest: Option<&Event> = None;
        for e in events {
            let beats = newest.is_none_or(|n| {
                e.created_at > n.created_at || (e.created_at == n.created_at && e.id < n.id)
            });
            if e.pubkey == me && self.is_candidate(e) && beats {
                newest = Some(e);
            }
        }
        let Some(list) = newest else {
            return false;
        };
        if !verified {
            // A forged list must not mute anything: check it like the verify pipe would.
            match self.crypto.verify(&[list]).await {
                Ok(s) if s.first() == Some(&fb::VerifyStatus::Valid) => {}
                _ => return false,
            }
        }
        let decryptor = self.crypto.decryptor(me);
        let Ok(set) = MuteSet::from_event(list, Some(decryptor.as_ref())).await else {
            return false;
        };
        let next = OwnMuteList {
            author: me,
            created_at: list.created_at,
            id: list.id,
            set: Arc::new(set),
        };
        // Checked again: another subscription may have stored a newer one meanwhile.
        self.tx.send_if_modified(|current| {
            if replaces(current, list) {
                *current = Some(next);
                true
            } else {
                false
            }
        })
    }
}
