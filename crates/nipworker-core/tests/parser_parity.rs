//! The kinds and content features the browser library parsed (issue 14), on the signed events of
//! testdata/crafted/parity.json (the corpus has none of these kinds): each parses to its typed
//! form and reaches a subscriber as the matching FlatBuffers table, read back field by field.

// Test helpers outside #[test] functions may panic on setup failure: that is the test failing.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use nipworker_core::parser::content::{BlockKind, MediaKind};
use nipworker_core::parser::kinds::{ParsedKind, PollType, ReactionType, parse_event};
use nipworker_core::parser::serialize::{SubscriptionMessage, parsed_event_message};
use nipworker_core::protocol::flatbuffers::fb;
use nipworker_core::protocol::{Event, EventId, Kind, PublicKey, Timestamp};
use planus::Builder;
use serde_json::Value;

type Body = fb::parsed::ParsedBody;

fn crafted() -> Vec<Event> {
    let path = format!(
        "{}/../../testdata/crafted/parity.json",
        env!("CARGO_MANIFEST_DIR")
    );
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|line| {
            let msg: Vec<Value> = serde_json::from_str(line).unwrap();
            let ev: Event = serde_json::from_value(msg[2].clone()).unwrap();
            assert!(ev.verify().is_ok(), "{}", ev.id);
            ev
        })
        .collect()
}

fn of_kind(kind: u16) -> Vec<Event> {
    crafted()
        .into_iter()
        .filter(|e| e.kind == Kind(kind))
        .collect()
}

/// Parses, writes as a subscriber's message, checks the bytes and reads the body back.
fn parsed_and_written(event: &Event) -> (ParsedKind, Body) {
    let parsed = parse_event(event).unwrap_or_else(|e| panic!("{}: {e}", event.id));
    let mut b = Builder::new();
    let msg = parsed_event_message(&mut b, "s", event, None, false, Some(Ok(&parsed)), &[]);
    let again = SubscriptionMessage::from_bytes(msg.bytes().clone()).unwrap();
    let fb::parsed::SubscriptionBody::ParsedEvent(pe) = again.to_table().unwrap().body else {
        panic!("not a parsed event")
    };
    assert!(pe.failure.is_none());
    (parsed, pe.body.unwrap())
}

fn pk(b: &fb::Bytes32) -> PublicKey {
    (*b).into()
}

fn id(b: &fb::Bytes32) -> EventId {
    (*b).into()
}

#[test]
fn every_crafted_event_parses_to_its_kind() {
    let events = crafted();
    assert_eq!(events.len(), 11);
    for ev in &events {
        let (parsed, body) = parsed_and_written(ev);
        let ok = matches!(
            (ev.kind.0, &parsed, &body),
            (8, ParsedKind::BadgeAward(_), Body::BadgeAward(_))
                | (17, ParsedKind::Reaction(_), Body::Reaction(_))
                | (20, ParsedKind::Picture(_), Body::Picture(_))
                | (21 | 22, ParsedKind::Video(_), Body::Video(_))
                | (1068, ParsedKind::Poll(_), Body::Poll(_))
                | (1018, ParsedKind::PollResponse(_), Body::PollResponse(_))
                | (
                    1311,
                    ParsedKind::LiveChatMessage(_),
                    Body::LiveChatMessage(_)
                )
                | (1, ParsedKind::Note(_), Body::Note(_))
                | (1111, ParsedKind::Comment(_), Body::Comment(_))
        );
        assert!(ok, "kind {} parsed as {parsed:?}", ev.kind);
    }
}

#[test]
fn badge_awards_nip58_and_nip97_style() {
    let awards = of_kind(8);
    let (ParsedKind::BadgeAward(want), Body::BadgeAward(got)) = parsed_and_written(&awards[0])
    else {
        panic!()
    };
    assert!(want.is_badge_definition());
    assert_eq!(want.definition.coordinate.identifier, "bravery");
    assert_eq!(want.awardees.len(), 2);
    assert_eq!(
        want.awardees[0].relay.as_deref(),
        Some("wss://relay.example.com")
    );
    let def = got.definition.unwrap();
    assert_eq!(def.kind, 30009);
    assert_eq!(def.identifier.as_deref(), Some("bravery"));
    assert_eq!(pk(&def.pubkey), awards[0].pubkey);
    let awardees = got.awardees.unwrap();
    assert_eq!(pk(&awardees[1].pubkey), want.awardees[1].pubkey);
    assert_eq!(
        awardees[0].relay.as_deref(),
        Some("wss://relay.example.com")
    );
    assert_eq!(got.skipped, 0);

    let (ParsedKind::BadgeAward(cal), Body::BadgeAward(got)) = parsed_and_written(&awards[1])
    else {
        panic!()
    };
    assert!(!cal.is_badge_definition());
    let def = got.definition.unwrap();
    assert_eq!(def.kind, 31922);
    assert_eq!(def.relay.as_deref(), Some("wss://calendar.example.com"));
}

