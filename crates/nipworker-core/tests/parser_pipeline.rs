//! Each pipe of the parser pipeline, the default order, and cached versus live events. Pipes that
//! need another worker reach it through the real ipc channels, served by the stand-ins of
//! `parser_support` (real verification, real ciphers, real NUT-12 checks, a real store).
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod parser_support;

use std::sync::Arc;
use std::time::Duration;

use futures::StreamExt;
use nipworker_core::crypto::nip04;
use nipworker_core::crypto::nip44::{self, ConversationKey};
use nipworker_core::ipc::{IpcChannels, IpcConfig};
use nipworker_core::parser::kinds::{ListKind, ParsedKind, parse_list};
use nipworker_core::parser::serialize::SubscriptionMessage;
use nipworker_core::pipeline::{
    Item, MuteSet, PipeConfig, Pipeline, PipelineConfig, PipelineConfigError, Services,
};
use nipworker_core::protocol::flatbuffers::fb;
use nipworker_core::protocol::{Event, EventBuilder, Filter, Keys, Kind, Tag, Timestamp};
use nipworker_core::storage::{EventStore, MemoryStore, StoreConfig};
use nipworker_core::workers::parser::{ParserConfig, ParserHandle, spawn_parser};
use parser_support::{CryptoCounters, NUT12_PROOF, spawn_cache_standin, spawn_crypto_standin};

struct Env {
    handle: ParserHandle,
    store: Arc<MemoryStore>,
    signer: Keys,
    crypto: Arc<CryptoCounters>,
    // Kept so the parser's connections channel stays open.
    _connections: nipworker_core::ipc::ConnectionsEndpoints,
}

fn env() -> Env {
    let ch = IpcChannels::new(&IpcConfig::default()).unwrap();
    let signer = Keys::generate();
    let crypto = Arc::new(CryptoCounters::default());
    spawn_crypto_standin(ch.crypto.parser, Some(signer.clone()), crypto.clone());
    let store = Arc::new(MemoryStore::new(StoreConfig::default()));
    spawn_cache_standin(ch.cache.parser, store.clone());
    let handle = spawn_parser(ch.parser, ParserConfig::default());
    Env {
        handle,
        store,
        signer,
        crypto,
        _connections: ch.connections,
    }
}

impl Env {
    async fn services(&self) -> Services {
        let me = self
            .handle
            .crypto()
            .signer_public_key()
            .await
            .unwrap()
            .unwrap();
        Services {
            verifier: Some(Arc::new(self.handle.crypto().clone())),
            decryptor: Some(self.handle.crypto().decryptor(me)),
            proofs: Some(Arc::new(self.handle.crypto().clone())),
            sink: Some(Arc::new(self.handle.cache().clone())),
        }
    }

    async fn pipeline(&self, pipes: Vec<PipeConfig>) -> Pipeline {
        Pipeline::new(&PipelineConfig { pipes }, "sub", &self.services().await).unwrap()
    }
}

fn note(keys: &Keys, content: &str) -> Event {
    EventBuilder::new(Kind(1), content).sign(keys)
}

fn live(events: &[Event]) -> Vec<Item> {
    events
        .iter()
        .cloned()
        .map(|e| Item::live(e, "wss://r.example"))
        .collect()
}

fn bodies(msgs: &[SubscriptionMessage]) -> Vec<fb::parsed::SubscriptionBody> {
    msgs.iter().map(|m| m.to_table().unwrap().body).collect()
}

fn parsed(msgs: &[SubscriptionMessage]) -> Vec<fb::parsed::ParsedEvent> {
    bodies(msgs)
        .into_iter()
        .map(|b| match b {
            fb::parsed::SubscriptionBody::ParsedEvent(p) => *p,
            other => panic!("expected ParsedEvent, got {other:?}"),
        })
        .collect()
}

fn ids(msgs: &[SubscriptionMessage]) -> Vec<nipworker_core::protocol::EventId> {
    bodies(msgs)
        .into_iter()
        .map(|b| match b {
            fb::parsed::SubscriptionBody::ParsedEvent(p) => p.event.id.into(),
            fb::parsed::SubscriptionBody::RawEvent(r) => r.event.id.into(),
            other => panic!("not an event: {other:?}"),
        })
        .collect()
}

