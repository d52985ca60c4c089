//! Publishes one text note and prints each relay's answer.
//!
//! ```sh
//! NOSTR_SECRET_KEY=<hex or nsec> cargo run -p nipworker-core --example publish -- "hello" wss://relay.example.com
//! ```
//! Without `NOSTR_SECRET_KEY` a new key is generated (and its npub printed). The key is read from
//! the environment, never from the command line, so it stays out of shell history.

use nipworker_core::client::{ClientConfig, SignerSpec};
use nipworker_core::{EventBuilder, Keys, Kind, NostrClient};

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let (Some(text), relays) = (args.next(), args.collect::<Vec<_>>()) else {
        eprintln!("usage: publish TEXT RELAY_URL [RELAY_URL...]");
        std::process::exit(2);
    };
    if relays.is_empty() {
        eprintln!("usage: publish TEXT RELAY_URL [RELAY_URL...]");
        std::process::exit(2);
    }
    let mut config = ClientConfig::builder().memory_store();
    for relay in &relays {
        config = config.write_relay(relay.clone());
    }
    let client = NostrClient::new(config.build()).await?;
    let signer = match std::env::var("NOSTR_SECRET_KEY") {
        Ok(secret) => SignerSpec::private_key(secret),
        Err(_) => {
            let keys = Keys::generate();
            SignerSpec::private_key(hex::encode(*keys.secret_bytes()))
        }
    };
    let me = client.set_signer(signer).await?;
    println!("publishing as {}", me.to_npub());
    let unsigned = EventBuilder::new(Kind::TEXT_NOTE, text).build(me);
    let outcome = client.publish(unsigned).await?;
    println!("event {}", outcome.event_id);
    for relay in outcome.relays {
        println!(
            "  {}: {:?} {}",
            relay.relay,
            relay.status,
            relay.message.unwrap_or_default()
        );
    }
    client.close().await?;
    Ok(())
}
