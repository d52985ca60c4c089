//! NIP-88 polls: kind 1068 asks (options, single or multiple choice, end time, the relays that
//! take the answers) and kind 1018 answers (the poll it answers and the chosen option ids).

use serde::Serialize;

use super::error::{ParseError, ParseErrorReason, SkipReason, Skipped};
use super::pointers::{EventPointer, event_pointer, non_blank};
use crate::protocol::{Event, Kind, Timestamp, normalize_relay_url};

/// Kind 1068.
pub const POLL: Kind = Kind(1068);

/// Kind 1018.
pub const POLL_RESPONSE: Kind = Kind(1018);

/// Most options, relays or responses kept per event.
pub const MAX_POLL_ENTRIES: usize = 256;

/// How many options a voter may choose.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PollType {
    /// One option (`singlechoice`, the NIP-88 default).
    #[default]
    SingleChoice,
    /// Any number of options (`multiplechoice`).
    MultipleChoice,
}

/// One `["option", id, label]`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PollOption {
    /// The id responses name.
    pub id: String,
    /// What voters see.
    pub label: String,
}

/// A parsed kind 1068 poll.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Poll {
    /// The question: the event's content.
    pub question: String,
    /// The options, in tag order, ids unique.
    pub options: Vec<PollOption>,
    /// `polltype`.
    pub poll_type: PollType,
    /// `endsAt`: after this, responses no longer count.
    pub ends_at: Option<Timestamp>,
    /// `relay` tags: where responses are to be sent and read, normalized.
    pub relays: Vec<String>,
    /// Tags left out, with why.
    pub skipped: Vec<Skipped>,
}

impl Poll {
    /// The option with this id.
    pub fn option(&self, id: &str) -> Option<&PollOption> {
        self.options.iter().find(|o| o.id == id)
    }

    /// True when a response made at `at` is too late to count.
    pub fn is_closed_at(&self, at: Timestamp) -> bool {
        self.ends_at.is_some_and(|end| at > end)
    }
}

/// A parsed kind 1018 poll response.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PollResponse {
    /// The poll answered (`e`).
    pub poll: EventPointer,
    /// The `response` option ids, in tag order, without repeats.
    pub responses: Vec<String>,
    /// Tags left out, with why.
    pub skipped: Vec<Skipped>,
}

impl PollResponse {
    /// The options that count under `poll_type`: NIP-88 counts only the first response of a
    /// single-choice poll.
    pub fn chosen(&self, poll_type: PollType) -> &[String] {
        match poll_type {
            PollType::SingleChoice => self.responses.get(..1).unwrap_or(&[]),
            PollType::MultipleChoice => &self.responses,
        }
    }
}

/// Parses a kind 1068 event. Fails without a readable `option` tag.
pub fn parse_poll(event: &Event) -> Result<Poll, ParseError> {
    let mut poll = Poll {
        question: event.content.clone(),
        options: Vec::new(),
        poll_type: PollType::default(),
        ends_at: None,
        relays: Vec::new(),
        skipped: Vec::new(),
    };
    let mut typed = false;
    let mut timed = false;
    for (i, tag) in event.tags.iter().enumerate() {
        let reason = match tag.name() {
            Some("option") => match (non_blank(tag, 1), tag.get(2)) {
                (Some(id), Some(label)) => {
                    // The cap first: past it, no tag pays for a scan of the kept options.
                    if poll.options.len() >= MAX_POLL_ENTRIES {
                        Some(SkipReason::OverLimit)
                    } else if poll.options.iter().any(|o| o.id == id) {
                        Some(SkipReason::Duplicate)
                    } else {
                        poll.options.push(PollOption {
                            id: id.to_owned(),
                            label: label.to_owned(),
                        });
                        None
                    }
                }
                _ => Some(SkipReason::MissingValue),
            },
            Some("polltype") if !typed => {
                typed = true;
                match non_blank(tag, 1) {
                    Some("singlechoice") => None,
                    Some("multiplechoice") => {
                        poll.poll_type = PollType::MultipleChoice;
                        None
                    }
                    _ => Some(SkipReason::UnknownValue),
                }
            }
            Some("endsAt") if !timed => {
                timed = true;
                match non_blank(tag, 1).map(str::parse::<u64>) {
                    Some(Ok(t)) => {
                        poll.ends_at = Some(Timestamp(t));
                        None
                    }
                    _ => Some(SkipReason::InvalidNumber),
                }
            }
            Some("relay") => match non_blank(tag, 1).map(normalize_relay_url) {
                Some(Ok(_)) if poll.relays.len() >= MAX_POLL_ENTRIES => Some(SkipReason::OverLimit),
                Some(Ok(url)) if poll.relays.contains(&url) => Some(SkipReason::Duplicate),
                Some(Ok(url)) => {
                    poll.relays.push(url);
                    None
                }
                _ => Some(SkipReason::InvalidRelayUrl),
            },
            _ => None,
        };
        if let Some(reason) = reason {
            poll.skipped.push(Skipped::tag(i, reason));
        }
    }
    if poll.options.is_empty() {
        return Err(ParseError::new(
            POLL,
            ParseErrorReason::MissingTag("option"),
        ));
    }
    Ok(poll)
}

