//! BOLT11 Lightning invoices: human-readable part (network and amount) and the tagged fields a
//! client shows or checks (payment hash, description, description hash, expiry).
//!
//! The bech32 checksum is verified, and so is the cheap part of the node signature: `r` and `s`
//! must be scalars in `1..n` and the recovery id one of 0-3, else no wallet can pay it. Recovering
//! the payee key (and so checking the signature itself) is left out: it costs an EC recovery.

use bech32::primitives::decode::{CheckedHrpstring, CheckedHrpstringError, ChecksumError};
use secp256k1::Scalar;
use thiserror::Error;

use crate::protocol::nip19::LongBech32;

/// Longest invoice accepted. BOLT11 sets no limit; route hints make real invoices run to a few
/// thousand characters, and notes are bounded by the relay frame size anyway.
pub const MAX_BOLT11_LENGTH: usize = 8192;

type Bolt11Checksum = LongBech32<MAX_BOLT11_LENGTH>;

/// Timestamp (7 characters) plus signature and recovery id (104 characters).
const MIN_DATA_CHARS: usize = 7 + 104;
const SIGNATURE_CHARS: usize = 104;

const TAG_PAYMENT_HASH: u8 = 1; // p
const TAG_DESCRIPTION: u8 = 13; // d
const TAG_DESCRIPTION_HASH: u8 = 23; // h
const TAG_EXPIRY: u8 = 6; // x

/// Millisatoshis per whole bitcoin.
const MSAT_PER_BTC: u64 = 100_000_000_000;

/// The chain an invoice pays on (from its currency prefix).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Bolt11Network {
    /// `lnbc`
    Bitcoin,
    /// `lntb`
    Testnet,
    /// `lntbs`
    Signet,
    /// `lnbcrt`
    Regtest,
    /// `lnsb`
    Simnet,
}

/// A decoded BOLT11 invoice.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bolt11Invoice {
    /// The chain.
    pub network: Bolt11Network,
    /// Amount in millisatoshis; `None` for "any amount" invoices.
    pub amount_msat: Option<u64>,
    /// Creation time, seconds since the Unix epoch.
    pub timestamp: u64,
    /// The first well-formed `p` field.
    pub payment_hash: Option<[u8; 32]>,
    /// The `d` field.
    pub description: Option<String>,
    /// The `h` field (NIP-57 compares it with the zap request's hash).
    pub description_hash: Option<[u8; 32]>,
    /// The `x` field in seconds (BOLT11 default is 3600 when absent).
    pub expiry_secs: Option<u64>,
}

/// Why a string is not a usable BOLT11 invoice.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Error)]
pub enum Bolt11Error {
    /// Not a bech32 string (separator, characters, mixed case).
    #[error("malformed bech32 string")]
    Malformed,
    /// The bech32 checksum does not match.
    #[error("invalid bech32 checksum")]
    Checksum,
    /// Longer than [`MAX_BOLT11_LENGTH`].
    #[error("invoice too long")]
    TooLong,
    /// The prefix is not `ln` followed by a known currency.
    #[error("unknown invoice prefix")]
    UnknownPrefix,
    /// The amount is not digits with an optional m/u/n/p multiplier, has a leading zero, has a
    /// sub-millisatoshi `p` amount (not ending in 0), or overflows.
    #[error("invalid invoice amount")]
    InvalidAmount,
    /// Too short to hold a timestamp and a signature, or a field runs past the signature.
    #[error("truncated invoice data")]
    Truncated,
    /// The description is not UTF-8.
    #[error("invoice description is not UTF-8")]
    DescriptionUtf8,
    /// The signature's `r` or `s` is zero or not below the curve order, or its recovery id is
    /// not 0-3: no key can have signed it, so it is not a payable invoice.
    #[error("invalid invoice signature")]
    InvalidSignature,
}

