//! The relay traffic a NIP-46 session needs, behind a trait: publish kind-24133 events and
//! listen for the ones addressed to the client key. The crypto worker implements it over its
//! channel to the connections worker; nothing here opens sockets.

use std::fmt;

use async_trait::async_trait;
use tokio::sync::mpsc;

use super::Nip46Error;
use crate::protocol::{Event, Filter, RelayUrl};

/// Publishes and subscribes on relays for a NIP-46 session.
#[async_trait]
pub trait Nip46Relay: Send + Sync + fmt::Debug {
    /// Publishes `event` to `relays`; succeeds once at least one relay accepted it.
    async fn publish(&self, event: Event, relays: &[RelayUrl]) -> Result<(), Nip46Error>;

    /// Opens a subscription and returns once the relays are listening (their EOSE), so an
    /// ephemeral answer published right after cannot be missed.
    async fn subscribe(
        &self,
        filter: Filter,
        relays: &[RelayUrl],
    ) -> Result<Nip46Subscription, Nip46Error>;

    /// Closes a subscription (best effort, without waiting).
    fn unsubscribe(&self, subscription_id: &str);
}

/// Events of one subscription; the channel ends when the subscription does.
pub struct Nip46Subscription {
    /// The subscription's id (for [`Nip46Relay::unsubscribe`]).
    pub id: String,
    /// Events matching the filter, in arrival order (bounded).
    pub events: mpsc::Receiver<Event>,
}

impl fmt::Debug for Nip46Subscription {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Nip46Subscription")
            .field("id", &self.id)
            .finish_non_exhaustive()
    }
}