fn tampered_sig(keys: &Keys) -> Event {
    let mut e = note(keys, "forged");
    let other = note(keys, "other");
    e.sig = other.sig;
    e
}

fn tampered_id(keys: &Keys) -> Event {
    let mut e = note(keys, "original");
    e.content = "changed after signing".into();
    e
}

#[tokio::test]
async fn kind_filter() {
    let env = env();
    let k = Keys::generate();
    let mut p = env
        .pipeline(vec![
            PipeConfig::KindFilter(vec![Kind(1)]),
            PipeConfig::Serialize,
        ])
        .await;
    let reaction = EventBuilder::new(Kind(7), "+").sign(&k);
    let out = p.process(live(&[note(&k, "a"), reaction])).await;
    assert_eq!(out.len(), 1);
    assert_eq!(p.stats().kind_filtered, 1);
}

#[tokio::test]
async fn mute_direct_every_criterion_live_and_cached() {
    let env = env();
    let (spammer, friend) = (Keys::generate(), Keys::generate());
    let muted_note = note(&friend, "muted thread root");
    let mut set = MuteSet::default();
    set.pubkeys.insert(spammer.public_key());
    set.event_ids.insert(muted_note.id);
    set.add_hashtag("#Politics");
    set.add_word("Crypto Scam");
    let mut p = env
        .pipeline(vec![PipeConfig::Mute(set), PipeConfig::Serialize])
        .await;
    let reply = EventBuilder::new(Kind(1), "reply")
        .tag(Tag::new(["e", &muted_note.id.to_hex(), "", "root"]))
        .sign(&friend);
    let tagged = EventBuilder::new(Kind(1), "election")
        .tag(Tag::new(["t", "POLITICS"]))
        .sign(&friend);
    let worded = note(&friend, "this is a CRYPTO scam, click");
    // The muted phrase only in a tag: muted too (words match content and tags by default).
    let subject = EventBuilder::new(Kind(1), "read this")
        .tag(Tag::new(["subject", "Crypto Scam of the week"]))
        .sign(&friend);
    let ok = note(&friend, "hello");
    let events = [
        note(&spammer, "buy"),
        muted_note.clone(),
        reply,
        tagged,
        worded,
        subject,
        ok.clone(),
    ];
    let out = p.process(live(&events)).await;
    assert_eq!(ids(&out), vec![ok.id]);
    assert_eq!(p.stats().muted, 6);
    // Cached events are muted too.
    let cached: Vec<Item> = events.iter().cloned().map(Item::cached).collect();
    let out = p.process(cached).await;
    assert_eq!(ids(&out), vec![ok.id]);
    assert_eq!(p.stats().muted, 12);
}

#[tokio::test]
async fn mute_from_an_encrypted_nip51_list() {
    let env = env();
    let me = env.signer.clone();
    let (muted, word_user) = (Keys::generate(), Keys::generate());
    // Private items encrypted to self with real NIP-44, as NIP-51 says.
    let private = format!(
        r#"[["p","{}"],["word","moon"]]"#,
        muted.public_key().to_hex()
    );
    let ck = ConversationKey::from_keys(&me, &me.public_key()).unwrap();
    let list = EventBuilder::new(Kind(10000), nip44::encrypt(&ck, &private).unwrap())
        .tag(Tag::new(["t", "nsfw"]))
        .sign(&me);
    // Parse it through the parse pipe (decrypting via the crypto worker).
    let mut parse = env
        .pipeline(vec![
            PipeConfig::Parse { decrypt: true },
            PipeConfig::Serialize,
        ])
        .await;
    parse.process(live(std::slice::from_ref(&list))).await;
    let mut parsed = parse_list(&list, ListKind::Mute);
    let decryptor = env.handle.crypto().decryptor(me.public_key());
    parsed.decrypt(&list, decryptor.as_ref()).await;
    let set = MuteSet::from_list(&parsed);
    assert_eq!(
        MuteSet::from_event(&list, Some(decryptor.as_ref()))
            .await
            .unwrap(),
        set
    );
    assert!(
        MuteSet::from_event(&note(&me, "not a list"), None)
            .await
            .is_err()
    );
    assert!(set.pubkeys.contains(&muted.public_key()));
    assert!(set.hashtags.contains("nsfw"));
    assert_eq!(set.words, vec!["moon".to_owned()]);
    assert!(
        env.crypto
            .decrypts
            .load(std::sync::atomic::Ordering::Relaxed)
            >= 2
    );

    let mut p = env
        .pipeline(vec![PipeConfig::Mute(set), PipeConfig::Serialize])
        .await;
    let ok = note(&word_user, "sun");
    let out = p
        .process(live(&[
            note(&muted, "hi"),
            note(&word_user, "to the MOON"),
            ok.clone(),
        ]))
        .await;
    assert_eq!(ids(&out), vec![ok.id]);
}