impl Bolt11Invoice {
    /// Decodes an invoice (optionally prefixed by `lightning:`), verifying its bech32 checksum.
    pub fn parse(s: &str) -> Result<Self, Bolt11Error> {
        let s = strip_lightning_scheme(s).unwrap_or(s);
        if s.len() > MAX_BOLT11_LENGTH {
            return Err(Bolt11Error::TooLong);
        }
        let checked = CheckedHrpstring::new::<Bolt11Checksum>(s).map_err(|e| match e {
            CheckedHrpstringError::Checksum(ChecksumError::InvalidResidue(_)) => {
                Bolt11Error::Checksum
            }
            CheckedHrpstringError::Checksum(ChecksumError::CodeLength(_)) => Bolt11Error::TooLong,
            _ => Bolt11Error::Malformed,
        })?;
        let (network, amount_msat) = parse_hrp(checked.hrp().as_bytes())?;

        // The data part is plain ASCII bech32 characters; each maps to a 5-bit value.
        let data: Vec<u8> = checked.fe32_iter().map(|fe| fe.to_u8()).collect();
        if data.len() < MIN_DATA_CHARS {
            return Err(Bolt11Error::Truncated);
        }
        let timestamp = be_value(&data[..7]);
        let (fields, signature) = data[7..].split_at(data.len() - 7 - SIGNATURE_CHARS);
        check_signature(signature)?;

        let mut invoice = Bolt11Invoice {
            network,
            amount_msat,
            timestamp,
            payment_hash: None,
            description: None,
            description_hash: None,
            expiry_secs: None,
        };
        let mut rest = fields;
        while !rest.is_empty() {
            let [tag, hi, lo, tail @ ..] = rest else {
                return Err(Bolt11Error::Truncated);
            };
            let len = usize::from(*hi) * 32 + usize::from(*lo);
            if tail.len() < len {
                return Err(Bolt11Error::Truncated);
            }
            let (value, next) = tail.split_at(len);
            rest = next;
            match *tag {
                // BOLT11: fields of the wrong length are skipped, and the first `p` wins.
                TAG_PAYMENT_HASH if len == 52 && invoice.payment_hash.is_none() => {
                    invoice.payment_hash = to_32_bytes(value);
                }
                TAG_DESCRIPTION_HASH if len == 52 && invoice.description_hash.is_none() => {
                    invoice.description_hash = to_32_bytes(value);
                }
                TAG_DESCRIPTION if invoice.description.is_none() => {
                    let bytes = fes_to_bytes(value);
                    invoice.description =
                        Some(String::from_utf8(bytes).map_err(|_| Bolt11Error::DescriptionUtf8)?);
                }
                // More than 12 characters would overflow 64 bits.
                TAG_EXPIRY if len <= 12 && invoice.expiry_secs.is_none() => {
                    invoice.expiry_secs = Some(be_value(value));
                }
                _ => {}
            }
        }
        Ok(invoice)
    }
}

/// Checks the 65-byte `r || s || recovery id` signature without recovering the key: `r` and `s`
/// must be in `1..n` (secp256k1's order) and the recovery id in 0-3.
fn check_signature(fes: &[u8]) -> Result<(), Bolt11Error> {
    let bytes = fes_to_bytes(fes);
    let (Some(r), Some(s), Some(&recovery_id)) = (
        bytes.get(..32).and_then(|b| <[u8; 32]>::try_from(b).ok()),
        bytes.get(32..64).and_then(|b| <[u8; 32]>::try_from(b).ok()),
        bytes.get(64),
    ) else {
        return Err(Bolt11Error::Truncated);
    };
    let in_range = |x: [u8; 32]| Scalar::from_be_bytes(x).is_ok_and(|x| x != Scalar::ZERO);
    if in_range(r) && in_range(s) && recovery_id <= 3 {
        Ok(())
    } else {
        Err(Bolt11Error::InvalidSignature)
    }
}

/// Returns what follows a case-insensitive `lightning:` scheme, if present.
pub fn strip_lightning_scheme(s: &str) -> Option<&str> {
    let head = s.get(..10)?;
    if head.eq_ignore_ascii_case("lightning:") {
        s.get(10..)
    } else {
        None
    }
}

/// Splits `ln<currency><amount>` (bytes of the HRP, either case).
fn parse_hrp(hrp: &[u8]) -> Result<(Bolt11Network, Option<u64>), Bolt11Error> {
    let lower: Vec<u8> = hrp.iter().map(u8::to_ascii_lowercase).collect();
    let rest = lower
        .strip_prefix(b"ln")
        .ok_or(Bolt11Error::UnknownPrefix)?;
    // The currency is the letters before the amount's first digit.
    let split = rest
        .iter()
        .position(u8::is_ascii_digit)
        .unwrap_or(rest.len());
    let (currency, amount) = rest.split_at(split);
    let network = match currency {
        b"bc" => Bolt11Network::Bitcoin,
        b"tb" => Bolt11Network::Testnet,
        b"tbs" => Bolt11Network::Signet,
        b"bcrt" => Bolt11Network::Regtest,
        b"sb" => Bolt11Network::Simnet,
        _ => return Err(Bolt11Error::UnknownPrefix),
    };
    Ok((network, parse_amount(amount)?))
}

