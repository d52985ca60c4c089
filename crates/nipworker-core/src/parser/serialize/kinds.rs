//! One writer per kind family: turns a [`ParsedKind`] into its `ParsedBody` union variant.

use planus::{Builder, Offset};

use super::blocks::{content_blocks, markdown_blocks, media_files};
use super::pointers::{
    address_pointer, address_pointer_opt, encryption, event_pointer, event_pointer_opt,
    event_pointers, profile_pointer, strings, vec_or_none,
};
use super::write_parsed_event;
use crate::parser::kinds::{
    AmountSource, CashuProof, CommentScope, Direction, Embedded, EmbeddedInvalid, HistoryDetails,
    HistoryMarker, ListItem, ParsedKind, PollType, ProfilePointer, Quote, QuoteTarget,
    ReactionType, RelayEntry, ScopeKind, Threading, ZapInvalidReason, ZapRequest, ZapValidity,
};
use crate::protocol::Event;
use crate::protocol::flatbuffers::fb;

use fb::parsed as p;

fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

fn relay_entries(
    builder: &mut Builder,
    relays: &[RelayEntry],
) -> Option<Offset<[Offset<p::RelayEntry>]>> {
    let offsets: Vec<_> = relays
        .iter()
        .map(|r| p::RelayEntry::create(builder, r.url.as_str(), r.read, r.write))
        .collect();
    vec_or_none(builder, &offsets)
}

fn proofs(builder: &mut Builder, proofs: &[CashuProof]) -> Option<Offset<[Offset<p::Proof>]>> {
    let offsets: Vec<_> = proofs
        .iter()
        .map(|pr| {
            p::Proof::create(
                builder,
                pr.amount,
                pr.keyset_id.as_str(),
                pr.secret.expose(),
                pr.c.as_str(),
                pr.dleq.is_some(),
                pr.witness.as_deref(),
                pr.mint.as_deref(),
            )
        })
        .collect();
    vec_or_none(builder, &offsets)
}

fn list_items(builder: &mut Builder, items: &[ListItem]) -> Option<Offset<[Offset<p::ListItem>]>> {
    let mut offsets = Vec::with_capacity(items.len());
    for item in items {
        let mut ty = p::ListItemType::Other;
        let (mut pk, mut ev, mut addr, mut other) = (None, None, None, None);
        let (mut value, mut relay, mut name, mut url): (
            Option<&str>,
            Option<&str>,
            Option<&str>,
            Option<&str>,
        ) = (None, None, None, None);
        match item {
            ListItem::Pubkey { pointer, petname } => {
                ty = p::ListItemType::Pubkey;
                pk = Some(profile_pointer(builder, pointer));
                name = petname.as_deref();
            }
            ListItem::Event { pointer } => {
                ty = p::ListItemType::Event;
                ev = Some(event_pointer(builder, pointer));
            }
            ListItem::Address { pointer } => {
                ty = p::ListItemType::Address;
                addr = Some(address_pointer(builder, pointer));
            }
            ListItem::Hashtag { tag } => {
                ty = p::ListItemType::Hashtag;
                value = Some(tag);
            }
            ListItem::Word { word } => {
                ty = p::ListItemType::Word;
                value = Some(word);
            }
            ListItem::Relay { url: u } => {
                ty = p::ListItemType::Relay;
                value = Some(u);
            }
            ListItem::Url { url: u } => {
                ty = p::ListItemType::Url;
                value = Some(u);
            }
            ListItem::Group {
                id,
                relay: r,
                name: n,
            } => {
                ty = p::ListItemType::Group;
                value = Some(id);
                relay = r.as_deref();
                name = n.as_deref();
            }
            ListItem::Emoji { shortcode, url: u } => {
                ty = p::ListItemType::Emoji;
                value = Some(shortcode);
                url = Some(u);
            }
            ListItem::Other { tag } => {
                other = Some(fb::Tag::create(builder, tag.as_slice()));
            }
        }
        offsets.push(p::ListItem::create(
            builder, ty, pk, ev, addr, value, relay, name, url, other,
        ));
    }
    vec_or_none(builder, &offsets)
}

