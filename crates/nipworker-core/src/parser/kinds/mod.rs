//! Per-kind parsers: one module per NIP or kind family, each turning a verified event into a
//! typed result. [`parse_event`] dispatches on the kind; unknown kinds pass through as
//! [`ParsedKind::Raw`], and events that break their kind's rules return a [`ParseError`].
//!
//! Kinds with encrypted parts parse without keys; [`parse_event_with`] (or
//! [`ParsedKind::decrypt`]) then opens them through a [`Decryptor`] when the signer is a party.

pub mod badge;
pub mod cashu;
pub mod comment;
pub mod contacts;
pub mod content_hook;
pub mod decrypt;
pub mod dm;
pub mod error;
pub mod lists;
pub mod live_chat;
pub mod long_form;
pub mod markdown;
pub mod note;
pub mod nutzap;
pub mod picture;
pub mod pointers;
pub mod poll;
pub mod profile;
pub mod reaction;
pub mod relay_list;
pub mod repost;
pub mod video;
pub mod wallet;
pub mod zap;

use serde::Serialize;

pub use crate::protocol::{RelayUrlError, normalize_relay_url, normalize_user_relay_url};
pub use badge::{BadgeAward, parse_badge_award};
pub use cashu::{CashuProof, Dleq, ProofSecret};
pub use comment::{Comment, CommentScope, ExternalId, ScopeKind, parse_comment};
pub use contacts::{Contact, ContactList, parse_contacts};
pub use content_hook::ContentBlocks;
pub use decrypt::{
    DecryptError, DecryptFailure, DecryptFuture, Decryptor, Encrypted, EncryptionScheme,
    MaybeSendSync, SealedReason,
};
pub use dm::{DirectMessage, parse_direct_message};
pub use error::{EntryLocation, ParseError, ParseErrorReason, SkipReason, Skipped};
pub use lists::{List, ListItem, ListKind, parse_list};
pub use live_chat::{LiveChatMessage, parse_live_chat_message};
pub use long_form::{LongForm, parse_long_form};
pub use markdown::{MarkdownBlock, MarkdownImage, MarkdownLink, markdown_blocks};
pub use note::{Note, Quote, QuoteTarget, Threading, parse_note};
pub use nutzap::{MintInfo, Nutzap, NutzapInfo, parse_nutzap, parse_nutzap_info};
pub use picture::{Picture, parse_picture};
pub use pointers::{AddressPointer, Coordinate, EventPointer, ProfilePointer};
pub use poll::{Poll, PollOption, PollResponse, PollType, parse_poll, parse_poll_response};
pub use profile::{Profile, parse_profile, parse_profile_json};
pub use reaction::{Reaction, ReactionType, parse_reaction};
pub use relay_list::{RelayEntry, RelayList, parse_relay_list};
pub use repost::{Embedded, EmbeddedInvalid, Repost, parse_repost};
pub use video::{Segment, TextTrack, Video, parse_video};
pub use wallet::{
    Direction, HistoryDetails, HistoryMarker, HistoryRef, SpendingHistory, Token, TokenContent,
    Wallet, WalletKey, WalletSecrets, parse_spending_history, parse_token, parse_wallet,
};
pub use zap::{
    AmountSource, ZapInvalidReason, ZapReceipt, ZapRequest, ZapValidity, parse_zap_receipt,
    parse_zap_request,
};

use crate::protocol::{Event, Kind};

/// The typed result of parsing one event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "type")]
pub enum ParsedKind {
    /// Kind 0.
    Profile(Profile),
    /// Kind 1.
    Note(Note),
    /// Kind 3.
    Contacts(ContactList),
    /// Kind 4.
    DirectMessage(DirectMessage),
    /// Kinds 6 and 16.
    Repost(Repost),
    /// Kinds 7 and 17.
    Reaction(Reaction),
    /// NIP-51 lists and sets.
    List(List),
    /// Kind 9734.
    ZapRequest(ZapRequest),
    /// Kind 9735.
    ZapReceipt(ZapReceipt),
    /// Kind 17375.
    Wallet(Wallet),
    /// Kind 7375.
    Token(Token),
    /// Kind 7376.
    SpendingHistory(SpendingHistory),
    /// Kind 9321.
    Nutzap(Nutzap),
    /// Kind 10019.
    NutzapInfo(NutzapInfo),
    /// Kind 10002.
    RelayList(RelayList),
    /// Kind 1111.
    Comment(Comment),
    /// Kinds 30023 and 30024.
    LongForm(LongForm),
    /// Kind 8.
    BadgeAward(BadgeAward),
    /// Kind 20.
    Picture(Picture),
    /// Kinds 21 and 22.
    Video(Video),
    /// Kind 1068.
    Poll(Poll),
    /// Kind 1018.
    PollResponse(PollResponse),
    /// Kind 1311.
    LiveChatMessage(LiveChatMessage),
    /// A kind without a parser: the event passes through unchanged.
    Raw,
}