/// Amount in millisatoshis from `<digits>[m|u|n|p]`.
fn parse_amount(amount: &[u8]) -> Result<Option<u64>, Bolt11Error> {
    let Some((&last, init)) = amount.split_last() else {
        return Ok(None);
    };
    let (digits, multiplier) = if last.is_ascii_digit() {
        (amount, None)
    } else {
        (init, Some(last))
    };
    if digits.is_empty() || digits[0] == b'0' || !digits.iter().all(u8::is_ascii_digit) {
        return Err(Bolt11Error::InvalidAmount);
    }
    let mut value: u64 = 0;
    for &d in digits {
        value = value
            .checked_mul(10)
            .and_then(|v| v.checked_add(u64::from(d - b'0')))
            .ok_or(Bolt11Error::InvalidAmount)?;
    }
    let msat = match multiplier {
        None => value.checked_mul(MSAT_PER_BTC),
        Some(b'm') => value.checked_mul(MSAT_PER_BTC / 1_000),
        Some(b'u') => value.checked_mul(MSAT_PER_BTC / 1_000_000),
        Some(b'n') => value.checked_mul(MSAT_PER_BTC / 1_000_000_000),
        // One pico-bitcoin is a tenth of a millisatoshi: the last digit must be 0.
        Some(b'p') if value.is_multiple_of(10) => Some(value / 10),
        _ => None,
    };
    msat.map(Some).ok_or(Bolt11Error::InvalidAmount)
}

/// Big-endian value of 5-bit groups (callers pass at most 12 groups).
fn be_value(fes: &[u8]) -> u64 {
    fes.iter()
        .fold(0u64, |acc, &fe| (acc << 5) | u64::from(fe & 31))
}