#[tokio::test]
async fn author_limiter() {
    let env = env();
    let (a, b) = (Keys::generate(), Keys::generate());
    let mut p = env
        .pipeline(vec![PipeConfig::AuthorLimit(2), PipeConfig::Serialize])
        .await;
    let a_notes: Vec<Event> = (0..5).map(|i| note(&a, &format!("a{i}"))).collect();
    let out = p.process(live(&a_notes[..3])).await;
    assert_eq!(out.len(), 2);
    let out = p.process(live(&[a_notes[3].clone(), note(&b, "b")])).await;
    assert_eq!(out.len(), 1, "the limit holds across batches");
    assert_eq!(p.stats().limited, 2);
}

#[tokio::test]
async fn dedup_is_bounded() {
    let env = env();
    let k = Keys::generate();
    let (x, y, z) = (note(&k, "x"), note(&k, "y"), note(&k, "z"));
    let mut p = env
        .pipeline(vec![PipeConfig::Dedup(2), PipeConfig::Serialize])
        .await;
    let out = p.process(live(&[x.clone(), x.clone(), y.clone()])).await;
    assert_eq!(ids(&out), vec![x.id, y.id]);
    // A cached copy of a live event is a duplicate as well.
    assert!(p.process(vec![Item::cached(y.clone())]).await.is_empty());
    // z pushes x out of the two remembered ids, so x passes again.
    let out = p.process(live(&[z.clone(), x.clone()])).await;
    assert_eq!(ids(&out), vec![z.id, x.id]);
    assert_eq!(p.stats().duplicates, 2);
}

#[tokio::test]
async fn verify_drops_and_counts_bad_events_and_skips_cached() {
    let env = env();
    let k = Keys::generate();
    let mut p = env
        .pipeline(vec![PipeConfig::Verify, PipeConfig::Serialize])
        .await;
    let good = note(&k, "good");
    let out = p
        .process(live(&[good.clone(), tampered_sig(&k), tampered_id(&k)]))
        .await;
    assert_eq!(ids(&out), vec![good.id]);
    let s = p.stats();
    assert_eq!((s.verified, s.bad_signatures, s.bad_ids), (1, 1, 1));
    // One batch, one request.
    assert_eq!(
        env.crypto
            .verify_requests
            .load(std::sync::atomic::Ordering::Relaxed),
        1
    );
    // Cached events were verified before they were stored: no request, no drop.
    let forged = tampered_sig(&k);
    let out = p.process(vec![Item::cached(forged.clone())]).await;
    assert_eq!(ids(&out), vec![forged.id]);
    assert_eq!(
        env.crypto
            .verify_requests
            .load(std::sync::atomic::Ordering::Relaxed),
        1
    );
}