impl ParsedKind {
    /// True when some part is still encrypted (sealed or failed): the "delivered encrypted" flag.
    pub fn is_encrypted(&self) -> bool {
        match self {
            Self::DirectMessage(m) => m.plaintext.is_encrypted(),
            Self::List(l) => l.private.is_encrypted(),
            Self::Wallet(w) => w.private.is_encrypted(),
            Self::Token(t) => t.content.is_encrypted(),
            Self::SpendingHistory(h) => h.private.is_encrypted(),
            _ => false,
        }
    }

    /// The content blocks of kinds whose text goes to the content parser (notes, comments,
    /// pictures, videos, live chat), for previews and renderers.
    pub fn content_blocks(&self) -> Option<&[crate::parser::content::Block]> {
        match self {
            Self::Note(n) => Some(&n.content_blocks),
            Self::Comment(c) => Some(&c.content_blocks),
            Self::Picture(p) => Some(&p.content_blocks),
            Self::Video(v) => Some(&v.content_blocks),
            Self::LiveChatMessage(m) => Some(&m.content_blocks),
            _ => None,
        }
    }

    /// Cashu proofs the proof pipe should check (nutzaps, and decrypted token events).
    pub fn proofs(&self) -> &[CashuProof] {
        match self {
            Self::Nutzap(n) => &n.proofs,
            Self::Token(t) => t.proofs(),
            _ => &[],
        }
    }

    /// Opens encrypted parts through `decryptor` when its key is a party; a no-op for kinds
    /// without encrypted parts.
    pub async fn decrypt(&mut self, event: &Event, decryptor: &dyn Decryptor) {
        match self {
            Self::DirectMessage(m) => m.decrypt(event, decryptor).await,
            Self::List(l) => l.decrypt(event, decryptor).await,
            Self::Wallet(w) => w.decrypt(event, decryptor).await,
            Self::Token(t) => t.decrypt(event, decryptor).await,
            Self::SpendingHistory(h) => h.decrypt(event, decryptor).await,
            _ => {}
        }
    }
}

/// Parses an event by kind without decrypting anything. Unknown kinds are `Raw`, not errors.
pub fn parse_event(event: &Event) -> Result<ParsedKind, ParseError> {
    parse_at_depth(event, 0)
}

/// Parses an event and, given a decryptor, opens the parts its key is a party to.
pub async fn parse_event_with(
    event: &Event,
    decryptor: Option<&dyn Decryptor>,
) -> Result<ParsedKind, ParseError> {
    let mut parsed = parse_event(event)?;
    if let Some(decryptor) = decryptor {
        parsed.decrypt(event, decryptor).await;
    }
    Ok(parsed)
}