fn zap_request(builder: &mut Builder, z: &ZapRequest) -> Offset<p::ZapRequest> {
    let relays = strings(builder, &z.relays);
    let event = event_pointer_opt(builder, z.event.as_ref());
    let address = address_pointer_opt(builder, z.address.as_ref());
    p::ZapRequest::create(
        builder,
        fb::Bytes32::from(z.sender),
        fb::Bytes32::from(z.recipient),
        relays,
        z.amount_msat,
        z.lnurl.as_deref(),
        event,
        address,
        z.target_kind.map(|k| k.0),
        z.anonymous,
        z.comment.as_str(),
    )
}

/// A stable label per zap rule.
fn zap_problem_label(r: &ZapInvalidReason) -> &'static str {
    match r {
        ZapInvalidReason::MissingRequest => "missing_request",
        ZapInvalidReason::RequestNotAnEvent => "request_not_an_event",
        ZapInvalidReason::RequestWrongKind => "request_wrong_kind",
        ZapInvalidReason::RequestBadSignature => "request_bad_signature",
        ZapInvalidReason::RequestInvalid { .. } => "request_invalid",
        ZapInvalidReason::RecipientMismatch => "recipient_mismatch",
        ZapInvalidReason::TargetMismatch => "target_mismatch",
        ZapInvalidReason::AmountMismatch { .. } => "amount_mismatch",
        ZapInvalidReason::InvoiceUnreadable => "invoice_unreadable",
        ZapInvalidReason::DescriptionHashMismatch => "description_hash_mismatch",
    }
}

fn embedded_invalid_label(r: EmbeddedInvalid) -> &'static str {
    match r {
        EmbeddedInvalid::NotAnEvent => "not_an_event",
        EmbeddedInvalid::IdMismatch => "id_mismatch",
        EmbeddedInvalid::BadSignature => "bad_signature",
        EmbeddedInvalid::TargetMismatch => "target_mismatch",
        EmbeddedInvalid::KindMismatch => "kind_mismatch",
    }
}

fn history(builder: &mut Builder, h: &HistoryDetails) -> Offset<p::HistoryDetails> {
    let refs: Vec<_> = h
        .refs
        .iter()
        .map(|r| {
            let ev = event_pointer(builder, &r.event);
            let marker = match r.marker {
                None => p::HistoryMarker::None,
                Some(HistoryMarker::Created) => p::HistoryMarker::Created,
                Some(HistoryMarker::Destroyed) => p::HistoryMarker::Destroyed,
                Some(HistoryMarker::Redeemed) => p::HistoryMarker::Redeemed,
            };
            p::HistoryRef::create(builder, ev, marker)
        })
        .collect();
    let refs = vec_or_none(builder, &refs);
    let direction = match h.direction {
        None => p::Direction::Unknown,
        Some(Direction::In) => p::Direction::In,
        Some(Direction::Out) => p::Direction::Out,
    };
    p::HistoryDetails::create(builder, direction, h.amount, h.unit.as_deref(), refs)
}

fn profile_pointers(
    builder: &mut Builder,
    ps: &[ProfilePointer],
) -> Option<Offset<[Offset<p::ProfilePointer>]>> {
    let offsets: Vec<_> = ps.iter().map(|x| profile_pointer(builder, x)).collect();
    vec_or_none(builder, &offsets)
}

fn quotes(builder: &mut Builder, qs: &[Quote]) -> Option<Offset<[Offset<p::Quote>]>> {
    let offsets: Vec<_> = qs
        .iter()
        .map(|q| {
            let (id, addr) = match &q.target {
                QuoteTarget::Event { id } => (Some(fb::Bytes32::from(*id)), None),
                QuoteTarget::Address { coordinate } => (
                    None,
                    Some(p::AddressPointer::create(
                        builder,
                        coordinate.kind.0,
                        fb::Bytes32::from(coordinate.pubkey),
                        coordinate.identifier.as_str(),
                        q.relay.as_deref(),
                    )),
                ),
            };
            p::Quote::create(
                builder,
                id,
                addr,
                q.relay.as_deref(),
                q.author.map(fb::Bytes32::from),
            )
        })
        .collect();
    vec_or_none(builder, &offsets)
}

