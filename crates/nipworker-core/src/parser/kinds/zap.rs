//! NIP-57 zaps: kind 9734 requests and kind 9735 receipts. A receipt is read with its embedded
//! request (the `description` tag), and checked against it: the request must be a signed 9734,
//! name the same recipient and target, and ask for the amount the invoice charges.

use serde::Serialize;

use super::error::{ParseError, ParseErrorReason};
use super::pointers::{
    AddressPointer, EventPointer, address_pointer, event_pointer, kind_value, non_blank,
    parse_pubkey,
};
use super::relay_list::MAX_RELAYS;
use crate::parser::content::Bolt11Invoice;
use crate::protocol::normalize_relay_url;
use crate::protocol::{Event, Kind, PublicKey};

/// Kind 9734.
pub const ZAP_REQUEST: Kind = Kind(9734);
/// Kind 9735.
pub const ZAP_RECEIPT: Kind = Kind(9735);

/// A parsed kind 9734 zap request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ZapRequest {
    /// Who asks to zap (the request's author; a throwaway key for anonymous zaps).
    pub sender: PublicKey,
    /// Who is zapped (`p`).
    pub recipient: PublicKey,
    /// Relays the receipt should go to (normalized; invalid URLs dropped; at most
    /// [`MAX_RELAYS`], as a relay list keeps).
    pub relays: Vec<String>,
    /// Requested amount in msat (`amount`).
    pub amount_msat: Option<u64>,
    /// The recipient's LNURL (`lnurl`).
    pub lnurl: Option<String>,
    /// The zapped event (`e`).
    pub event: Option<EventPointer>,
    /// The zapped address (`a`).
    pub address: Option<AddressPointer>,
    /// The zapped event's kind (`k`).
    pub target_kind: Option<Kind>,
    /// True when the request carries an `anon` tag.
    pub anonymous: bool,
    /// The zap comment (content).
    pub comment: String,
}

/// Parses a kind 9734 zap request. It must name exactly one recipient.
pub fn parse_zap_request(event: &Event) -> Result<ZapRequest, ParseError> {
    let err = |reason| ParseError::new(ZAP_REQUEST, reason);
    let mut p_tags = event.tags_named("p");
    let p = p_tags
        .next()
        .ok_or(err(ParseErrorReason::MissingTag("p")))?;
    if p_tags.next().is_some() {
        return Err(err(ParseErrorReason::InvalidTag("p")));
    }
    let recipient = p
        .value()
        .and_then(parse_pubkey)
        .ok_or(err(ParseErrorReason::InvalidTag("p")))?;
    let relays = event
        .tags_named("relays")
        .flat_map(|t| t.as_slice().iter().skip(1))
        .filter_map(|r| normalize_relay_url(r).ok())
        .take(MAX_RELAYS)
        .collect();
    Ok(ZapRequest {
        sender: event.pubkey,
        recipient,
        relays,
        amount_msat: event
            .first_tag_value("amount")
            .and_then(|a| a.trim().parse().ok()),
        lnurl: event
            .tags_named("lnurl")
            .find_map(|t| non_blank(t, 1))
            .map(str::to_owned),
        event: event.tags_named("e").find_map(|t| event_pointer(t, 3).ok()),
        address: event.tags_named("a").find_map(|t| address_pointer(t).ok()),
        target_kind: event.tags_named("k").find_map(kind_value),
        anonymous: event.tags_named("anon").next().is_some(),
        comment: event.content.clone(),
    })
}

/// Where a receipt's amount came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AmountSource {
    /// The verified zap request's `amount` tag.
    Request,
    /// The BOLT11 invoice's amount.
    Invoice,
}

/// Why a receipt does not match its request.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case", tag = "reason")]
pub enum ZapInvalidReason {
    /// No `description` tag.
    MissingRequest,
    /// The description is not an event.
    RequestNotAnEvent,
    /// The embedded event is not kind 9734.
    RequestWrongKind,
    /// The embedded request's id or signature does not verify.
    RequestBadSignature,
    /// The embedded request breaks the 9734 rules.
    RequestInvalid {
        /// Which rule.
        error: ParseErrorReason,
    },
    /// The receipt's `p` is not the request's `p`.
    RecipientMismatch,
    /// The receipt's `e` is not the request's `e`.
    TargetMismatch,
    /// The invoice charges another amount than the request asked.
    AmountMismatch {
        /// Requested, in msat.
        requested: u64,
        /// Invoiced, in msat.
        invoiced: u64,
    },
    /// The `bolt11` tag is not an invoice (bad prefix, amount or checksum).
    InvoiceUnreadable,
    /// The invoice's description hash is not the SHA-256 of the receipt's `description` tag.
    DescriptionHashMismatch,
}

