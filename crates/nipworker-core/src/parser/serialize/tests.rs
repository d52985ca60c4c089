//! Round trips: one event per kind parsed, written as a `SubscriptionMessage`, checked at the
//! boundary and read back field by field against the parser's typed result.

use planus::Builder;

use super::*;
use crate::parser::kinds::decrypt::testing::{FakeDecryptor, seal};
use crate::parser::kinds::{EncryptionScheme, parse_event, parse_event_with};
use crate::protocol::flatbuffers::read_event;
use crate::protocol::{EventBuilder, Keys, Tag, Timestamp};

type Body = fb::parsed::ParsedBody;

/// Writes, re-checks the bytes as a received message would be, and reads everything back.
fn round_trip(event: &Event, parsed: &Result<ParsedKind, ParseError>) -> fb::parsed::ParsedEvent {
    let mut b = Builder::new();
    let msg = parsed_event_message(
        &mut b,
        "sub",
        event,
        Some("wss://relay.example"),
        false,
        Some(parsed.as_ref()),
        &[],
    );
    let again = SubscriptionMessage::from_bytes(msg.bytes().clone()).unwrap();
    assert_eq!(&again.bytes()[4..8], b"NWSM");
    let root = again.root().unwrap();
    assert_eq!(root.subscription_id().unwrap(), Some("sub"));
    let fb::parsed::SubscriptionBodyRef::ParsedEvent(pe) = root.body().unwrap() else {
        panic!("not a parsed event")
    };
    assert_eq!(&read_event(pe.event().unwrap()).unwrap(), event);
    let table = again.to_table().unwrap();
    let fb::parsed::SubscriptionBody::ParsedEvent(pe) = table.body else {
        panic!("not a parsed event")
    };
    assert_eq!(pe.relay.as_deref(), Some("wss://relay.example"));
    *pe
}

fn body(event: &Event) -> (ParsedKind, Body) {
    let parsed = parse_event(event);
    let pe = round_trip(event, &parsed);
    assert!(pe.failure.is_none());
    (parsed.unwrap(), pe.body.unwrap())
}

/// BOLT #11 example "Please send $3 for a cup of coffee to the same peer, within one minute".
const INVOICE: &str = "lnbc2500u1pvjluezsp5zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zygspp5qqqsyqcyq5rqwzqfqqqsyqcyq5rqwzqfqqqsyqcyq5rqwzqfqypqdq5xysxxatsyp3k7enxv4jsxqzpu9qrsgquk0rl77nj30yxdy8j9vdx85fkpmdla2087ne0xh8nhedh8w27kyke0lp53ut353s06fv3qfegext0eh0ymjpf39tuven09sam30g4vgpfna3rh";

fn keys() -> Keys {
    Keys::from_hex(&"03".repeat(32)).unwrap()
}

fn hex32(b: u8) -> String {
    hex::encode([b; 32])
}

#[test]
fn profile() {
    let ev = EventBuilder::new(
        Kind(0),
        r#"{"name":"alice","display_name":"Alice","about":"hi","picture":"https://p/a.png","banner":"https://p/b.png","website":"https://a.example","nip05":"a@a.example","lud16":"a@ln.example","bot":false,"lud06":42}"#,
    )
    .sign(&keys());
    let (ParsedKind::Profile(want), Body::Profile(got)) = body(&ev) else {
        panic!()
    };
    assert_eq!(got.name, want.name);
    assert_eq!(got.display_name.as_deref(), Some("Alice"));
    assert_eq!(got.about, want.about);
    assert_eq!(got.picture, want.picture);
    assert_eq!(got.banner, want.banner);
    assert_eq!(got.website, want.website);
    assert_eq!(got.nip05, want.nip05);
    assert_eq!(got.lud16, want.lud16);
    assert_eq!(got.lud06, want.lud06);
    assert_eq!(got.bot, Some(false));
    assert_eq!(got.ignored_values, want.ignored_values);
}