#[test]
fn external_reaction_has_the_shape_of_kind_7() {
    let ev = &of_kind(17)[0];
    let (ParsedKind::Reaction(want), Body::Reaction(got)) = parsed_and_written(ev) else {
        panic!()
    };
    assert_eq!(want.reaction, ReactionType::Like);
    assert_eq!(got.reaction_type, fb::parsed::ReactionType::Like);
    assert_eq!(got.external_id.as_deref(), Some("https://nostr.com/"));
    assert_eq!(got.external_kind.as_deref(), Some("web"));
    assert!(got.target.is_none() && got.target_kind.is_none());
}

#[test]
fn picture_every_imeta_and_the_post() {
    let ev = &of_kind(20)[0];
    let (ParsedKind::Picture(want), Body::Picture(got)) = parsed_and_written(ev) else {
        panic!()
    };
    assert_eq!(got.title.as_deref(), Some("Nosara at dusk"));
    let images = got.images.unwrap();
    assert_eq!(images.len(), 2);
    let first = &images[0];
    assert_eq!(
        first.url.as_deref(),
        Some("https://nostr.build/i/my-image.jpg")
    );
    assert_eq!(first.mime.as_deref(), Some("image/jpeg"));
    assert_eq!((first.width, first.height), (Some(3024), Some(4032)));
    assert_eq!(first.blurhash, want.images[0].blurhash);
    assert!(first.alt.as_deref().unwrap().starts_with("A scenic photo"));
    assert_eq!(
        first.sha256.as_deref(),
        Some("5d2899290e0e69bcd809949ee516a4a1597205390878f780c098707a7f18e3df")
    );
    assert_eq!(first.fallbacks.as_ref().unwrap().len(), 2);
    assert_eq!(images[1].alt.as_deref(), Some("The beach"));
    assert!(got.sensitive);
    assert_eq!(got.content_warning.as_deref(), Some("none really"));
    assert_eq!(got.location.as_deref(), Some("Nosara, Costa Rica"));
    assert_eq!(got.geohash.as_deref(), Some("d1u0r"));
    assert_eq!(
        got.hashtags,
        Some(vec!["travel".to_owned(), "photography".to_owned()])
    );
    assert_eq!(got.people.unwrap().len(), 1);
    let hashtag_blocks = got
        .blocks
        .unwrap()
        .iter()
        .filter(|b| b.block_type == fb::parsed::BlockType::Hashtag)
        .count();
    assert_eq!(hashtag_blocks, 2);
    assert_eq!(got.skipped, 0);
}

#[test]
fn videos_variants_duration_tracks_segments() {
    let videos = of_kind(21);
    let (ParsedKind::Video(want), Body::Video(got)) = parsed_and_written(&videos[0]) else {
        panic!()
    };
    assert!(!got.short);
    assert_eq!(got.title.as_deref(), Some("Old town walk"));
    assert_eq!(got.published_at, Some(1_733_600_000));
    assert_eq!(got.duration_ms, Some(596_500));
    let variants = got.variants.unwrap();
    assert_eq!(variants.len(), 3);
    assert_eq!(variants[0].thumbnails.as_ref().unwrap().len(), 2);
    assert_eq!(variants[0].bitrate, Some(3_000_000));
    assert_eq!(variants[0].service.as_deref(), Some("nip96"));
    assert_eq!(
        (variants[1].width, variants[1].height),
        (Some(1280), Some(720))
    );
    let by_res: Vec<_> = want
        .variants_by_resolution()
        .iter()
        .map(|v| v.dim)
        .collect();
    assert_eq!(by_res, vec![Some((1920, 1080)), Some((1280, 720)), None]);
    assert!(got.sensitive);
    assert_eq!(got.content_warning, None);
    let tracks = got.text_tracks.unwrap();
    assert_eq!(tracks[0].language.as_deref(), Some("en"));
    let segments = got.segments.unwrap();
    assert_eq!(segments.len(), 2);
    assert_eq!(segments[0].end_ms, 90_000);
    assert_eq!(segments[1].end_ms, 596_500);
    assert_eq!(segments[1].title.as_deref(), Some("Harbour"));
    assert_eq!(got.participants.unwrap().len(), 1);
    assert_eq!(
        got.references,
        Some(vec!["https://en.wikipedia.org/wiki/Old_town".to_owned()])
    );

    let short = &of_kind(22)[0];
    let (ParsedKind::Video(want), Body::Video(got)) = parsed_and_written(short) else {
        panic!()
    };
    assert!(want.short && got.short);
    assert_eq!(got.duration_ms, Some(12_040), "from the only variant");
}