/// Parses a kind 1018 event. Fails without an `e` tag naming the poll; a response without
/// `response` tags is a valid, empty vote.
pub fn parse_poll_response(event: &Event) -> Result<PollResponse, ParseError> {
    let mut poll = None;
    let mut responses: Vec<String> = Vec::new();
    let mut skipped = Vec::new();
    for (i, tag) in event.tags.iter().enumerate() {
        match tag.name() {
            Some("e") if poll.is_none() => match event_pointer(tag, 3) {
                Ok(p) => poll = Some(p),
                Err(reason) => skipped.push(Skipped::tag(i, reason)),
            },
            Some("response") => match non_blank(tag, 1) {
                Some(_) if responses.len() >= MAX_POLL_ENTRIES => {
                    skipped.push(Skipped::tag(i, SkipReason::OverLimit));
                }
                Some(id) if responses.iter().any(|r| r == id) => {
                    skipped.push(Skipped::tag(i, SkipReason::Duplicate));
                }
                Some(id) => responses.push(id.to_owned()),
                None => skipped.push(Skipped::tag(i, SkipReason::MissingValue)),
            },
            _ => {}
        }
    }
    let poll = poll.ok_or(ParseError::new(
        POLL_RESPONSE,
        ParseErrorReason::MissingTag("e"),
    ))?;
    Ok(PollResponse {
        poll,
        responses,
        skipped,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::protocol::{EventBuilder, Keys, Tag};

    #[test]
    fn reads_a_poll() {
        let ev = EventBuilder::new(POLL, "Pineapple on pizza?")
            .tags([
                Tag::new(["option", "qj518h583", "Yay"]),
                Tag::new(["option", "gga6cdnqj", "Nay"]),
                Tag::new(["option", "qj518h583", "Again"]),
                Tag::new(["option", "x"]),
                Tag::new(["relay", "wss://Relay.Example.com/"]),
                Tag::new(["relay", "relay.example.com"]),
                Tag::new(["polltype", "multiplechoice"]),
                Tag::new(["endsAt", "1720097117"]),
            ])
            .sign(&Keys::generate());
        let p = parse_poll(&ev).unwrap();
        assert_eq!(p.question, "Pineapple on pizza?");
        let labels: Vec<_> = p.options.iter().map(|o| o.label.as_str()).collect();
        assert_eq!(labels, vec!["Yay", "Nay"]);
        assert_eq!(p.option("gga6cdnqj").map(|o| o.label.as_str()), Some("Nay"));
        assert_eq!(p.relays, vec!["wss://relay.example.com"]);
        assert_eq!(p.poll_type, PollType::MultipleChoice);
        assert_eq!(p.ends_at, Some(Timestamp(1_720_097_117)));
        assert!(p.is_closed_at(Timestamp(1_720_097_118)));
        assert!(!p.is_closed_at(Timestamp(1_720_097_117)));
        let reasons: Vec<_> = p.skipped.iter().map(|s| s.reason).collect();
        assert_eq!(
            reasons,
            vec![
                SkipReason::Duplicate,
                SkipReason::MissingValue,
                SkipReason::InvalidRelayUrl
            ]
        );

        let single = EventBuilder::new(POLL, "?")
            .tags([
                Tag::new(["option", "a", "A"]),
                Tag::new(["polltype", "rankedchoice"]),
            ])
            .sign(&Keys::generate());
        let p = parse_poll(&single).unwrap();
        assert_eq!(p.poll_type, PollType::SingleChoice);
        assert_eq!(p.skipped[0].reason, SkipReason::UnknownValue);

        let empty = EventBuilder::new(POLL, "?").sign(&Keys::generate());
        assert_eq!(
            parse_poll(&empty).unwrap_err().reason,
            ParseErrorReason::MissingTag("option")
        );
    }

    #[test]
    fn hostile_polls_are_bounded() {
        let tags: Vec<Tag> = (0..MAX_POLL_ENTRIES + 40)
            .map(|i| Tag::new(["option", &format!("o{i}"), "x"]))
            .collect();
        let ev = EventBuilder::new(POLL, "?")
            .tags(tags)
            .sign(&Keys::generate());
        let p = parse_poll(&ev).unwrap();
        assert_eq!(p.options.len(), MAX_POLL_ENTRIES);
        assert_eq!(p.skipped.len(), 40);
        assert!(p.skipped.iter().all(|s| s.reason == SkipReason::OverLimit));
    }

    #[test]
    fn reads_a_response() {
        let id = hex::encode([7u8; 32]);
        let ev = EventBuilder::new(POLL_RESPONSE, "")
            .tags([
                Tag::new(["e", &id, "wss://r.io"]),
                Tag::new(["response", "gga6cdnqj"]),
                Tag::new(["response", "m3agjsdq1"]),
                Tag::new(["response", "gga6cdnqj"]),
                Tag::new(["response", ""]),
            ])
            .sign(&Keys::generate());
        let r = parse_poll_response(&ev).unwrap();
        assert_eq!(r.poll.id.to_hex(), id);
        assert_eq!(r.poll.relay.as_deref(), Some("wss://r.io"));
        assert_eq!(r.responses, vec!["gga6cdnqj", "m3agjsdq1"]);
        assert_eq!(r.chosen(PollType::SingleChoice), ["gga6cdnqj"]);
        assert_eq!(r.chosen(PollType::MultipleChoice).len(), 2);
        assert_eq!(r.skipped.len(), 2);

        let orphan = EventBuilder::new(POLL_RESPONSE, "")
            .tag(Tag::new(["response", "a"]))
            .sign(&Keys::generate());
        assert_eq!(
            parse_poll_response(&orphan).unwrap_err().reason,
            ParseErrorReason::MissingTag("e")
        );
    }
}