#[test]
fn rich_note_blocks_and_refs() {
    let k = keys();
    let npub = crate::protocol::Nip19Entity::Pubkey(k.public_key())
        .to_bech32()
        .unwrap();
    let content = format!(
        "gm #Nostr ✨ see https://x.example/a.jpg and nostr:{npub} :soon: `code` {INVOICE}"
    );
    let root = hex32(1);
    let reply = hex32(2);
    let ev = EventBuilder::new(Kind(1), content.clone())
        .tags([
            Tag::new(["e", &root, "wss://r.example", "root"]),
            Tag::new(["e", &reply, "", "reply"]),
            Tag::new(["p", &k.public_key().to_hex()]),
            Tag::new(["t", "nostr"]),
            Tag::new(["emoji", "soon", "https://e.example/soon.png"]),
            Tag::new(["q", &hex32(3)]),
        ])
        .sign(&k);
    let (ParsedKind::Note(want), Body::Note(got)) = body(&ev) else {
        panic!()
    };
    assert_eq!(got.threading, fb::parsed::Threading::Marked);
    let r = got.root.unwrap();
    assert_eq!(EventIdOf(r.id), want.root.as_ref().unwrap().id);
    assert_eq!(r.relay.as_deref(), Some("wss://r.example"));
    assert_eq!(EventIdOf(got.reply.unwrap().id), want.reply.unwrap().id);
    assert_eq!(got.pubkeys.unwrap().len(), want.pubkeys.len());
    assert_eq!(got.quotes.unwrap().len(), 1);
    assert_eq!(got.hashtags, Some(want.hashtags.clone()));
    let blocks = got.blocks.unwrap();
    assert_eq!(blocks.len(), want.content_blocks.len());
    // Ranges tile the content and carry each block's type.
    let mut at = 0;
    for (b, w) in blocks.iter().zip(&want.content_blocks) {
        assert_eq!(b.start as usize, at);
        assert_eq!(b.end as usize, w.range.end);
        at = b.end as usize;
    }
    assert_eq!(at, content.len());
    let types: Vec<_> = blocks.iter().map(|b| b.block_type).collect();
    use fb::parsed::BlockType as T;
    for t in [
        T::Hashtag,
        T::Url,
        T::Mention,
        T::Emoji,
        T::Code,
        T::Invoice,
    ] {
        assert!(types.contains(&t), "{t:?} in {types:?}");
    }
    let find = |t| blocks.iter().find(|b| b.block_type == t).unwrap();
    assert_eq!(find(T::Hashtag).value.as_deref(), Some("Nostr"));
    assert_eq!(find(T::Url).media, fb::parsed::MediaType::Image);
    assert_eq!(
        find(T::Emoji).url.as_deref(),
        Some("https://e.example/soon.png")
    );
    assert_eq!(find(T::Code).value.as_deref(), Some("code"));
    let m = find(T::Mention).mention.clone().unwrap();
    assert_eq!(m.mention_type, fb::parsed::MentionType::Pubkey);
    assert_eq!(PublicKeyOf(m.pubkey.unwrap()), k.public_key());
    let inv = find(T::Invoice).invoice.clone().unwrap();
    assert_eq!(inv.amount_msat, Some(250_000_000));
    assert!(inv.timestamp > 0);
}

#[allow(non_snake_case)]
fn EventIdOf(b: fb::Bytes32) -> crate::protocol::EventId {
    b.into()
}

#[allow(non_snake_case)]
fn PublicKeyOf(b: fb::Bytes32) -> crate::protocol::PublicKey {
    b.into()
}