/// Whether a receipt matches its request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "status", content = "reasons")]
pub enum ZapValidity {
    /// Every check passed.
    Valid,
    /// The checks that failed.
    Invalid(Vec<ZapInvalidReason>),
}

impl ZapValidity {
    /// True when every check passed.
    pub fn is_valid(&self) -> bool {
        matches!(self, Self::Valid)
    }
}

/// A parsed kind 9735 zap receipt.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ZapReceipt {
    /// The paid invoice.
    pub bolt11: String,
    /// The amount in msat: the request's, else the invoice's.
    pub amount_msat: Option<u64>,
    /// Where `amount_msat` came from.
    pub amount_source: Option<AmountSource>,
    /// Who zapped: the verified request's author, else the receipt's `P` tag.
    pub sender: Option<PublicKey>,
    /// Who was zapped (`p`).
    pub recipient: PublicKey,
    /// The zapped event (`e`).
    pub event: Option<EventPointer>,
    /// The zapped address (`a`).
    pub address: Option<AddressPointer>,
    /// The payment preimage, if the provider published it.
    pub preimage: Option<String>,
    /// The embedded request, when it is a verified, well-formed 9734.
    pub request: Option<ZapRequest>,
    /// Whether the receipt matches its request.
    pub validity: ZapValidity,
}

/// Parses a kind 9735 receipt. It must carry a `bolt11` and a valid `p` tag; everything about
/// the embedded request is reported in `validity` rather than failing the parse.
pub fn parse_zap_receipt(event: &Event) -> Result<ZapReceipt, ParseError> {
    let err = |reason| ParseError::new(ZAP_RECEIPT, reason);
    let bolt11 = event
        .tags_named("bolt11")
        .find_map(|t| non_blank(t, 1))
        .ok_or(err(ParseErrorReason::MissingTag("bolt11")))?
        .to_owned();
    let recipient = event
        .first_tag_value("p")
        .ok_or(err(ParseErrorReason::MissingTag("p")))
        .and_then(|p| parse_pubkey(p).ok_or(err(ParseErrorReason::InvalidTag("p"))))?;
    let target = event.tags_named("e").find_map(|t| event_pointer(t, 3).ok());
    let address = event.tags_named("a").find_map(|t| address_pointer(t).ok());

    let mut problems = Vec::new();
    let request = embedded_request(event, &mut problems);
    if let Some(req) = &request {
        if req.recipient != recipient {
            problems.push(ZapInvalidReason::RecipientMismatch);
        }
        let ids = (req.event.as_ref(), target.as_ref());
        if ids.0.map(|e| e.id) != ids.1.map(|e| e.id) {
            problems.push(ZapInvalidReason::TargetMismatch);
        }
    }
    let invoiced = match Bolt11Invoice::parse(&bolt11) {
        Ok(invoice) => {
            // NIP-57: the invoice commits to the zap request through its description hash. An
            // invoice without one (older LNURL servers) is not flagged; a wrong one is.
            if let (Some(hash), Some(description)) = (
                invoice.description_hash,
                event.first_tag_value("description"),
            ) {
                use sha2::Digest;
                if sha2::Sha256::digest(description.as_bytes()).as_slice() != hash {
                    problems.push(ZapInvalidReason::DescriptionHashMismatch);
                }
            }
            invoice.amount_msat
        }
        Err(_) => {
            problems.push(ZapInvalidReason::InvoiceUnreadable);
            None
        }
    };
    let requested = request.as_ref().and_then(|r| r.amount_msat);
    if let (Some(requested), Some(invoiced)) = (requested, invoiced)
        && requested != invoiced
    {
        problems.push(ZapInvalidReason::AmountMismatch {
            requested,
            invoiced,
        });
    }
    let (amount_msat, amount_source) = match (requested, invoiced) {
        (Some(a), _) => (Some(a), Some(AmountSource::Request)),
        (None, Some(a)) => (Some(a), Some(AmountSource::Invoice)),
        (None, None) => (None, None),
    };
    let sender = request
        .as_ref()
        .map(|r| r.sender)
        .or_else(|| event.first_tag_value("P").and_then(parse_pubkey));
    Ok(ZapReceipt {
        bolt11,
        amount_msat,
        amount_source,
        sender,
        recipient,
        event: target,
        address,
        preimage: event
            .tags_named("preimage")
            .find_map(|t| non_blank(t, 1))
            .map(str::to_owned),
        request,
        validity: if problems.is_empty() {
            ZapValidity::Valid
        } else {
            ZapValidity::Invalid(problems)
        },
    })
}