fn comment_scope(builder: &mut Builder, s: &CommentScope) -> Offset<p::CommentScope> {
    let event = event_pointer_opt(builder, s.event.as_ref());
    let address = address_pointer_opt(builder, s.address.as_ref());
    let author = s.author.as_ref().map(|a| profile_pointer(builder, a));
    let (kind, external_kind) = match &s.kind {
        Some(ScopeKind::Nostr(k)) => (Some(k.0), None),
        Some(ScopeKind::External(name)) => (None, Some(name.as_str())),
        None => (None, None),
    };
    p::CommentScope::create(
        builder,
        event,
        address,
        s.external.as_ref().map(|e| e.id.as_str()),
        s.external.as_ref().and_then(|e| e.hint.as_deref()),
        kind,
        external_kind,
        author,
    )
}

/// Writes the union variant for `parsed`; `event` is the event it was parsed from.
pub(super) fn write_body(
    builder: &mut Builder,
    event: &Event,
    parsed: &ParsedKind,
) -> planus::UnionOffset<p::ParsedBody> {
    match parsed {
        ParsedKind::Profile(x) => {
            let o = p::Profile::create(
                builder,
                x.name.as_deref(),
                x.display_name.as_deref(),
                x.about.as_deref(),
                x.picture.as_deref(),
                x.banner.as_deref(),
                x.website.as_deref(),
                x.nip05.as_deref(),
                x.lud06.as_deref(),
                x.lud16.as_deref(),
                x.bot,
                x.ignored_values,
            );
            p::ParsedBody::create_profile(builder, o)
        }
        ParsedKind::Note(n) => {
            let root = event_pointer_opt(builder, n.root.as_ref());
            let reply = event_pointer_opt(builder, n.reply.as_ref());
            let mentions = event_pointers(builder, &n.mentions);
            let pks = profile_pointers(builder, &n.pubkeys);
            let quotes = quotes(builder, &n.quotes);
            let hashtags = strings(builder, &n.hashtags);
            let blocks = content_blocks(builder, &n.content_blocks, &event.content, &event.tags);
            let threading = match n.threading {
                Threading::None => p::Threading::None,
                Threading::Marked => p::Threading::Marked,
                Threading::Positional => p::Threading::Positional,
            };
            let o = p::Note::create(
                builder,
                threading,
                root,
                reply,
                mentions,
                pks,
                quotes,
                hashtags,
                blocks,
                count(n.skipped.len()),
            );
            p::ParsedBody::create_note(builder, o)
        }
        ParsedKind::Contacts(c) => {
            let contacts: Vec<_> = c
                .contacts
                .iter()
                .map(|x| {
                    p::Contact::create(
                        builder,
                        fb::Bytes32::from(x.pubkey),
                        x.relay.as_deref(),
                        x.petname.as_deref(),
                    )
                })
                .collect();
            let contacts = vec_or_none(builder, &contacts);
            let relays = relay_entries(builder, &c.relays);
            let o = p::Contacts::create(builder, contacts, relays, count(c.skipped.len()));
            p::ParsedBody::create_contacts(builder, o)
        }
        ParsedKind::DirectMessage(m) => {
            let enc = encryption(builder, &m.plaintext);
            let o = p::DirectMessage::create(
                builder,
                fb::Bytes32::from(m.recipient),
                m.recipient_relay.as_deref(),
                m.reply_to.map(fb::Bytes32::from),
                m.plaintext.is_encrypted(),
                enc,
                m.plaintext.value().map(String::as_str),
            );
            p::ParsedBody::create_direct_message(builder, o)
        }
        ParsedKind::Repost(r) => {
            let target = event_pointer_opt(builder, r.target.as_ref());
            let address = address_pointer_opt(builder, r.address.as_ref());
            let (state, invalid, embedded) = match &r.embedded {
                Embedded::Absent => (p::EmbeddedState::Absent, None, None),
                Embedded::Invalid { reason } => (
                    p::EmbeddedState::Invalid,
                    Some(embedded_invalid_label(*reason)),
                    None,
                ),
                Embedded::Unparsed { event: inner } => (
                    p::EmbeddedState::Unparsed,
                    None,
                    Some(write_parsed_event(builder, inner, None, false, None, &[])),
                ),
                Embedded::Valid {
                    event: inner,
                    parsed,
                } => (
                    p::EmbeddedState::Valid,
                    None,
                    Some(write_parsed_event(
                        builder,
                        inner,
                        None,
                        false,
                        Some(parsed.as_ref().as_ref()),
                        &[],
                    )),
                ),
            };
            let o = p::Repost::create(
                builder,
                r.generic,
                target,
                address,
                r.target_author.map(fb::Bytes32::from),
                r.target_kind.map(|k| k.0),
                state,
                invalid,
                embedded,
            );
            p::ParsedBody::create_repost(builder, o)
        }
        ParsedKind::Reaction(r) => {
            let (ty, content, url) = match &r.reaction {
                ReactionType::Like => (p::ReactionType::Like, None, None),
                ReactionType::Dislike => (p::ReactionType::Dislike, None, None),
                ReactionType::Emoji { content } => {
                    (p::ReactionType::Emoji, Some(content.as_str()), None)
                }
                ReactionType::CustomEmoji { shortcode, url } => (
                    p::ReactionType::CustomEmoji,
                    Some(shortcode.as_str()),
                    Some(url.as_str()),
                ),
            };
            let target = event_pointer_opt(builder, r.target.as_ref());
            let address = address_pointer_opt(builder, r.target_address.as_ref());
            let o = p::Reaction::create(
                builder,
                ty,
                content,
                url,
                target,
                address,
                r.target_author.map(fb::Bytes32::from),
                r.target_kind.map(|k| k.0),
                r.external.as_ref().map(|e| e.id.as_str()),
                r.external.as_ref().and_then(|e| e.hint.as_deref()),
                r.external_kind.as_deref(),
            );
            p::ParsedBody::create_reaction(builder, o)
        }
        ParsedKind::List(l) => {
            let public = list_items(builder, &l.public);
            let private = l.private.value().and_then(|v| list_items(builder, v));
            let enc = encryption(builder, &l.private);
            let o = p::List::create(
                builder,
                l.identifier.as_deref(),
                l.title.as_deref(),
                l.description.as_deref(),
                l.image.as_deref(),
                public,
                private,
                enc,
                count(l.skipped.len()),
            );
            p::ParsedBody::create_list(builder, o)
        }
        ParsedKind::ZapRequest(z) => {
            let o = zap_request(builder, z);
            p::ParsedBody::create_zap_request(builder, o)
        }
        ParsedKind::ZapReceipt(z) => {
            let event = event_pointer_opt(builder, z.event.as_ref());
            let address = address_pointer_opt(builder, z.address.as_ref());
            let request = z.request.as_ref().map(|r| zap_request(builder, r));
            let problems: Vec<&str> = match &z.validity {
                ZapValidity::Valid => Vec::new(),
                ZapValidity::Invalid(rs) => rs.iter().map(zap_problem_label).collect(),
            };
            let problems = strings(builder, &problems);
            let source = match z.amount_source {
                None => p::AmountSource::Unknown,
                Some(AmountSource::Request) => p::AmountSource::Request,
                Some(AmountSource::Invoice) => p::AmountSource::Invoice,
            };
            let o = p::ZapReceipt::create(
                builder,
                z.bolt11.as_str(),
                z.amount_msat,
                source,
                z.sender.map(fb::Bytes32::from),
                fb::Bytes32::from(z.recipient),
                event,
                address,
                z.preimage.as_deref(),
                request,
                matches!(z.validity, ZapValidity::Valid),
                problems,
            );
            p::ParsedBody::create_zap_receipt(builder, o)
        }
        ParsedKind::Wallet(w) => {
            let public = strings(builder, &w.public_mints);
            let enc = encryption(builder, &w.private);
            let secrets = w.private.value();
            let mints = secrets.and_then(|s| strings(builder, &s.mints));
            let has_privkey = secrets.is_some_and(|s| s.privkey.is_some());
            let o = p::Wallet::create(builder, public, enc, mints, has_privkey);
            p::ParsedBody::create_wallet(builder, o)
        }
        ParsedKind::Token(t) => {
            let enc = encryption(builder, &t.content);
            let v = t.content.value();
            let prs = v.and_then(|c| proofs(builder, &c.proofs));
            let deleted: Option<Vec<fb::Bytes32>> = v
                .filter(|c| !c.deleted.is_empty())
                .map(|c| c.deleted.iter().map(|id| fb::Bytes32::from(*id)).collect());
            let o = p::Token::create(
                builder,
                enc,
                v.map(|c| c.mint.as_str()),
                v.map(|c| c.unit.as_str()),
                prs,
                deleted,
                v.map_or(0, |c| c.skipped),
            );
            p::ParsedBody::create_token(builder, o)
        }
        ParsedKind::SpendingHistory(h) => {
            let public = history(builder, &h.public);
            let private = h.private.value().map(|d| history(builder, d));
            let enc = encryption(builder, &h.private);
            let o =
                p::SpendingHistory::create(builder, public, private, enc, count(h.skipped.len()));
            p::ParsedBody::create_spending_history(builder, o)
        }
        ParsedKind::Nutzap(n) => {
            let event = event_pointer_opt(builder, n.event.as_ref());
            let prs = proofs(builder, &n.proofs);
            let o = p::Nutzap::create(
                builder,
                n.mint.as_str(),
                fb::Bytes32::from(n.recipient),
                event,
                n.target_kind.map(|k| k.0),
                prs,
                n.amount,
                n.unit.as_str(),
                n.comment.as_str(),
                count(n.skipped.len()),
            );
            p::ParsedBody::create_nutzap(builder, o)
        }
        ParsedKind::NutzapInfo(n) => {
            let relays = strings(builder, &n.relays);
            let mints: Vec<_> = n
                .mints
                .iter()
                .map(|m| {
                    let units = strings(builder, &m.units);
                    p::MintInfo::create(builder, m.url.as_str(), units)
                })
                .collect();
            let mints = vec_or_none(builder, &mints);
            let o = p::NutzapInfo::create(
                builder,
                relays,
                mints,
                n.p2pk_pubkey.as_deref(),
                count(n.skipped.len()),
            );
            p::ParsedBody::create_nutzap_info(builder, o)
        }
        ParsedKind::RelayList(r) => {
            let relays = relay_entries(builder, &r.relays);
            let o = p::RelayList::create(builder, relays, count(r.skipped.len()));
            p::ParsedBody::create_relay_list(builder, o)
        }
        ParsedKind::Comment(c) => {
            let root = comment_scope(builder, &c.root);
            let parent = comment_scope(builder, &c.parent);
            let blocks = content_blocks(builder, &c.content_blocks, &event.content, &event.tags);
            let o = p::Comment::create(builder, root, parent, blocks);
            p::ParsedBody::create_comment(builder, o)
        }
        ParsedKind::LongForm(l) => {
            let hashtags = strings(builder, &l.hashtags);
            let blocks = markdown_blocks(builder, &l.blocks);
            let o = p::LongForm::create(
                builder,
                l.identifier.as_str(),
                l.draft,
                l.title.as_deref(),
                l.summary.as_deref(),
                l.image.as_deref(),
                l.published_at.map(|t| t.0),
                hashtags,
                blocks,
            );
            p::ParsedBody::create_long_form(builder, o)
        }
        ParsedKind::BadgeAward(b) => {
            let definition = address_pointer(builder, &b.definition);
            let awardees = profile_pointers(builder, &b.awardees);
            let o = p::BadgeAward::create(builder, definition, awardees, count(b.skipped.len()));
            p::ParsedBody::create_badge_award(builder, o)
        }
        ParsedKind::Picture(x) => {
            let images = media_files(builder, &x.images);
            let hashtags = strings(builder, &x.hashtags);
            let people = profile_pointers(builder, &x.people);
            let blocks = content_blocks(builder, &x.content_blocks, &event.content, &event.tags);
            let o = p::Picture::create(
                builder,
                x.title.as_deref(),
                images,
                x.content_warning.is_some(),
                x.content_warning.as_deref().filter(|w| !w.is_empty()),
                x.location.as_deref(),
                x.geohash.as_deref(),
                hashtags,
                people,
                blocks,
                count(x.skipped.len()),
            );
            p::ParsedBody::create_picture(builder, o)
        }
        ParsedKind::Video(v) => {
            let variants = media_files(builder, &v.variants);
            let tracks: Vec<_> = v
                .text_tracks
                .iter()
                .map(|t| {
                    p::TextTrack::create(
                        builder,
                        t.url.as_str(),
                        t.track_type.as_deref(),
                        t.language.as_deref(),
                    )
                })
                .collect();
            let tracks = vec_or_none(builder, &tracks);
            let segments: Vec<_> = v
                .segments
                .iter()
                .map(|s| {
                    p::VideoSegment::create(
                        builder,
                        s.start_ms,
                        s.end_ms,
                        s.title.as_deref(),
                        s.thumbnail.as_deref(),
                    )
                })
                .collect();
            let segments = vec_or_none(builder, &segments);
            let hashtags = strings(builder, &v.hashtags);
            let participants = profile_pointers(builder, &v.participants);
            let references = strings(builder, &v.references);
            let blocks = content_blocks(builder, &v.content_blocks, &event.content, &event.tags);
            let o = p::Video::create(
                builder,
                v.short,
                v.title.as_deref(),
                variants,
                v.published_at.map(|t| t.0),
                v.alt.as_deref(),
                v.duration_ms,
                v.content_warning.is_some(),
                v.content_warning.as_deref().filter(|w| !w.is_empty()),
                tracks,
                segments,
                hashtags,
                participants,
                references,
                blocks,
                count(v.skipped.len()),
            );
            p::ParsedBody::create_video(builder, o)
        }
        ParsedKind::Poll(x) => {
            let options: Vec<_> = x
                .options
                .iter()
                .map(|o| p::PollOption::create(builder, o.id.as_str(), o.label.as_str()))
                .collect();
            let options = vec_or_none(builder, &options);
            let relays = strings(builder, &x.relays);
            let poll_type = match x.poll_type {
                PollType::SingleChoice => p::PollType::SingleChoice,
                PollType::MultipleChoice => p::PollType::MultipleChoice,
            };
            let o = p::Poll::create(
                builder,
                options,
                poll_type,
                x.ends_at.map(|t| t.0),
                relays,
                count(x.skipped.len()),
            );
            p::ParsedBody::create_poll(builder, o)
        }
        ParsedKind::PollResponse(r) => {
            let poll = event_pointer(builder, &r.poll);
            let responses = strings(builder, &r.responses);
            let o = p::PollResponse::create(builder, poll, responses, count(r.skipped.len()));
            p::ParsedBody::create_poll_response(builder, o)
        }
        ParsedKind::LiveChatMessage(m) => {
            let activity = address_pointer(builder, &m.activity);
            let reply = event_pointer_opt(builder, m.reply.as_ref());
            let mentions = profile_pointers(builder, &m.mentions);
            let qs = quotes(builder, &m.quotes);
            let blocks = content_blocks(builder, &m.content_blocks, &event.content, &event.tags);
            let o = p::LiveChatMessage::create(
                builder,
                activity,
                reply,
                mentions,
                qs,
                blocks,
                count(m.skipped.len()),
            );
            p::ParsedBody::create_live_chat_message(builder, o)
        }
        ParsedKind::Raw => {
            let o = p::Unknown::create(builder);
            p::ParsedBody::create_unknown(builder, o)
        }
    }
}