#[test]
fn contacts() {
    let a = Keys::generate().public_key().to_hex();
    let ev = EventBuilder::new(
        Kind(3),
        r#"{"wss://r.example":{"read":true,"write":false}}"#,
    )
    .tags([
        Tag::new(["p", &a, "wss://hint.example", "bob"]),
        Tag::new(["p", "nothex"]),
    ])
    .sign(&keys());
    let (ParsedKind::Contacts(want), Body::Contacts(got)) = body(&ev) else {
        panic!()
    };
    let c = &got.contacts.unwrap()[0];
    assert_eq!(PublicKeyOf(c.pubkey), want.contacts[0].pubkey);
    assert_eq!(c.relay, want.contacts[0].relay);
    assert_eq!(c.petname.as_deref(), Some("bob"));
    let r = &got.relays.unwrap()[0];
    assert_eq!(
        (r.url.as_deref(), r.read, r.write),
        (Some(want.relays[0].url.as_str()), true, false)
    );
    assert_eq!(got.skipped as usize, want.skipped.len());
    assert_eq!(got.skipped, 1);
}

#[tokio::test]
async fn direct_message_sealed_and_decrypted() {
    let me = keys();
    let peer = Keys::generate();
    let ev = EventBuilder::new(Kind(4), seal(EncryptionScheme::Nip04, "secret text"))
        .tag(Tag::new(["p", &peer.public_key().to_hex()]))
        .sign(&me);
    let (_, Body::DirectMessage(sealed)) = body(&ev) else {
        panic!()
    };
    assert!(sealed.encrypted);
    let enc = sealed.encryption.unwrap();
    assert_eq!(enc.state, fb::parsed::EncryptionState::Sealed);
    assert_eq!(enc.scheme, fb::EncryptionScheme::Nip04);
    assert_eq!(enc.detail.as_deref(), Some("no_decryptor"));
    assert_eq!(sealed.plaintext, None);
    assert_eq!(PublicKeyOf(sealed.recipient), peer.public_key());

    let dec = FakeDecryptor::new(me.public_key());
    let parsed = parse_event_with(&ev, Some(&dec)).await;
    let pe = round_trip(&ev, &parsed);
    assert!(!pe.encrypted);
    let Some(Body::DirectMessage(open)) = pe.body else {
        panic!()
    };
    assert!(!open.encrypted);
    assert_eq!(open.plaintext.as_deref(), Some("secret text"));
    assert_eq!(
        open.encryption.unwrap().state,
        fb::parsed::EncryptionState::Decrypted
    );
}

#[test]
fn repost_with_embedded_note() {
    let author = Keys::generate();
    let inner = EventBuilder::new(Kind(1), "inner #tag")
        .tag(Tag::new(["t", "tag"]))
        .sign(&author);
    let ev = EventBuilder::new(Kind(6), inner.to_json())
        .tags([
            Tag::new(["e", &inner.id.to_hex(), "wss://r.example"]),
            Tag::new(["p", &author.public_key().to_hex()]),
        ])
        .sign(&keys());
    let (ParsedKind::Repost(want), Body::Repost(got)) = body(&ev) else {
        panic!()
    };
    assert!(!got.generic);
    assert_eq!(got.embedded_state, fb::parsed::EmbeddedState::Valid);
    assert_eq!(EventIdOf(got.target.unwrap().id), want.target.unwrap().id);
    assert_eq!(got.target_kind, Some(1));
    let embedded = got.embedded.unwrap();
    assert_eq!(EventIdOf(embedded.event.id), inner.id);
    assert_eq!(embedded.event.content.as_deref(), Some("inner #tag"));
    let Some(Body::Note(note)) = embedded.body else {
        panic!()
    };
    assert_eq!(note.hashtags, Some(vec!["tag".to_owned()]));
}

#[test]
fn reaction_custom_emoji() {
    let ev = EventBuilder::new(Kind(7), ":party:")
        .tags([
            Tag::new(["e", &hex32(5)]),
            Tag::new(["p", &hex32(6)]),
            Tag::new(["k", "1"]),
            Tag::new(["emoji", "party", "https://e.example/p.gif"]),
        ])
        .sign(&keys());
    let (ParsedKind::Reaction(want), Body::Reaction(got)) = body(&ev) else {
        panic!()
    };
    assert_eq!(got.reaction_type, fb::parsed::ReactionType::CustomEmoji);
    assert_eq!(got.content.as_deref(), Some("party"));
    assert_eq!(got.url.as_deref(), Some("https://e.example/p.gif"));
    assert_eq!(EventIdOf(got.target.unwrap().id), want.target.unwrap().id);
    assert_eq!(got.target_author.map(PublicKeyOf), want.target_author);
    assert_eq!(got.target_kind, Some(1));
}

