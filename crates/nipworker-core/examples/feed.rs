//! A live feed with profile names: the newest notes on the relays given on the command line, then
//! new ones as they arrive, each under its author's name when their profile is known.
//!
//! ```sh
//! cargo run -p nipworker-core --example feed -- wss://relay.example.com [more relays...]
//! ```
//! Ctrl-C stops it. Events are cached in memory only.

use std::collections::HashMap;
use std::collections::hash_map::Entry;
use std::time::Duration;

use futures::StreamExt;
use nipworker_core::client::{ClientConfig, SubscribeOptions, SubscriptionItem};
use nipworker_core::{Filter, Kind, NostrClient, PublicKey};

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let relays: Vec<String> = std::env::args().skip(1).collect();
    if relays.is_empty() {
        eprintln!("usage: feed RELAY_URL [RELAY_URL...]");
        std::process::exit(2);
    }
    let mut config = ClientConfig::builder().memory_store();
    for relay in &relays {
        config = config.relay(relay.clone());
    }
    let client = NostrClient::new(config.build()).await?;
    let mut feed = client
        .subscribe(
            vec![Filter::new().kind(Kind::TEXT_NOTE).limit(20)],
            SubscribeOptions::default(),
        )
        .await?;
    let mut names: HashMap<PublicKey, String> = HashMap::new();
    loop {
        tokio::select! {
            _ = tokio::signal::ctrl_c() => break,
            item = feed.next() => match item {
                Some(SubscriptionItem::Event(note)) => {
                    let author = note.author();
                    if let Entry::Vacant(slot) = names.entry(author) {
                        // One-shot profile lookup (kind 0), bounded by a short timeout.
                        let profiles = client
                            .fetch_events(
                                vec![Filter::new().kind(Kind::METADATA).author(author).limit(1)],
                                Duration::from_secs(2),
                            )
                            .await
                            .unwrap_or_default();
                        let name = profiles
                            .first()
                            .and_then(|p| serde_json::from_str::<serde_json::Value>(&p.content).ok())
                            .and_then(|v| {
                                v.get("display_name")
                                    .or_else(|| v.get("name"))
                                    .and_then(|n| n.as_str().map(str::to_owned))
                            })
                            .filter(|n| !n.is_empty())
                            .unwrap_or_else(|| author.to_npub());
                        slot.insert(name);
                    }
                    // The parsed note (content blocks: links, mentions, media...) is in
                    // `note.parsed()`; plain text is enough here.
                    println!("{}: {}", names[&author], note.content().replace('\n', " "));
                }
                Some(SubscriptionItem::EndOfStoredEvents { relay: Some(r), pending_relays: 0, .. }) => {
                    println!("-- stored notes done ({r} last); live from here --");
                }
                Some(SubscriptionItem::Closed { relay, reason, .. }) => {
                    eprintln!("{relay} closed the feed: {}", reason.unwrap_or_default());
                }
                Some(_) => {}
                None => break,
            },
        }
    }
    drop(feed);
    client.close().await?;
    Ok(())
}
