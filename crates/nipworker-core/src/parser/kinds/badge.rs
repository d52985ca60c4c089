//! NIP-58 kind 8 badge awards: the badge definition they award (an `a` pointer, usually to a
//! kind 30009 definition, or NIP-97-style to a 30402 listing or 31922 calendar event) and the
//! awarded profiles with their relay hints.

use std::collections::HashSet;

use serde::Serialize;

use super::error::{ParseError, ParseErrorReason, SkipReason, Skipped};
use super::pointers::{AddressPointer, ProfilePointer, address_pointer, profile_pointer};
use crate::protocol::{Event, Kind};

/// Kind 8.
pub const BADGE_AWARD: Kind = Kind(8);

/// Kind 30009, the NIP-58 badge definition.
pub const BADGE_DEFINITION: Kind = Kind(30009);

/// Most awardees kept: a hostile award cannot grow a result without bound.
pub const MAX_AWARDEES: usize = 10_000;

/// A parsed kind 8 badge award.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BadgeAward {
    /// What is awarded: the first `a` tag naming an addressable event.
    pub definition: AddressPointer,
    /// Who receives it (`p` tags, with relay hints), in tag order, without repeats.
    pub awardees: Vec<ProfilePointer>,
    /// Tags left out, with why.
    pub skipped: Vec<Skipped>,
}

impl BadgeAward {
    /// True when the award points at a NIP-58 badge definition (kind 30009) rather than another
    /// addressable event (a NIP-97-style award of a listing or calendar event).
    pub fn is_badge_definition(&self) -> bool {
        self.definition.coordinate.kind == BADGE_DEFINITION
    }
}

/// Parses a kind 8 event. Fails without an addressable `a` tag or without a valid `p` tag.
pub fn parse_badge_award(event: &Event) -> Result<BadgeAward, ParseError> {
    let mut definition = None;
    let mut awardees: Vec<ProfilePointer> = Vec::new();
    // A set, so a megabyte of `p` tags costs linear time, not a scan of the list per tag.
    let mut seen = HashSet::new();
    let mut skipped = Vec::new();
    for (i, tag) in event.tags.iter().enumerate() {
        match tag.name() {
            Some("a") if definition.is_none() => match address_pointer(tag) {
                Ok(a) if a.coordinate.kind.is_addressable() => definition = Some(a),
                Ok(_) => skipped.push(Skipped::tag(i, SkipReason::InvalidCoordinate)),
                Err(reason) => skipped.push(Skipped::tag(i, reason)),
            },
            Some("p") => match profile_pointer(tag) {
                Ok(p) if seen.contains(&p.pubkey) => {
                    skipped.push(Skipped::tag(i, SkipReason::Duplicate));
                }
                Ok(_) if awardees.len() >= MAX_AWARDEES => {
                    skipped.push(Skipped::tag(i, SkipReason::OverLimit));
                }
                Ok(p) => {
                    seen.insert(p.pubkey);
                    awardees.push(p);
                }
                Err(reason) => skipped.push(Skipped::tag(i, reason)),
            },
            _ => {}
        }
    }
    let definition = definition.ok_or(ParseError::new(
        BADGE_AWARD,
        ParseErrorReason::MissingTag("a"),
    ))?;
    if awardees.is_empty() {
        return Err(ParseError::new(
            BADGE_AWARD,
            ParseErrorReason::MissingTag("p"),
        ));
    }
    Ok(BadgeAward {
        definition,
        awardees,
        skipped,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::protocol::{EventBuilder, Keys, Tag};

    fn award(tags: Vec<Tag>) -> Result<BadgeAward, ParseError> {
        let ev = EventBuilder::new(BADGE_AWARD, "")
            .tags(tags)
            .sign(&Keys::generate());
        parse_badge_award(&ev)
    }

    #[test]
    fn reads_definition_and_awardees() {
        let issuer = Keys::generate().public_key().to_hex();
        let (a, b) = (
            Keys::generate().public_key().to_hex(),
            Keys::generate().public_key().to_hex(),
        );
        let got = award(vec![
            Tag::new(["a", "1:zz:x"]),
            Tag::new(["a", &format!("30009:{issuer}:bravery"), "wss://badges.io"]),
            Tag::new(["a", &format!("30009:{issuer}:ignored")]),
            Tag::new(["p", &a, "wss://a.relay"]),
            Tag::new(["p", &b]),
            Tag::new(["p", &a]),
            Tag::new(["p", "nope"]),
        ])
        .unwrap();
        assert!(got.is_badge_definition());
        assert_eq!(got.definition.coordinate.identifier, "bravery");
        assert_eq!(got.definition.relay.as_deref(), Some("wss://badges.io"));
        let who: Vec<_> = got.awardees.iter().map(|p| p.pubkey.to_hex()).collect();
        assert_eq!(who, vec![a.clone(), b]);
        assert_eq!(got.awardees[0].relay.as_deref(), Some("wss://a.relay"));
        let reasons: Vec<_> = got.skipped.iter().map(|s| s.reason).collect();
        assert_eq!(
            reasons,
            vec![
                SkipReason::InvalidCoordinate,
                SkipReason::Duplicate,
                SkipReason::InvalidPubkey
            ]
        );

        // NIP-97-style: a listing awarded like a badge.
        let listing = award(vec![
            Tag::new(["a", &format!("30402:{issuer}:sale")]),
            Tag::new(["p", &a]),
        ])
        .unwrap();
        assert!(!listing.is_badge_definition());
        assert_eq!(listing.definition.coordinate.kind, Kind(30402));
        // A replaceable (non-addressable) kind is no definition.
        assert_eq!(
            award(vec![
                Tag::new(["a", &format!("10000:{issuer}:")]),
                Tag::new(["p", &a]),
            ])
            .unwrap_err()
            .reason,
            ParseErrorReason::MissingTag("a")
        );
        assert_eq!(
            award(vec![Tag::new(["a", &format!("30009:{issuer}:x")])])
                .unwrap_err()
                .reason,
            ParseErrorReason::MissingTag("p")
        );
    }
}