#[tokio::test]
async fn mute_list_public_and_private() {
    let me = keys();
    let muted = Keys::generate().public_key().to_hex();
    let private = format!(r#"[["p","{muted}"],["word","spam"]]"#);
    let ev = EventBuilder::new(Kind(10000), seal(EncryptionScheme::Nip44, &private))
        .tags([
            Tag::new(["t", "politics"]),
            Tag::new(["e", &hex32(7)]),
            Tag::new(["x-unknown", "v"]),
        ])
        .sign(&me);
    let dec = FakeDecryptor::new(me.public_key());
    let parsed = parse_event_with(&ev, Some(&dec)).await;
    let ParsedKind::List(want) = parsed.as_ref().unwrap().clone() else {
        panic!()
    };
    let pe = round_trip(&ev, &parsed);
    let Some(Body::List(got)) = pe.body else {
        panic!()
    };
    let public = got.public.unwrap();
    assert_eq!(public.len(), want.public.len());
    use fb::parsed::ListItemType as L;
    assert_eq!(public[0].item_type, L::Hashtag);
    assert_eq!(public[0].value.as_deref(), Some("politics"));
    assert_eq!(public[1].item_type, L::Event);
    let private = got.private.unwrap();
    assert_eq!(private[0].item_type, L::Pubkey);
    assert_eq!(
        private[0]
            .pubkey
            .as_ref()
            .map(|p| PublicKeyOf(p.pubkey).to_hex()),
        Some(muted)
    );
    assert_eq!(private[1].item_type, L::Word);
    assert_eq!(private[1].value.as_deref(), Some("spam"));
    assert_eq!(
        got.encryption.unwrap().state,
        fb::parsed::EncryptionState::Decrypted
    );
    let _ = public.iter().find(|i| i.item_type == L::Other);
}

#[test]
fn zap_request_and_receipt() {
    let sender = Keys::generate();
    let recipient = Keys::generate().public_key().to_hex();
    let req = EventBuilder::new(Kind(9734), "great post")
        .tags([
            Tag::new(["p", &recipient]),
            Tag::new(["relays", "wss://r.example"]),
            Tag::new(["amount", "21000"]),
            Tag::new(["e", &hex32(8)]),
        ])
        .sign(&sender);
    let (ParsedKind::ZapRequest(want), Body::ZapRequest(got)) = body(&req) else {
        panic!()
    };
    assert_eq!(got.amount_msat, Some(21000));
    assert_eq!(got.comment.as_deref(), Some("great post"));
    assert_eq!(PublicKeyOf(got.sender), want.sender);
    assert_eq!(got.relays.unwrap().len(), want.relays.len());

    let receipt = EventBuilder::new(Kind(9735), "")
        .tags([
            Tag::new(["p", &recipient]),
            Tag::new(["e", &hex32(8)]),
            Tag::new(["bolt11", "lnbc1pqqq"]),
            Tag::new(["description", &req.to_json()]),
        ])
        .sign(&keys());
    let (ParsedKind::ZapReceipt(want), Body::ZapReceipt(got)) = body(&receipt) else {
        panic!()
    };
    assert_eq!(got.amount_msat, want.amount_msat);
    assert_eq!(got.amount_source, fb::parsed::AmountSource::Request);
    assert_eq!(got.sender.map(PublicKeyOf), Some(sender.public_key()));
    assert_eq!(got.valid, want.validity.is_valid());
    assert!(!got.valid);
    assert!(
        got.problems
            .unwrap()
            .contains(&"invoice_unreadable".to_owned())
    );
    assert_eq!(got.request.unwrap().amount_msat, Some(21000));
}

const PROOF: &str = r#"{"amount":2,"id":"00882760bfa2eb41","secret":"s3cr3t","C":"02ab","dleq":{"e":"01","s":"02","r":"03"}}"#;

#[tokio::test]
async fn wallet_token_history() {
    let me = keys();
    let dec = FakeDecryptor::new(me.public_key());
    let wallet = EventBuilder::new(
        Kind(17375),
        seal(
            EncryptionScheme::Nip44,
            r#"[["privkey","aa"],["mint","https://m.example"]]"#,
        ),
    )
    .tag(Tag::new(["mint", "https://pub.example"]))
    .sign(&me);
    let parsed = parse_event_with(&wallet, Some(&dec)).await;
    let Some(Body::Wallet(w)) = round_trip(&wallet, &parsed).body else {
        panic!()
    };
    assert!(w.has_privkey);
    assert_eq!(w.mints.unwrap().len(), 1);
    assert_eq!(w.public_mints.unwrap().len(), 1);

    let token_plain = format!(
        r#"{{"mint":"https://t.example","proofs":[{PROOF}],"del":["{}"]}}"#,
        hex32(9)
    );
    let token =
        EventBuilder::new(Kind(7375), seal(EncryptionScheme::Nip44, &token_plain)).sign(&me);
    let parsed = parse_event_with(&token, Some(&dec)).await;
    let Some(Body::Token(t)) = round_trip(&token, &parsed).body else {
        panic!()
    };
    assert_eq!(t.mint.as_deref(), Some("https://t.example"));
    let proofs = t.proofs.unwrap();
    assert_eq!(proofs[0].amount, 2);
    assert_eq!(proofs[0].secret.as_deref(), Some("s3cr3t"));
    assert!(proofs[0].has_dleq);
    assert_eq!(t.deleted.map(|d| d.len()), Some(1));

    let history = EventBuilder::new(
        Kind(7376),
        seal(
            EncryptionScheme::Nip44,
            r#"[["direction","in"],["amount","5"]]"#,
        ),
    )
    .tag(Tag::new(["e", &hex32(10), "", "redeemed"]))
    .sign(&me);
    let parsed = parse_event_with(&history, Some(&dec)).await;
    let Some(Body::SpendingHistory(h)) = round_trip(&history, &parsed).body else {
        panic!()
    };
    let private = h.private.unwrap();
    assert_eq!(private.direction, fb::parsed::Direction::In);
    assert_eq!(private.amount, Some(5));
    let public = h.public.unwrap();
    assert_eq!(
        public.refs.unwrap()[0].marker,
        fb::parsed::HistoryMarker::Redeemed
    );
}

#[test]
fn nutzap_and_info() {
    let recipient = Keys::generate().public_key().to_hex();
    let ev = EventBuilder::new(Kind(9321), "thanks")
        .tags([
            Tag::new(["p", &recipient]),
            Tag::new(["u", "https://m.example"]),
            Tag::new(["proof", PROOF]),
            Tag::new(["e", &hex32(11)]),
        ])
        .sign(&keys());
    let (ParsedKind::Nutzap(want), Body::Nutzap(got)) = body(&ev) else {
        panic!()
    };
    assert_eq!(got.mint.as_deref(), Some("https://m.example"));
    assert_eq!(got.amount, want.amount);
    assert_eq!(
        got.proofs.unwrap()[0].mint.as_deref(),
        Some("https://m.example")
    );
    assert_eq!(got.comment.as_deref(), Some("thanks"));

    let info = EventBuilder::new(Kind(10019), "")
        .tags([
            Tag::new(["relay", "wss://r.example"]),
            Tag::new(["mint", "https://m.example", "sat"]),
            Tag::new(["pubkey", &format!("02{}", hex32(12))]),
        ])
        .sign(&keys());
    let (ParsedKind::NutzapInfo(want), Body::NutzapInfo(got)) = body(&info) else {
        panic!()
    };
    assert_eq!(got.relays.unwrap().len(), want.relays.len());
    let mint = &got.mints.unwrap()[0];
    assert_eq!(mint.units, Some(vec!["sat".to_owned()]));
    assert_eq!(got.p2pk_pubkey, want.p2pk_pubkey);
}

#[test]
fn relay_list() {
    let ev = EventBuilder::new(Kind(10002), "")
        .tags([
            Tag::new(["r", "wss://a.example", "read"]),
            Tag::new(["r", "wss://b.example"]),
            Tag::new(["r", "not a url"]),
        ])
        .sign(&keys());
    let (ParsedKind::RelayList(want), Body::RelayList(got)) = body(&ev) else {
        panic!()
    };
    let relays = got.relays.unwrap();
    assert_eq!(relays.len(), 2);
    for (g, w) in relays.iter().zip(&want.relays) {
        assert_eq!(
            (g.url.as_deref(), g.read, g.write),
            (Some(w.url.as_str()), w.read, w.write)
        );
    }
    assert_eq!(got.skipped, 1);
}

#[test]
fn comment() {
    let ev = EventBuilder::new(Kind(1111), "nice #take")
        .tags([
            Tag::new(["I", "https://x.example/a"]),
            Tag::new(["K", "web"]),
            Tag::new(["e", &hex32(13)]),
            Tag::new(["k", "1111"]),
        ])
        .sign(&keys());
    let (_, Body::Comment(got)) = body(&ev) else {
        panic!()
    };
    let root = got.root.unwrap();
    assert_eq!(root.external_id.as_deref(), Some("https://x.example/a"));
    assert_eq!(root.external_kind.as_deref(), Some("web"));
    let parent = got.parent.unwrap();
    assert_eq!(parent.kind, Some(1111));
    assert!(parent.event.is_some());
    assert!(
        got.blocks
            .unwrap()
            .iter()
            .any(|b| b.block_type == fb::parsed::BlockType::Hashtag)
    );
}

#[test]
fn long_form() {
    let ev = EventBuilder::new(
        Kind(30023),
        "# Title\n\nSome [link](https://l.example) text.\n\n```rust\nfn x() {}\n```\n\n- a\n- b\n",
    )
    .tags([
        Tag::new(["d", "post-1"]),
        Tag::new(["title", "Post"]),
        Tag::new(["published_at", "1700000000"]),
        Tag::new(["t", "Rust"]),
    ])
    .created_at(Timestamp(1_700_000_001))
    .sign(&keys());
    let (ParsedKind::LongForm(want), Body::LongForm(got)) = body(&ev) else {
        panic!()
    };
    assert_eq!(got.identifier.as_deref(), Some("post-1"));
    assert_eq!(got.title.as_deref(), Some("Post"));
    assert_eq!(got.published_at, Some(1_700_000_000));
    assert_eq!(got.hashtags, Some(want.hashtags.clone()));
    let blocks = got.blocks.unwrap();
    assert_eq!(blocks.len(), want.blocks.len());
    use fb::parsed::MarkdownType as M;
    assert_eq!(blocks[0].block_type, M::Heading);
    assert_eq!(blocks[0].level, 1);
    assert_eq!(
        blocks[1].links.as_ref().unwrap()[0].url.as_deref(),
        Some("https://l.example")
    );
    assert_eq!(blocks[2].block_type, M::Code);
    assert_eq!(blocks[2].value.as_deref(), Some("rust"));
    assert_eq!(blocks[3].items.as_ref().map(Vec::len), Some(2));
}

#[test]
fn unknown_kind_and_rule_failure() {
    let ev = EventBuilder::new(Kind(5), "").sign(&keys());
    let (ParsedKind::Raw, Body::Unknown(_)) = body(&ev) else {
        panic!()
    };
    let bad = EventBuilder::new(Kind(7), "+").sign(&keys());
    let parsed = parse_event(&bad);
    assert!(parsed.is_err());
    let pe = round_trip(&bad, &parsed);
    assert!(pe.body.is_none());
    let f = pe.failure.unwrap();
    assert_eq!(f.code.as_deref(), Some("missing_target"));
    assert!(f.message.unwrap().starts_with("kind 7:"));
}

#[test]
fn stream_messages() {
    let mut b = Builder::new();
    let ev = EventBuilder::new(Kind(1), "raw").sign(&keys());
    let check = |m: SubscriptionMessage| -> fb::parsed::SubscriptionBody {
        SubscriptionMessage::from_bytes(m.into_bytes())
            .unwrap()
            .to_table()
            .unwrap()
            .body
    };
    let fb::parsed::SubscriptionBody::RawEvent(raw) =
        check(raw_event_message(&mut b, "s", &ev, None, true))
    else {
        panic!()
    };
    assert!(raw.from_cache);
    let fb::parsed::SubscriptionBody::Eose(e) =
        check(eose_message(&mut b, "s", "wss://r", 2, true))
    else {
        panic!()
    };
    assert_eq!((e.relay.as_deref(), e.pending_relays), (Some("wss://r"), 2));
    assert!(e.timed_out && !e.from_cache);
    let fb::parsed::SubscriptionBody::Eose(e) = check(cache_eose_message(&mut b, "s", 3)) else {
        panic!()
    };
    assert_eq!((e.relay, e.pending_relays, e.from_cache), (None, 3, true));
    let fb::parsed::SubscriptionBody::Closed(c) = check(closed_message(
        &mut b,
        "s",
        "wss://r",
        Some("auth-required: x"),
        fb::ClosedCause::AuthNoSigner,
    )) else {
        panic!()
    };
    assert_eq!(c.reason.as_deref(), Some("auth-required: x"));
    assert_eq!(c.cause, fb::ClosedCause::AuthNoSigner);
    let fb::parsed::SubscriptionBody::Queued(q) =
        check(queued_message(&mut b, "s", "wss://r", "waiting"))
    else {
        panic!()
    };
    assert_eq!(q.reason.as_deref(), Some("waiting"));
    let fb::parsed::SubscriptionBody::Counts(c) =
        check(counts_message(&mut b, "s", [(Kind(1), 3), (Kind(7), 9)]))
    else {
        panic!()
    };
    assert_eq!(
        c.counts.unwrap()[1],
        fb::parsed::KindCount { kind: 7, count: 9 }
    );
    let fb::parsed::SubscriptionBody::Lagged(l) = check(lagged_message(&mut b, "s", 42)) else {
        panic!()
    };
    assert_eq!(l.skipped, 42);
    let fb::parsed::SubscriptionBody::End(e) = check(end_message(&mut b, "s", "eose")) else {
        panic!()
    };
    assert_eq!(e.reason.as_deref(), Some("eose"));
    // Another root's bytes are refused.
    let other = ChannelMessage::<fb::CryptoRequest>::from_table(&fb::CryptoRequest {
        request_id: 1,
        body: fb::CryptoRequestBody::GetPublicKey(Box::new(fb::GetPublicKey {})),
    });
    assert!(SubscriptionMessage::from_bytes(other.into_bytes()).is_err());
}

#[test]
fn proof_status_is_carried() {
    let ev = EventBuilder::new(Kind(1), "x").sign(&keys());
    let mut b = Builder::new();
    let parsed = parse_event(&ev);
    let msg = parsed_event_message(
        &mut b,
        "s",
        &ev,
        None,
        true,
        Some(parsed.as_ref()),
        &[fb::ProofStatus::Valid, fb::ProofStatus::Invalid],
    );
    let fb::parsed::SubscriptionBody::ParsedEvent(pe) = msg.to_table().unwrap().body else {
        panic!()
    };
    assert!(pe.from_cache);
    assert_eq!(pe.relay, None);
    assert_eq!(
        pe.proof_status,
        Some(vec![fb::ProofStatus::Valid, fb::ProofStatus::Invalid])
    );
}