/// Parses at a nesting depth (reposts parse what they embed one level deep).
pub(crate) fn parse_at_depth(event: &Event, depth: u8) -> Result<ParsedKind, ParseError> {
    Ok(match event.kind {
        Kind::METADATA => ParsedKind::Profile(parse_profile(event)?),
        Kind::TEXT_NOTE => ParsedKind::Note(parse_note(event)),
        Kind::CONTACTS => ParsedKind::Contacts(parse_contacts(event)),
        Kind::ENCRYPTED_DM => ParsedKind::DirectMessage(parse_direct_message(event)?),
        Kind::REPOST | Kind::GENERIC_REPOST => ParsedKind::Repost(parse_repost(event, depth)?),
        Kind::REACTION | reaction::EXTERNAL_REACTION => {
            ParsedKind::Reaction(parse_reaction(event)?)
        }
        badge::BADGE_AWARD => ParsedKind::BadgeAward(parse_badge_award(event)?),
        picture::PICTURE => ParsedKind::Picture(parse_picture(event)?),
        video::VIDEO | video::SHORT_VIDEO => ParsedKind::Video(parse_video(event)?),
        poll::POLL => ParsedKind::Poll(parse_poll(event)?),
        poll::POLL_RESPONSE => ParsedKind::PollResponse(parse_poll_response(event)?),
        live_chat::LIVE_CHAT_MESSAGE => {
            ParsedKind::LiveChatMessage(parse_live_chat_message(event)?)
        }
        Kind::RELAY_LIST => ParsedKind::RelayList(parse_relay_list(event)),
        zap::ZAP_REQUEST => ParsedKind::ZapRequest(parse_zap_request(event)?),
        zap::ZAP_RECEIPT => ParsedKind::ZapReceipt(parse_zap_receipt(event)?),
        wallet::WALLET => ParsedKind::Wallet(parse_wallet(event)),
        wallet::TOKEN => ParsedKind::Token(parse_token(event)),
        wallet::SPENDING_HISTORY => ParsedKind::SpendingHistory(parse_spending_history(event)),
        nutzap::NUTZAP => ParsedKind::Nutzap(parse_nutzap(event)?),
        nutzap::NUTZAP_INFO => ParsedKind::NutzapInfo(parse_nutzap_info(event)),
        comment::COMMENT => ParsedKind::Comment(parse_comment(event)?),
        long_form::LONG_FORM | long_form::LONG_FORM_DRAFT => {
            ParsedKind::LongForm(parse_long_form(event))
        }
        kind => match ListKind::from_kind(kind) {
            Some(list_kind) => ParsedKind::List(parse_list(event, list_kind)),
            None => ParsedKind::Raw,
        },
    })
}

#[cfg(test)]
mod tests {
    use super::decrypt::testing::{FakeDecryptor, seal};
    use super::*;
    use crate::protocol::{EventBuilder, Keys, Tag};

    #[test]
    fn dispatches_every_kind() {
        let keys = Keys::generate();
        let pk = keys.public_key().to_hex();
        let id = hex::encode([1u8; 32]);
        let proof = r#"{"amount":1,"id":"00882760bfa2eb41","secret":"s","C":"02ab"}"#;
        let cases: Vec<(u16, &str, Vec<Tag>, &str)> = vec![
            (0, "{}", vec![], "profile"),
            (1, "hi", vec![], "note"),
            (3, "", vec![], "contacts"),
            (4, "x?iv=y", vec![Tag::new(["p", &pk])], "direct_message"),
            (6, "", vec![Tag::new(["e", &id])], "repost"),
            (16, "", vec![Tag::new(["e", &id])], "repost"),
            (7, "+", vec![Tag::new(["e", &id])], "reaction"),
            (10000, "", vec![], "list"),
            (30003, "", vec![Tag::new(["d", "x"])], "list"),
            (39089, "", vec![], "list"),
            (9734, "", vec![Tag::new(["p", &pk])], "zap_request"),
            (
                9735,
                "",
                vec![Tag::new(["p", &pk]), Tag::new(["bolt11", "lnbc1pqqq"])],
                "zap_receipt",
            ),
            (17375, "", vec![], "wallet"),
            (7375, "", vec![], "token"),
            (7376, "", vec![], "spending_history"),
            (
                9321,
                "",
                vec![
                    Tag::new(["p", &pk]),
                    Tag::new(["u", "https://m"]),
                    Tag::new(["proof", proof]),
                ],
                "nutzap",
            ),
            (10019, "", vec![], "nutzap_info"),
            (10002, "", vec![], "relay_list"),
            (
                1111,
                "",
                vec![Tag::new(["E", &id]), Tag::new(["e", &id])],
                "comment",
            ),
            (30023, "# x", vec![], "long_form"),
            (30024, "", vec![], "long_form"),
            (
                8,
                "",
                vec![
                    Tag::new(["a", &format!("30009:{pk}:b")]),
                    Tag::new(["p", &pk]),
                ],
                "badge_award",
            ),
            (
                17,
                "+",
                vec![Tag::new(["i", "https://example.com"])],
                "reaction",
            ),
            (
                20,
                "",
                vec![Tag::new(["imeta", "url https://x.io/a.jpg"])],
                "picture",
            ),
            (
                21,
                "",
                vec![Tag::new(["imeta", "url https://x.io/a.mp4"])],
                "video",
            ),
            (
                22,
                "",
                vec![Tag::new(["imeta", "url https://x.io/a.mp4"])],
                "video",
            ),
            (1068, "?", vec![Tag::new(["option", "a", "A"])], "poll"),
            (1018, "", vec![Tag::new(["e", &id])], "poll_response"),
            (
                1311,
                "hi",
                vec![Tag::new(["a", &format!("30311:{pk}:live")])],
                "live_chat_message",
            ),
            (5, "", vec![], "raw"),
            (20000, "", vec![], "raw"),
            (65535, "", vec![], "raw"),
        ];
        for (kind, content, tags, want) in cases {
            let ev = EventBuilder::new(Kind(kind), content)
                .tags(tags)
                .sign(&keys);
            let parsed = parse_event(&ev).unwrap_or_else(|e| panic!("kind {kind}: {e}"));
            let json = serde_json::to_value(&parsed).unwrap();
            assert_eq!(json["type"], want, "kind {kind}");
        }
    }