/// Reads, verifies and parses the `description` request, recording why it is unusable.
fn embedded_request(event: &Event, problems: &mut Vec<ZapInvalidReason>) -> Option<ZapRequest> {
    let Some(description) = event.first_tag_value("description") else {
        problems.push(ZapInvalidReason::MissingRequest);
        return None;
    };
    let Ok(request) = serde_json::from_str::<Event>(description) else {
        problems.push(ZapInvalidReason::RequestNotAnEvent);
        return None;
    };
    if request.kind != ZAP_REQUEST {
        problems.push(ZapInvalidReason::RequestWrongKind);
        return None;
    }
    if request.verify().is_err() {
        problems.push(ZapInvalidReason::RequestBadSignature);
        return None;
    }
    match parse_zap_request(&request) {
        Ok(parsed) => Some(parsed),
        Err(e) => {
            problems.push(ZapInvalidReason::RequestInvalid { error: e.reason });
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::protocol::{EventBuilder, Keys, Tag};

    const INVOICE_2500U: &str = "lnbc2500u1pvjluezsp5zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zygspp5qqqsyqcyq5rqwzqfqqqsyqcyq5rqwzqfqqqsyqcyq5rqwzqfqypqdq5xysxxatsyp3k7enxv4jsxqzpu9qrsgquk0rl77nj30yxdy8j9vdx85fkpmdla2087ne0xh8nhedh8w27kyke0lp53ut353s06fv3qfegext0eh0ymjpf39tuven09sam30g4vgpfna3rh";

    struct Fixture {
        sender: Keys,
        recipient: PublicKey,
        note: String,
    }

    fn fixture() -> Fixture {
        Fixture {
            sender: Keys::generate(),
            recipient: Keys::generate().public_key(),
            note: hex::encode([5u8; 32]),
        }
    }

    fn request(f: &Fixture, amount: &str) -> Event {
        EventBuilder::new(ZAP_REQUEST, "great post")
            .tags([
                Tag::new(["relays", "wss://Relay.one/", "wss://two.io", "bogus"]),
                Tag::new(["amount", amount]),
                Tag::new(["lnurl", "lnurl1dp68gurn8ghj7"]),
                Tag::new(["p", &f.recipient.to_hex()]),
                Tag::new(["e", &f.note, "wss://e.io"]),
                Tag::new(["k", "1"]),
            ])
            .sign(&f.sender)
    }

    fn receipt(f: &Fixture, description: Option<String>, extra: Vec<Tag>) -> Event {
        let mut b = EventBuilder::new(ZAP_RECEIPT, "").tags([
            Tag::new(["p", &f.recipient.to_hex()]),
            Tag::new(["e", &f.note]),
            Tag::new(["bolt11", INVOICE_2500U]),
            Tag::new([
                "preimage",
                "5d006d2cf1e73c7148e7519a4c68adc81642ce0e25a432b2434c99f97344c15f",
            ]),
        ]);
        if let Some(d) = description {
            b = b.tag(Tag::new(["description", &d]));
        }
        b.tags(extra).sign(&Keys::generate())
    }

    #[test]
    fn request_fields() {
        let f = fixture();
        let r = parse_zap_request(&request(&f, "250000000")).unwrap();
        assert_eq!(r.sender, f.sender.public_key());
        assert_eq!(r.recipient, f.recipient);
        assert_eq!(r.relays, vec!["wss://relay.one", "wss://two.io"]);
        assert_eq!(r.amount_msat, Some(250_000_000));
        assert_eq!(r.lnurl.as_deref(), Some("lnurl1dp68gurn8ghj7"));
        assert_eq!(r.event.as_ref().unwrap().id.to_hex(), f.note);
        assert_eq!(r.event.unwrap().relay.as_deref(), Some("wss://e.io"));
        assert_eq!(r.target_kind, Some(Kind::TEXT_NOTE));
        assert!(!r.anonymous);
        assert_eq!(r.comment, "great post");

        let two_p = EventBuilder::new(ZAP_REQUEST, "")
            .tags([
                Tag::new(["p", &f.recipient.to_hex()]),
                Tag::new(["p", &f.recipient.to_hex()]),
            ])
            .sign(&f.sender);
        assert_eq!(
            parse_zap_request(&two_p).unwrap_err().reason,
            ParseErrorReason::InvalidTag("p")
        );
    }

    #[test]
    fn valid_receipt_takes_amount_and_sender_from_request() {
        let f = fixture();
        let req = request(&f, "250000000");
        let ev = receipt(&f, Some(req.to_json()), vec![]);
        let r = parse_zap_receipt(&ev).unwrap();
        assert_eq!(r.validity, ZapValidity::Valid);
        assert!(r.validity.is_valid());
        assert_eq!(r.amount_msat, Some(250_000_000));
        assert_eq!(r.amount_source, Some(AmountSource::Request));
        assert_eq!(r.sender, Some(f.sender.public_key()));
        assert_eq!(r.recipient, f.recipient);
        assert_eq!(r.event.as_ref().unwrap().id.to_hex(), f.note);
        assert_eq!(r.bolt11, INVOICE_2500U);
        assert!(r.preimage.is_some());
        assert_eq!(r.request.unwrap().comment, "great post");
    }

    #[test]
    fn mismatches_are_reported() {
        let f = fixture();
        let ev = receipt(&f, Some(request(&f, "1000").to_json()), vec![]);
        let r = parse_zap_receipt(&ev).unwrap();
        assert_eq!(
            r.validity,
            ZapValidity::Invalid(vec![ZapInvalidReason::AmountMismatch {
                requested: 1000,
                invoiced: 250_000_000
            }])
        );
        assert_eq!(r.amount_source, Some(AmountSource::Request));

        let other = Fixture {
            sender: Keys::generate(),
            recipient: Keys::generate().public_key(),
            note: hex::encode([6u8; 32]),
        };
        let ev = receipt(&f, Some(request(&other, "250000000").to_json()), vec![]);
        let r = parse_zap_receipt(&ev).unwrap();
        assert_eq!(
            r.validity,
            ZapValidity::Invalid(vec![
                ZapInvalidReason::RecipientMismatch,
                ZapInvalidReason::TargetMismatch
            ])
        );
    }

    #[test]
    fn bad_requests_fall_back_to_p_tag_and_invoice() {
        let f = fixture();
        let zapper = Keys::generate().public_key();
        let big_p = vec![Tag::new(["P", &zapper.to_hex()])];

        let mut forged = request(&f, "250000000");
        forged.sig.0[1] ^= 1;
        let r = parse_zap_receipt(&receipt(&f, Some(forged.to_json()), big_p.clone())).unwrap();
        assert_eq!(
            r.validity,
            ZapValidity::Invalid(vec![ZapInvalidReason::RequestBadSignature])
        );
        assert_eq!(r.sender, Some(zapper));
        assert_eq!(r.amount_msat, Some(250_000_000));
        assert_eq!(r.amount_source, Some(AmountSource::Invoice));
        assert_eq!(r.request, None);

        let note = EventBuilder::new(Kind::TEXT_NOTE, "").sign(&f.sender);
        let r = parse_zap_receipt(&receipt(&f, Some(note.to_json()), vec![])).unwrap();
        assert_eq!(
            r.validity,
            ZapValidity::Invalid(vec![ZapInvalidReason::RequestWrongKind])
        );

        let r = parse_zap_receipt(&receipt(&f, Some("{".into()), vec![])).unwrap();
        assert_eq!(
            r.validity,
            ZapValidity::Invalid(vec![ZapInvalidReason::RequestNotAnEvent])
        );

        let r = parse_zap_receipt(&receipt(&f, None, big_p)).unwrap();
        assert_eq!(
            r.validity,
            ZapValidity::Invalid(vec![ZapInvalidReason::MissingRequest])
        );

        let no_p = EventBuilder::new(ZAP_REQUEST, "").sign(&f.sender);
        let r = parse_zap_receipt(&receipt(&f, Some(no_p.to_json()), vec![])).unwrap();
        assert_eq!(
            r.validity,
            ZapValidity::Invalid(vec![ZapInvalidReason::RequestInvalid {
                error: ParseErrorReason::MissingTag("p")
            }])
        );
    }

    #[test]
    fn receipts_need_bolt11_and_p() {
        let keys = Keys::generate();
        let ev = EventBuilder::new(ZAP_RECEIPT, "").sign(&keys);
        assert_eq!(
            parse_zap_receipt(&ev).unwrap_err().reason,
            ParseErrorReason::MissingTag("bolt11")
        );
        let ev = EventBuilder::new(ZAP_RECEIPT, "")
            .tag(Tag::new(["bolt11", "lnbc1pqqq"]))
            .tag(Tag::new(["p", "zz"]))
            .sign(&keys);
        assert_eq!(
            parse_zap_receipt(&ev).unwrap_err().reason,
            ParseErrorReason::InvalidTag("p")
        );
        let ev = EventBuilder::new(ZAP_RECEIPT, "")
            .tag(Tag::new(["bolt11", "not an invoice"]))
            .tag(Tag::new(["p", &keys.public_key().to_hex()]))
            .sign(&keys);
        let r = parse_zap_receipt(&ev).unwrap();
        assert_eq!(r.amount_msat, None);
        assert_eq!(
            r.validity,
            ZapValidity::Invalid(vec![
                ZapInvalidReason::MissingRequest,
                ZapInvalidReason::InvoiceUnreadable
            ])
        );
    }

    /// BOLT #11 spec example whose `h` field is the SHA-256 of [`CAKE`].
    const INVOICE_HASHED: &str = "lnbc20m1pvjluezsp5zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zygspp5qqqsyqcyq5rqwzqfqqqsyqcyq5rqwzqfqqqsyqcyq5rqwzqfqypqhp58yjmdan79s6qqdhdzgynm4zwqd5d7xmw5fk98klysy043l2ahrqs9qrsgq7ea976txfraylvgzuxs8kgcw23ezlrszfnh8r6qtfpr6cxga50aj6txm9rxrydzd06dfeawfk6swupvz4erwnyutnjq7x39ymw6j38gp7ynn44";
    const CAKE: &str = "One piece of chocolate cake, one icecream cone, one pickle, one slice of swiss cheese, one slice of salami, one lollypop, one piece of cherry pie, one sausage, one cupcake, and one slice of watermelon";

    #[test]
    fn description_hash_must_commit_to_the_description() {
        let f = fixture();
        let with_description = |description: &str| {
            EventBuilder::new(ZAP_RECEIPT, "")
                .tags([
                    Tag::new(["p", &f.recipient.to_hex()]),
                    Tag::new(["bolt11", INVOICE_HASHED]),
                    Tag::new(["description", description]),
                ])
                .sign(&Keys::generate())
        };
        let reasons = |ev: &Event| match parse_zap_receipt(ev).unwrap().validity {
            ZapValidity::Invalid(reasons) => reasons,
            ZapValidity::Valid => Vec::new(),
        };
        // The committed text is no zap request, but the hash itself agrees.
        let agreeing = reasons(&with_description(CAKE));
        assert!(
            !agreeing.contains(&ZapInvalidReason::DescriptionHashMismatch),
            "{agreeing:?}"
        );
        let request = request(&f, "2000000000").to_json();
        let swapped = reasons(&with_description(&request));
        assert!(
            swapped.contains(&ZapInvalidReason::DescriptionHashMismatch),
            "{swapped:?}"
        );
        assert_eq!(
            parse_zap_receipt(&with_description(CAKE))
                .unwrap()
                .amount_msat,
            Some(2_000_000_000)
        );
    }
}