#[test]
fn poll_and_its_response() {
    let poll_ev = &of_kind(1068)[0];
    let (ParsedKind::Poll(poll), Body::Poll(got)) = parsed_and_written(poll_ev) else {
        panic!()
    };
    assert_eq!(poll.question, poll_ev.content);
    assert_eq!(poll.poll_type, PollType::MultipleChoice);
    assert_eq!(got.poll_type, fb::parsed::PollType::MultipleChoice);
    let options = got.options.unwrap();
    assert_eq!(options.len(), 3);
    assert_eq!(options[2].label.as_deref(), Some("Only on Fridays"));
    assert_eq!(got.ends_at, Some(1_733_686_400));
    assert_eq!(
        got.relays,
        Some(vec![
            "wss://relay.damus.io".to_owned(),
            "wss://nos.lol".to_owned()
        ])
    );

    let resp_ev = &of_kind(1018)[0];
    let (ParsedKind::PollResponse(resp), Body::PollResponse(got)) = parsed_and_written(resp_ev)
    else {
        panic!()
    };
    assert_eq!(resp.poll.id, poll_ev.id);
    assert_eq!(id(&got.poll.unwrap().id), poll_ev.id);
    let chosen: Vec<&str> = resp
        .chosen(poll.poll_type)
        .iter()
        .map(|id| poll.option(id).unwrap().label.as_str())
        .collect();
    assert_eq!(chosen, vec!["Nay", "Only on Fridays"]);
    assert_eq!(resp.chosen(PollType::SingleChoice), ["gga6cdnqj"]);
    assert_eq!(got.responses.unwrap().len(), 2);
    assert!(!poll.is_closed_at(Timestamp(resp_ev.created_at.0)));
}

#[test]
fn live_chat_message_like_a_note() {
    let ev = &of_kind(1311)[0];
    let (ParsedKind::LiveChatMessage(want), Body::LiveChatMessage(got)) = parsed_and_written(ev)
    else {
        panic!()
    };
    let activity = got.activity.unwrap();
    assert_eq!(activity.kind, 30311);
    assert_eq!(activity.identifier.as_deref(), Some("stream-42"));
    assert_eq!(pk(&activity.pubkey), want.activity.coordinate.pubkey);
    assert_eq!(id(&got.reply.unwrap().id).to_hex(), "f0".repeat(32));
    assert_eq!(got.mentions.unwrap().len(), 1);
    let blocks = got.blocks.unwrap();
    assert_eq!(blocks.len(), want.content_blocks.len());
    let mention = blocks
        .iter()
        .find(|b| b.block_type == fb::parsed::BlockType::Mention)
        .unwrap();
    assert_eq!(
        mention.mention.as_ref().unwrap().mention_type,
        fb::parsed::MentionType::Pubkey
    );
}

#[test]
fn imeta_enriches_media_blocks_of_notes_and_comments() {
    let note = &of_kind(1)[0];
    let (ParsedKind::Note(want), Body::Note(got)) = parsed_and_written(note) else {
        panic!()
    };
    // The double-escaped `\n` between the links: two images, the first described by imeta.
    let urls: Vec<_> = want
        .content_blocks
        .iter()
        .filter_map(|b| match b.kind {
            BlockKind::Url { media, .. } => Some((b.text(&note.content), media)),
            _ => None,
        })
        .collect();
    assert_eq!(
        urls,
        vec![
            ("https://example.com/a.jpg", MediaKind::Image),
            ("https://example.com/b.png", MediaKind::Image)
        ]
    );
    let blocks = got.blocks.unwrap();
    let url_blocks: Vec<_> = blocks
        .iter()
        .filter(|b| b.block_type == fb::parsed::BlockType::Url)
        .collect();
    let file = url_blocks[0].file.as_ref().unwrap();
    assert_eq!(file.url.as_deref(), Some("https://example.com/a.jpg"));
    assert_eq!((file.width, file.height), (Some(800), Some(600)));
    assert_eq!(
        file.blurhash.as_deref(),
        Some("LKO2?U%2Tw=w]~RBVZRi};RPxuwH")
    );
    assert_eq!(file.alt.as_deref(), Some("A red door"));
    assert_eq!(file.mime.as_deref(), Some("image/jpeg"));
    assert_eq!(file.sha256.as_ref().unwrap().len(), 64);
    assert!(url_blocks[1].file.is_none(), "no imeta for b.png");
    assert!(
        blocks
            .iter()
            .any(|b| b.block_type == fb::parsed::BlockType::Hashtag),
        "#nostr after a literal \\n"
    );

    let comment = &of_kind(1111)[0];
    let (_, Body::Comment(got)) = parsed_and_written(comment) else {
        panic!()
    };
    let blocks = got.blocks.unwrap();
    let url = blocks
        .iter()
        .find(|b| b.block_type == fb::parsed::BlockType::Url)
        .unwrap();
    assert_eq!(url.media, fb::parsed::MediaType::Video);
    let file = url.file.as_ref().unwrap();
    assert_eq!(file.alt.as_deref(), Some("A short clip"));
    assert_eq!((file.width, file.height), (Some(640), Some(360)));
}