    #[test]
    fn rule_breaking_events_are_typed_errors() {
        let keys = Keys::generate();
        for (kind, content, reason) in [
            (0, "not json", ParseErrorReason::NotJsonObject),
            (4, "", ParseErrorReason::MissingTag("p")),
            (6, "", ParseErrorReason::MissingTarget),
            (7, "+", ParseErrorReason::MissingTarget),
            (9734, "", ParseErrorReason::MissingTag("p")),
            (9735, "", ParseErrorReason::MissingTag("bolt11")),
            (9321, "", ParseErrorReason::MissingTag("u")),
            (1111, "", ParseErrorReason::MissingRootScope),
            (8, "", ParseErrorReason::MissingTag("a")),
            (17, "+", ParseErrorReason::MissingTag("i")),
            (20, "", ParseErrorReason::MissingTag("imeta")),
            (21, "", ParseErrorReason::MissingTag("imeta")),
            (22, "", ParseErrorReason::MissingTag("imeta")),
            (1068, "?", ParseErrorReason::MissingTag("option")),
            (1018, "", ParseErrorReason::MissingTag("e")),
            (1311, "hi", ParseErrorReason::MissingTag("a")),
        ] {
            let ev = EventBuilder::new(Kind(kind), content).sign(&keys);
            let err = parse_event(&ev).unwrap_err();
            assert_eq!(err, ParseError::new(Kind(kind), reason), "kind {kind}");
            assert!(!err.reason.label().is_empty());
            assert!(err.to_string().starts_with(&format!("kind {kind}:")));
        }
    }