/// Packs 5-bit groups into bytes, dropping the incomplete tail (BOLT11 field padding).
fn fes_to_bytes(fes: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(fes.len() * 5 / 8);
    let mut acc: u32 = 0;
    let mut bits = 0u32;
    for &fe in fes {
        acc = (acc << 5) | u32::from(fe & 31);
        bits += 5;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    out
}

fn to_32_bytes(fes: &[u8]) -> Option<[u8; 32]> {
    <[u8; 32]>::try_from(fes_to_bytes(fes).as_slice()).ok()
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;

    /// The example invoices of BOLT #11 (testdata/vectors/bolt11/11-payment-encoding.md): each
    /// `> ### title` heading is followed by the invoice on the next non-empty line.
    fn spec_examples() -> Vec<(bool, String, String)> {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../testdata/vectors/bolt11/11-payment-encoding.md"
        );
        let text = std::fs::read_to_string(path).unwrap();
        let mut out = Vec::new();
        let mut valid = true;
        let mut lines = text.lines().peekable();
        while let Some(line) = lines.next() {
            if line.starts_with("# Examples of Invalid Invoices") {
                valid = false;
            }
            let Some(title) = line
                .strip_prefix("> ### ")
                .or_else(|| line.strip_prefix("> # "))
            else {
                continue;
            };
            for next in lines.by_ref() {
                let body = next.trim_start_matches('>').trim();
                if !body.is_empty() {
                    out.push((valid, title.to_string(), body.to_string()));
                    break;
                }
            }
        }
        out
    }

    #[test]
    fn every_valid_spec_example_decodes() {
        let examples = spec_examples();
        let valid: Vec<_> = examples.iter().filter(|e| e.0).collect();
        assert_eq!(valid.len(), 16, "{valid:#?}");
        let coffee_hash = "0001020304050607080900010203040506070809000102030405060708090102";
        for (_, title, invoice) in &valid {
            let inv = Bolt11Invoice::parse(invoice).unwrap_or_else(|e| panic!("{title}: {e}"));
            assert!(inv.timestamp > 1_400_000_000, "{title}");
            let expected_network = if invoice.starts_with("lntb") {
                Bolt11Network::Testnet
            } else {
                Bolt11Network::Bitcoin
            };
            assert_eq!(inv.network, expected_network, "{title}");
            if title.contains("0.00967878534 BTC") {
                assert_eq!(inv.amount_msat, Some(967_878_534));
                assert_eq!(
                    hex::encode(inv.payment_hash.unwrap()),
                    "462264ede7e14047e9b249da94fefc47f41f7d02ee9b091815a5506bc8abf75f"
                );
                assert_eq!(inv.expiry_secs, Some(604_800));
                continue;
            }
            assert_eq!(
                hex::encode(inv.payment_hash.unwrap()),
                coffee_hash,
                "{title}"
            );
            if title.starts_with("Please make a donation") {
                assert_eq!(inv.amount_msat, None);
                assert_eq!(
                    inv.description.as_deref(),
                    Some("Please consider supporting this project")
                );
                assert_eq!(inv.timestamp, 1_496_314_658);
            } else if title.starts_with("Please send $3 for") {
                assert_eq!(inv.amount_msat, Some(250_000_000));
                assert_eq!(inv.description.as_deref(), Some("1 cup coffee"));
                assert_eq!(inv.expiry_secs, Some(60));
            } else if title.contains("nonsense") {
                assert_eq!(inv.description.as_deref(), Some("ナンセンス 1杯"));
            } else if invoice.to_ascii_lowercase().starts_with("lnbc20m")
                || invoice.starts_with("lntb20m")
            {
                assert_eq!(inv.amount_msat, Some(2_000_000_000), "{title}");
                assert_eq!(
                    hex::encode(inv.description_hash.unwrap()),
                    "3925b6f67e2c340036ed12093dd44e0368df1b6ea26c53dbe4811f58fd5db8c1",
                    "{title}"
                );
                assert_eq!(inv.description, None);
            } else if invoice.to_ascii_lowercase().starts_with("lnbc25m") {
                assert_eq!(inv.amount_msat, Some(2_500_000_000), "{title}");
                assert_eq!(inv.description.as_deref(), Some("coffee beans"), "{title}");
            } else if invoice.starts_with("lnbc10m") {
                assert_eq!(inv.amount_msat, Some(1_000_000_000));
                assert_eq!(inv.description.as_deref(), Some("payment metadata inside"));
            }
        }
    }

    #[test]
    fn invalid_spec_examples() {
        let examples = spec_examples();
        let invalid: Vec<_> = examples.iter().filter(|e| !e.0).collect();
        assert_eq!(invalid.len(), 10, "{invalid:#?}");
        for (_, title, invoice) in invalid {
            let result = Bolt11Invoice::parse(invoice);
            let expected = match title.as_str() {
                "Bech32 checksum is invalid." => Some(Bolt11Error::Checksum),
                "Malformed bech32 string (no 1)" => Some(Bolt11Error::Malformed),
                "Malformed bech32 string (mixed case)" => Some(Bolt11Error::Malformed),
                "String is too short." => Some(Bolt11Error::Truncated),
                "Invalid multiplier" => Some(Bolt11Error::InvalidAmount),
                "Invalid sub-millisatoshi precision." => Some(Bolt11Error::InvalidAmount),
                // These are invalid for a payer (signature, required fields, unknown even
                // feature bits), not for a reader showing amount and description: this decoder
                // checks only that r, s and the recovery id are in range (these are), not the
                // recovered key or feature bits, by design.
                "Same, but adding invalid unknown feature 100"
                | "Signature is not recoverable."
                | "Missing required `s` field."
                | "Non canonical signature (high-S) with 'n' field defined" => None,
                other => panic!("unexpected invalid example {other}"),
            };
            match expected {
                Some(err) => assert_eq!(result, Err(err), "{title}"),
                None => assert!(result.is_ok(), "{title}: {result:?}"),
            }
        }
    }

    #[test]
    fn amounts_and_prefixes() {
        assert_eq!(parse_amount(b""), Ok(None));
        assert_eq!(parse_amount(b"1"), Ok(Some(100_000_000_000)));
        assert_eq!(parse_amount(b"2500u"), Ok(Some(250_000_000)));
        assert_eq!(parse_amount(b"10n"), Ok(Some(1_000)));
        assert_eq!(parse_amount(b"10p"), Ok(Some(1)));
        assert_eq!(parse_amount(b"11p"), Err(Bolt11Error::InvalidAmount));
        assert_eq!(parse_amount(b"01m"), Err(Bolt11Error::InvalidAmount));
        assert_eq!(parse_amount(b"m"), Err(Bolt11Error::InvalidAmount));
        assert_eq!(parse_amount(b"1x"), Err(Bolt11Error::InvalidAmount));
        assert_eq!(
            parse_amount(b"99999999999999999999"),
            Err(Bolt11Error::InvalidAmount)
        );
        assert_eq!(
            parse_amount(b"999999999999"),
            Err(Bolt11Error::InvalidAmount)
        );
        assert_eq!(
            parse_hrp(b"lnbcrt5m"),
            Ok((Bolt11Network::Regtest, Some(500_000_000)))
        );
        assert_eq!(
            parse_hrp(b"LNTBS1U"),
            Ok((Bolt11Network::Signet, Some(100_000)))
        );
        assert_eq!(parse_hrp(b"lnurl"), Err(Bolt11Error::UnknownPrefix));
        assert_eq!(parse_hrp(b"bc"), Err(Bolt11Error::UnknownPrefix));
    }

    /// Re-encodes `invoice` with its 65-byte signature replaced by `sig` and a valid checksum.
    pub(in crate::parser::content) fn with_signature(invoice: &str, sig: &[u8; 65]) -> String {
        use bech32::primitives::iter::{ByteIterExt, Fe32IterExt};
        use bech32::{Fe32, Hrp};
        let checked = CheckedHrpstring::new::<Bolt11Checksum>(invoice).unwrap();
        let hrp = Hrp::parse(checked.hrp().as_str()).unwrap();
        let mut fes: Vec<Fe32> = checked.fe32_iter().collect();
        fes.truncate(fes.len() - SIGNATURE_CHARS);
        fes.extend(sig.iter().copied().bytes_to_fes());
        fes.into_iter()
            .with_checksum::<Bolt11Checksum>(&hrp)
            .chars()
            .collect()
    }

    /// secp256k1's group order n, big-endian.
    const ORDER: [u8; 32] = [
        0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
        0xfe, 0xba, 0xae, 0xdc, 0xe6, 0xaf, 0x48, 0xa0, 0x3b, 0xbf, 0xd2, 0x5e, 0x8c, 0xd0, 0x36,
        0x41, 0x41,
    ];

    #[test]
    fn signatures_outside_the_curve_order_are_not_payable() {
        let (_, _, coffee) = spec_examples()
            .into_iter()
            .find(|(valid, title, _)| *valid && title.starts_with("Please send $3 for"))
            .unwrap();
        let good = Bolt11Invoice::parse(&coffee).unwrap();
        let sig = |r: [u8; 32], s: [u8; 32], recid: u8| {
            let mut out = [0u8; 65];
            out[..32].copy_from_slice(&r);
            out[32..64].copy_from_slice(&s);
            out[64] = recid;
            out
        };
        let one = {
            let mut x = [0u8; 32];
            x[31] = 1;
            x
        };
        let mut below = ORDER;
        below[31] -= 1;
        // The smallest and largest valid scalars still pass: only the cheap range is checked.
        let edge = with_signature(&coffee, &sig(one, below, 1));
        assert_eq!(Bolt11Invoice::parse(&edge), Ok(good.clone()));
        for (name, bad) in [
            ("r = 0", sig([0; 32], one, 0)),
            ("s = 0", sig(one, [0; 32], 0)),
            ("r = n", sig(ORDER, one, 0)),
            ("s = n", sig(one, ORDER, 0)),
            ("r = 2^256-1", sig([0xff; 32], one, 0)),
            ("recovery id 4", sig(one, one, 4)),
        ] {
            let invoice = with_signature(&coffee, &bad);
            assert_eq!(
                Bolt11Invoice::parse(&invoice),
                Err(Bolt11Error::InvalidSignature),
                "{name}"
            );
        }
    }

    #[test]
    fn lightning_scheme() {
        let inv = "lnbc2500u1pvjluezsp5zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zygspp5qqqsyqcyq5rqwzqfqqqsyqcyq5rqwzqfqqqsyqcyq5rqwzqfqypqdq5xysxxatsyp3k7enxv4jsxqzpu9qrsgquk0rl77nj30yxdy8j9vdx85fkpmdla2087ne0xh8nhedh8w27kyke0lp53ut353s06fv3qfegext0eh0ymjpf39tuven09sam30g4vgpfna3rh";
        let a = Bolt11Invoice::parse(inv).unwrap();
        let b = Bolt11Invoice::parse(&format!("LIGHTNING:{inv}")).unwrap();
        assert_eq!(a, b);
    }
}