#[tokio::test]
async fn parse_kinds_reasons_and_decryption() {
    let env = env();
    let k = Keys::generate();
    let mut p = env
        .pipeline(vec![
            PipeConfig::Parse { decrypt: true },
            PipeConfig::Serialize,
        ])
        .await;
    let bad_reaction = EventBuilder::new(Kind(7), "+").sign(&k);
    // A DM to the signer, encrypted with real NIP-04.
    let dm_text = nip04::encrypt(&k, &env.signer.public_key(), "meet at noon").unwrap();
    let dm = EventBuilder::new(Kind(4), dm_text)
        .tag(Tag::new(["p", &env.signer.public_key().to_hex()]))
        .sign(&k);
    // A DM between two others stays encrypted, with the flag set.
    let other = Keys::generate();
    let foreign_text = nip04::encrypt(&k, &other.public_key(), "not for you").unwrap();
    let foreign = EventBuilder::new(Kind(4), foreign_text)
        .tag(Tag::new(["p", &other.public_key().to_hex()]))
        .sign(&k);
    let out = parsed(
        &p.process(live(&[note(&k, "#hi there"), bad_reaction, dm, foreign]))
            .await,
    );
    assert!(matches!(out[0].body, Some(fb::parsed::ParsedBody::Note(_))));
    assert_eq!(
        out[1].failure.as_ref().unwrap().code.as_deref(),
        Some("missing_target")
    );
    let Some(fb::parsed::ParsedBody::DirectMessage(dm)) = &out[2].body else {
        panic!()
    };
    assert_eq!(dm.plaintext.as_deref(), Some("meet at noon"));
    assert!(!out[2].encrypted);
    let Some(fb::parsed::ParsedBody::DirectMessage(foreign)) = &out[3].body else {
        panic!()
    };
    assert!(foreign.encrypted && out[3].encrypted);
    assert_eq!(foreign.plaintext, None);
    assert_eq!(p.stats().parse_failures.get("missing_target"), Some(&1));
}

#[tokio::test]
async fn proofs_are_checked_through_the_crypto_worker() {
    let env = env();
    let k = Keys::generate();
    let mut p = env
        .pipeline(vec![
            PipeConfig::Parse { decrypt: false },
            PipeConfig::Proofs,
            PipeConfig::Serialize,
        ])
        .await;
    let tampered = NUT12_PROOF.replace("\"secret\":\"daf4", "\"secret\":\"eaf4");
    let bad_point = NUT12_PROOF.replace("\"C\":\"02", "\"C\":\"05");
    let nutzap = EventBuilder::new(Kind(9321), "")
        .tags([
            Tag::new(["p", &env.signer.public_key().to_hex()]),
            Tag::new(["u", "https://mint.example"]),
            Tag::new(["proof", NUT12_PROOF]),
            Tag::new(["proof", &tampered]),
            Tag::new(["proof", &bad_point]),
        ])
        .sign(&k);
    let out = parsed(&p.process(live(&[nutzap])).await);
    let Some(fb::parsed::ParsedBody::Nutzap(n)) = &out[0].body else {
        panic!()
    };
    assert_eq!(n.proofs.as_ref().map(Vec::len), Some(3));
    assert_eq!(
        out[0].proof_status,
        Some(vec![
            fb::ProofStatus::Valid,
            fb::ProofStatus::Invalid,
            fb::ProofStatus::Invalid
        ])
    );
    assert_eq!(p.stats().proofs_checked, 3);
    assert_eq!(
        env.crypto
            .proof_requests
            .load(std::sync::atomic::Ordering::Relaxed),
        1
    );
}

async fn stored(store: &MemoryStore) -> usize {
    let s = store.query(&[Filter::default()]).await.unwrap();
    s.collect::<Vec<_>>().await.len()
}

