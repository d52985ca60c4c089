//! Real relays for the tests: nostr-relay-builder `LocalRelay`s (an independent relay
//! implementation) on 127.0.0.1, with a database that outlives restarts on the same port.
// Helpers of tests: a failure should panic with its cause, as in the tests themselves.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

pub mod scripted;

use std::net::{IpAddr, Ipv4Addr};
use std::sync::Arc;
use std::time::Duration;

use nipworker_core::Event;
use nostr_relay_builder::prelude as nr;
use nr::{JsonUtil, NostrDatabase};

/// One relay under test: its database outlives restarts.
pub struct TestRelay {
    port: u16,
    database: Arc<nr::MemoryDatabase>,
    relay: Option<nr::LocalRelay>,
}

impl TestRelay {
    pub async fn start() -> Self {
        Self::start_with(None).await
    }

    pub async fn start_with(nip42: Option<nr::RelayBuilderNip42>) -> Self {
        let database = Arc::new(nr::MemoryDatabase::with_opts(nr::MemoryDatabaseOptions {
            events: true,
            max_events: None,
        }));
        let mut builder = nr::RelayBuilder::default()
            .addr(IpAddr::V4(Ipv4Addr::LOCALHOST))
            .database(database.clone());
        if let Some(nip42) = nip42 {
            builder = builder.nip42(nip42);
        }
        let relay = nr::LocalRelay::new(builder);
        relay.run().await.unwrap();
        let url = relay.url().await.to_string();
        let port: u16 = url
            .rsplit(':')
            .next()
            .unwrap()
            .trim_end_matches('/')
            .parse()
            .unwrap();
        Self {
            port,
            database,
            relay: Some(relay),
        }
    }

    pub fn url(&self) -> String {
        format!("ws://127.0.0.1:{}", self.port)
    }

    pub fn stop(&mut self) {
        if let Some(relay) = self.relay.take() {
            relay.shutdown();
        }
    }

    pub async fn restart(&mut self) {
        let relay = nr::LocalRelay::new(
            nr::RelayBuilder::default()
                .addr(IpAddr::V4(Ipv4Addr::LOCALHOST))
                .port(self.port)
                .database(self.database.clone()),
        );
        // The old listener may take a moment to release the port.
        for _ in 0..50 {
            if relay.run().await.is_ok() {
                self.relay = Some(relay);
                return;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        panic!("could not restart the relay on port {}", self.port);
    }

    /// Stores an event straight in the relay's database, as if another client had published it;
    /// returns whether the database took it.
    pub async fn store(&self, event: &Event) -> bool {
        let event = nr::Event::from_json(event.to_json()).unwrap();
        self.database.save_event(&event).await.unwrap().is_success()
    }
}