    #[tokio::test]
    async fn parse_event_with_decrypts_only_for_parties() {
        let me = Keys::generate();
        let plain = format!(r#"[["p","{}"]]"#, Keys::generate().public_key());
        let ev = EventBuilder::new(Kind(10000), seal(EncryptionScheme::Nip44, &plain)).sign(&me);

        let sealed = parse_event_with(&ev, None).await.unwrap();
        assert!(sealed.is_encrypted());

        let dec = FakeDecryptor::new(me.public_key());
        let open = parse_event_with(&ev, Some(&dec)).await.unwrap();
        assert!(!open.is_encrypted());
        let ParsedKind::List(list) = &open else {
            panic!("{open:?}")
        };
        assert_eq!(list.items().count(), 1);

        let other = FakeDecryptor::new(Keys::generate().public_key());
        let still = parse_event_with(&ev, Some(&other)).await.unwrap();
        assert!(still.is_encrypted());
        assert!(other.calls().is_empty());
    }

    #[test]
    fn parse_event_with_future_is_send() {
        fn assert_send<T: Send>(_: T) {}
        let ev = EventBuilder::new(Kind(1), "").sign(&Keys::generate());
        assert_send(parse_event_with(&ev, None));
    }

    mod never_panics {
        use std::future::Future;

        use proptest::prelude::*;

        use super::super::decrypt::testing::FakeDecryptor;
        use super::super::*;
        use crate::protocol::{EventBuilder, Keys, Tag};

        const KINDS: &[u16] = &[
            0, 1, 3, 4, 6, 7, 8, 16, 17, 20, 21, 22, 1018, 1068, 1111, 1311, 7375, 7376, 9321,
            9734, 9735, 10000, 10002, 10019, 17375, 30000, 30023, 39089, 5,
        ];
        const NAMES: &[&str] = &[
            "e",
            "p",
            "a",
            "q",
            "t",
            "k",
            "d",
            "r",
            "relay",
            "emoji",
            "proof",
            "u",
            "bolt11",
            "description",
            "E",
            "A",
            "I",
            "K",
            "P",
            "i",
            "amount",
            "word",
            "group",
            "mint",
            "pubkey",
            "relays",
            "published_at",
            "title",
            "preimage",
            "unit",
            "direction",
            "imeta",
            "option",
            "response",
            "polltype",
            "endsAt",
            "segment",
            "text-track",
            "duration",
            "content-warning",
        ];

        fn value() -> impl Strategy<Value = String> {
            prop_oneof![
                "[0-9a-f]{64}",
                "[0-9]{1,6}:[0-9a-f]{64}:[a-z:]{0,5}",
                "(wss?|https?)://[A-Za-z0-9.:/\\[\\]-]{0,20}",
                "ln(bc|tb)[0-9]{0,12}[munpx]?1[a-z0-9]{0,10}",
                "(root|reply|mention|read|write|created|destroyed|redeemed|in|out)",
                "(url|m|dim|x|fallback|image|duration|alt|blurhash) \\PC{0,12}",
                "[0-9:.]{0,12}",
                "url https://[a-z]{1,6}\\.io/[a-z]{0,4}\\.(jpg|mp4)",
                "\\PC{0,12}",
                Just(r#"{"amount":1,"id":"x","secret":"s","C":"c"}"#.to_owned()),
            ]
        }

        fn tag() -> impl Strategy<Value = Tag> {
            (
                proptest::sample::select(NAMES),
                proptest::collection::vec(value(), 0..5),
            )
                .prop_map(|(name, mut rest)| {
                    rest.insert(0, name.to_owned());
                    Tag(rest)
                })
        }

        fn content() -> impl Strategy<Value = String> {
            prop_oneof![
                "\\PC{0,40}",
                "\\{(\"[a-z_]{1,8}\":(\"\\PC{0,6}\"|[0-9]{1,3}|null|true|\\[\\]|\\{\\}),?){0,5}\\}",
                "[+\\-]|:[a-z]{1,5}:",
                "nip44:\\PC{0,30}",
                "\\PC{0,20}\\?iv=nip04",
                "(#{1,6} |> |- |```|\\n|\\[x\\]\\(y\\)|!\\[a\\]\\(b\\)|\\PC){0,30}",
            ]
        }

        proptest! {
            #[test]
            fn arbitrary_events_parse_or_fail_typed(
                kind in proptest::sample::select(KINDS),
                tags in proptest::collection::vec(tag(), 0..8),
                content in content(),
            ) {
                let keys = Keys::from_hex(&"01".repeat(32)).unwrap();
                let ev = EventBuilder::new(Kind(kind), content).tags(tags).sign(&keys);
                if let Ok(mut parsed) = parse_event(&ev) {
                    let _ = serde_json::to_string(&parsed).unwrap();
                    let dec = FakeDecryptor::new(keys.public_key());
                    // The fake decryptor never waits, so one poll completes the step.
                    {
                        let step = std::pin::pin!(parsed.decrypt(&ev, &dec));
                        let mut cx = std::task::Context::from_waker(std::task::Waker::noop());
                        prop_assert!(step.poll(&mut cx).is_ready());
                    }
                    let _ = parsed.proofs();
                }
            }

            #[test]
            fn markdown_and_invoices_accept_any_text(text in "\\PC{0,200}") {
                let _ = markdown_blocks(&text);
                let _ = normalize_relay_url(&text);
                let _ = parse_profile_json(&text);
            }
        }
    }

    #[tokio::test]
    async fn proofs_are_exposed_uniformly() {
        let me = Keys::generate();
        let proof = r#"{"amount":2,"id":"00882760bfa2eb41","secret":"s","C":"02ab"}"#;
        let nutzap = EventBuilder::new(Kind(9321), "")
            .tags([
                Tag::new(["p", &me.public_key().to_hex()]),
                Tag::new(["u", "https://m"]),
                Tag::new(["proof", proof]),
            ])
            .sign(&Keys::generate());
        let parsed = parse_event(&nutzap).unwrap();
        assert_eq!(parsed.proofs().len(), 1);
        assert_eq!(parsed.proofs()[0].mint.as_deref(), Some("https://m"));

        let token_plain = format!(r#"{{"mint":"https://t","proofs":[{proof},{proof}]}}"#);
        let token =
            EventBuilder::new(Kind(7375), seal(EncryptionScheme::Nip44, &token_plain)).sign(&me);
        let mut parsed = parse_event(&token).unwrap();
        assert!(parsed.proofs().is_empty());
        parsed
            .decrypt(&token, &FakeDecryptor::new(me.public_key()))
            .await;
        assert_eq!(parsed.proofs().len(), 2);
        assert_eq!(parsed.proofs()[1].mint.as_deref(), Some("https://t"));
    }
}