async fn wait_stored(store: &MemoryStore, want: usize) {
    for _ in 0..200 {
        if stored(store).await == want {
            return;
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    panic!("store holds {} events, want {want}", stored(store).await);
}

#[tokio::test]
async fn save_stores_live_events_only() {
    let env = env();
    let k = Keys::generate();
    let mut p = env
        .pipeline(vec![
            PipeConfig::Verify,
            PipeConfig::Save,
            PipeConfig::Serialize,
        ])
        .await;
    let out = p.process(live(&[note(&k, "1"), note(&k, "2")])).await;
    assert_eq!(out.len(), 2, "saving does not hold events back");
    wait_stored(&env.store, 2).await;
    let counters = p.save_counters().unwrap();
    p.process(vec![Item::cached(note(&k, "from cache"))]).await;
    tokio::time::sleep(Duration::from_millis(50)).await;
    assert_eq!(stored(&env.store).await, 2);
    assert_eq!(
        counters.stored.load(std::sync::atomic::Ordering::Relaxed),
        2
    );
    assert_eq!(
        counters.batches.load(std::sync::atomic::Ordering::Relaxed),
        1
    );
}

#[tokio::test]
async fn serialize_raw_or_parsed_and_counter() {
    let env = env();
    let k = Keys::generate();
    let ev = note(&k, "x");
    let mut raw = env.pipeline(vec![PipeConfig::Serialize]).await;
    let out = raw.process(vec![Item::cached(ev.clone())]).await;
    let fb::parsed::SubscriptionBody::RawEvent(r) = &bodies(&out)[0] else {
        panic!()
    };
    assert!(r.from_cache);
    assert_eq!(r.relay, None);

    let mut counter = env
        .pipeline(vec![PipeConfig::Dedup(100), PipeConfig::Counter])
        .await;
    let reaction = EventBuilder::new(Kind(7), "+").sign(&k);
    let out = counter
        .process(live(&[ev.clone(), ev.clone(), note(&k, "y"), reaction]))
        .await;
    assert!(out.is_empty(), "the counter delivers counts, not events");
    let fb::parsed::SubscriptionBody::Counts(c) =
        counter.counts_message().unwrap().to_table().unwrap().body
    else {
        panic!()
    };
    assert_eq!(
        c.counts.unwrap(),
        vec![
            fb::parsed::KindCount { kind: 1, count: 2 },
            fb::parsed::KindCount { kind: 7, count: 1 }
        ]
    );
}

#[tokio::test]
async fn default_order_live_and_cached() {
    let env = env();
    let k = Keys::generate();
    let mut p = Pipeline::new(&PipelineConfig::default(), "sub", &env.services().await).unwrap();
    let (a, b) = (note(&k, "#a note"), note(&k, "another"));
    let out = p
        .process(live(&[a.clone(), a.clone(), tampered_sig(&k), b.clone()]))
        .await;
    let got = parsed(&out);
    assert_eq!(got.len(), 2);
    assert!(
        got.iter()
            .all(|e| matches!(e.body, Some(fb::parsed::ParsedBody::Note(_))))
    );
    assert!(got.iter().all(|e| !e.from_cache));
    let s = p.stats();
    // dedup runs before verify: the exact copy never reaches the crypto worker.
    assert_eq!((s.duplicates, s.verified, s.bad_signatures), (1, 2, 1));
    assert_eq!(
        env.crypto
            .events_verified
            .load(std::sync::atomic::Ordering::Relaxed),
        3
    );
    wait_stored(&env.store, 2).await;

    // Cached: not verified, not saved again, still deduplicated, parsed and marked as cached.
    let c = note(&k, "cached");
    let out = p
        .process(vec![Item::cached(a.clone()), Item::cached(c.clone())])
        .await;
    let got = parsed(&out);
    assert_eq!(got.len(), 1);
    assert!(got[0].from_cache);
    assert_eq!(
        nipworker_core::protocol::EventId::from(got[0].event.id),
        c.id
    );
    assert_eq!(
        env.crypto
            .events_verified
            .load(std::sync::atomic::Ordering::Relaxed),
        3
    );
    tokio::time::sleep(Duration::from_millis(50)).await;
    assert_eq!(stored(&env.store).await, 2);
}

#[tokio::test]
async fn bad_configurations_are_typed_errors() {
    let none = Services::default();
    let cfg = |pipes| PipelineConfig { pipes };
    assert_eq!(
        Pipeline::new(&cfg(vec![PipeConfig::Verify]), "s", &none).unwrap_err(),
        PipelineConfigError::NoTerminal
    );
    assert_eq!(
        Pipeline::new(
            &cfg(vec![PipeConfig::Serialize, PipeConfig::Save]),
            "s",
            &none
        )
        .unwrap_err(),
        PipelineConfigError::TerminalNotLast
    );
    assert_eq!(
        Pipeline::new(&PipelineConfig::default(), "s", &none).unwrap_err(),
        PipelineConfigError::MissingService("verify")
    );
    let trusted = PipelineConfig::default()
        .without(&PipeConfig::Verify)
        .without(&PipeConfig::Save);
    assert!(Pipeline::new(&trusted, "s", &none).is_ok());
    // The cache serves what it stores as verified: saving unverified events is refused.
    assert_eq!(
        Pipeline::new(
            &PipelineConfig::default().without(&PipeConfig::Verify),
            "s",
            &none
        )
        .unwrap_err(),
        PipelineConfigError::SaveWithoutVerify
    );
    let _ = Timestamp::now();
    let _ = ParsedKind::Raw;
}

#[tokio::test]
async fn a_stopped_crypto_worker_drops_live_events_unverified_and_counts_them() {
    // Fault injection: the crypto worker's end is dropped, so every verify request fails.
    let ch = IpcChannels::new(&IpcConfig::default()).unwrap();
    drop(ch.crypto);
    let handle = spawn_parser(ch.parser, ParserConfig::default());
    let services = Services {
        verifier: Some(Arc::new(handle.crypto().clone())),
        ..Services::default()
    };
    let mut p = Pipeline::new(
        &PipelineConfig {
            pipes: vec![PipeConfig::Verify, PipeConfig::Serialize],
        },
        "s",
        &services,
    )
    .unwrap();
    let k = Keys::generate();
    let cached = note(&k, "cached");
    let mut items = live(&[note(&k, "a"), note(&k, "b")]);
    items.push(Item::cached(cached.clone()));
    let out = tokio::time::timeout(Duration::from_secs(10), p.process(items))
        .await
        .unwrap();
    assert_eq!(ids(&out), vec![cached.id], "never delivered unchecked");
    assert_eq!(p.stats().verify_errors, 2);
    assert!(handle.crypto().signer_public_key().await.is_err());
    drop(ch.connections);
}

/// Forged copies of `genuine`: the same id and signature over changed content, and the same id
/// and content under someone else's signature.
fn forged_copies(genuine: &Event, k: &Keys) -> (Event, Event) {
    let mut changed = genuine.clone();
    changed.content = "censored".into();
    let mut bad_sig = genuine.clone();
    bad_sig.sig = note(k, "another").sig;
    (changed, bad_sig)
}

#[tokio::test]
async fn forged_copies_sent_first_never_shadow_the_genuine_event() {
    let env = env();
    let k = Keys::generate();
    let genuine = note(&k, "the real one");
    let (changed, bad_sig) = forged_copies(&genuine, &k);
    let mut p = Pipeline::new(&PipelineConfig::default(), "sub", &env.services().await).unwrap();

    // In a batch of their own, before the genuine event arrives.
    assert!(
        p.process(live(&[changed.clone(), bad_sig.clone()]))
            .await
            .is_empty()
    );
    let out = p.process(live(std::slice::from_ref(&genuine))).await;
    assert_eq!(ids(&out), vec![genuine.id]);
    let s = p.stats().clone();
    assert_eq!((s.bad_ids, s.bad_signatures, s.duplicates), (1, 1, 0));

    // Once verified, a further copy is a duplicate; forged ones are still counted as forged.
    assert!(
        p.process(live(&[genuine.clone(), changed.clone(), bad_sig.clone()]))
            .await
            .is_empty()
    );
    let s = p.stats().clone();
    assert_eq!((s.duplicates, s.bad_ids, s.conflicting_copies), (1, 2, 1));

    // In the same batch, forged copies first.
    let other = note(&k, "second");
    let (changed, bad_sig) = forged_copies(&other, &k);
    let out = p
        .process(live(&[changed, bad_sig, other.clone(), other.clone()]))
        .await;
    assert_eq!(ids(&out), vec![other.id]);
    let s = p.stats();
    assert_eq!((s.bad_ids, s.bad_signatures, s.duplicates), (3, 2, 2));
}

#[tokio::test]
async fn forged_events_do_not_use_up_an_authors_limit() {
    let env = env();
    let k = Keys::generate();
    let mut p = env
        .pipeline(vec![
            PipeConfig::AuthorLimit(2),
            PipeConfig::Verify,
            PipeConfig::Serialize,
        ])
        .await;
    let forged: Vec<Event> = (0..5).map(|n| tampered_sig_n(&k, n)).collect();
    assert!(p.process(live(&forged)).await.is_empty());
    let real = [note(&k, "1"), note(&k, "2"), note(&k, "3")];
    let out = p.process(live(&real)).await;
    assert_eq!(ids(&out), vec![real[0].id, real[1].id]);
    assert_eq!(p.stats().limited, 1);
    assert_eq!(p.stats().bad_signatures, 5);
}

fn tampered_sig_n(keys: &Keys, n: u32) -> Event {
    let mut e = note(keys, &format!("forged {n}"));
    e.sig = note(keys, "other").sig;
    e
}

#[tokio::test]
async fn without_verify_dedup_remembers_only_ids_that_match_their_event() {
    let env = env();
    let k = Keys::generate();
    let genuine = note(&k, "real");
    let (changed, _) = forged_copies(&genuine, &k);
    let mut p = env
        .pipeline(vec![PipeConfig::Dedup(100), PipeConfig::Serialize])
        .await;
    // Nothing verifies here, so the forged copy passes, but it is not remembered under the id it
    // does not carry: the genuine event still gets through, once.
    assert_eq!(p.process(live(&[changed])).await.len(), 1);
    assert_eq!(
        ids(&p.process(live(std::slice::from_ref(&genuine))).await),
        vec![genuine.id]
    );
    assert!(p.process(live(&[genuine])).await.is_empty());
    assert_eq!(p.stats().duplicates, 1);
}

/// The real robot note of testdata/corpus/random.json: 142 characters ending with a link.
fn real_robot_note() -> Event {
    let path = format!(
        "{}/../../testdata/corpus/random.json",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .map(|l| {
            let msg: Vec<serde_json::Value> = serde_json::from_str(l).unwrap();
            serde_json::from_value::<Event>(msg.last().unwrap().clone()).unwrap()
        })
        .find(|e| e.content.starts_with("I am a robot"))
        .unwrap()
}

#[tokio::test]
async fn preview_pipe_shortens_content_without_cutting_links() {
    use nipworker_core::parser::content::PreviewLimit;
    let env = env();
    let robot = real_robot_note();
    assert!(robot.verify().is_ok());
    let reaction = EventBuilder::new(Kind(7), "+")
        .tag(Tag::new(["e", &robot.id.to_hex()]))
        .sign(&env.signer);
    let preview_of = |msg: &SubscriptionMessage| {
        let fb::parsed::SubscriptionBody::ParsedEvent(pe) = msg.to_table().unwrap().body else {
            panic!("not a parsed event")
        };
        let blocks = match pe.body {
            Some(fb::parsed::ParsedBody::Note(n)) => n.blocks.unwrap_or_default(),
            _ => Vec::new(),
        };
        (pe.preview, blocks)
    };

    for limit in [PreviewLimit::chars(60), PreviewLimit::chars(120)] {
        let mut p = env
            .pipeline(vec![
                PipeConfig::Parse { decrypt: false },
                PipeConfig::Preview(limit),
                PipeConfig::Serialize,
            ])
            .await;
        let out = p.process(live(&[robot.clone(), reaction.clone()])).await;
        let (preview, blocks) = preview_of(&out[0]);
        let preview = preview.unwrap();
        assert!(preview.truncated);
        let end = preview.end as usize;
        let text = &robot.content[..end];
        // Cut where a word ends, within the limit, and before the link (never inside it).
        assert!(
            robot.content[end..].starts_with(char::is_whitespace),
            "{text:?}"
        );
        assert!(text.chars().count() <= limit.max_chars.unwrap());
        assert!(!text.contains("https://"));
        let kept = &blocks[..preview.blocks as usize];
        assert!(
            kept.iter()
                .all(|b| b.block_type == fb::parsed::BlockType::Text)
        );
        // Kinds without content blocks get no preview.
        assert!(preview_of(&out[1]).0.is_none());
    }

    // Room for everything: nothing is shortened, for live and cached events alike.
    let mut p = env
        .pipeline(vec![
            PipeConfig::Parse { decrypt: false },
            PipeConfig::Preview(PreviewLimit::chars(1000)),
            PipeConfig::Serialize,
        ])
        .await;
    let out = p.process(vec![Item::cached(robot.clone())]).await;
    let (preview, blocks) = preview_of(&out[0]);
    let preview = preview.unwrap();
    assert!(!preview.truncated);
    assert_eq!(preview.blocks as usize, blocks.len());
    assert_eq!(preview.end as usize, robot.content.len());
    assert!(
        blocks
            .iter()
            .any(|b| b.block_type == fb::parsed::BlockType::Url)
    );

    // Without the pipe there is no preview.
    let mut p = env
        .pipeline(vec![
            PipeConfig::Parse { decrypt: false },
            PipeConfig::Serialize,
        ])
        .await;
    let out = p.process(live(std::slice::from_ref(&robot))).await;
    assert!(preview_of(&out[0]).0.is_none());
}
