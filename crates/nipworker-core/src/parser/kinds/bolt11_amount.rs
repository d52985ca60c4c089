//! The amount in a BOLT11 invoice's human-readable part (`lnbc2500u1...` is 250,000 sat), in
//! millisatoshis. Only the prefix is read: no checksum or tagged fields (the content parser
//! owns the full BOLT11 reader).

/// Why the amount could not be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum AmountError {
    /// Not `ln` + currency + optional amount + `1` + data.
    NotAnInvoice,
    /// An amount that is malformed, overflows, or is not a whole number of msat.
    InvalidAmount,
}

/// The invoice amount in msat, `Ok(None)` for an invoice without an amount.
pub(crate) fn amount_msat(invoice: &str) -> Result<Option<u64>, AmountError> {
    let invoice = invoice.trim();
    let invoice = invoice
        .get(..10)
        .filter(|p| p.eq_ignore_ascii_case("lightning:"))
        .map_or(invoice, |_| &invoice[10..]);
    // The separator is the last '1': the data part uses bech32 characters, which exclude '1'.
    let sep = invoice.rfind('1').ok_or(AmountError::NotAnInvoice)?;
    let hrp = &invoice[..sep];
    let rest = hrp
        .get(..2)
        .filter(|p| p.eq_ignore_ascii_case("ln"))
        .map(|_| &hrp[2..])
        .ok_or(AmountError::NotAnInvoice)?;
    let digits_at = rest
        .find(|c: char| c.is_ascii_digit())
        .unwrap_or(rest.len());
    let (currency, amount) = rest.split_at(digits_at);
    if currency.is_empty() || !currency.bytes().all(|b| b.is_ascii_alphabetic()) {
        return Err(AmountError::NotAnInvoice);
    }
    if amount.is_empty() {
        return Ok(None);
    }
    let (number, multiplier) = match amount.as_bytes()[amount.len() - 1] {
        b'0'..=b'9' => (amount, None),
        // Checked ASCII so slicing off one byte stays on a char boundary.
        m if m.is_ascii_alphabetic() => (&amount[..amount.len() - 1], Some(m.to_ascii_lowercase())),
        _ => return Err(AmountError::InvalidAmount),
    };
    if number.is_empty() || !number.bytes().all(|b| b.is_ascii_digit()) {
        return Err(AmountError::InvalidAmount);
    }
    let n: u64 = number.parse().map_err(|_| AmountError::InvalidAmount)?;
    // 1 BTC = 10^11 msat; each multiplier divides that.
    let msat = match multiplier {
        None => n.checked_mul(100_000_000_000),
        Some(b'm') => n.checked_mul(100_000_000),
        Some(b'u') => n.checked_mul(100_000),
        Some(b'n') => n.checked_mul(100),
        // A pico-bitcoin is a tenth of a msat: only multiples of ten are valid.
        Some(b'p') if n.is_multiple_of(10) => Some(n / 10),
        _ => None,
    };
    msat.map(Some).ok_or(AmountError::InvalidAmount)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bolt11_spec_examples() {
        // Invoices from the BOLT #11 examples section.
        let cases = [
            (
                "lnbc1pvjluezsp5zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zygspp5qqqsyqcyq5rqwzqfqqqsyqcyq5rqwzqfqqqsyqcyq5rqwzqfqypqdpl2pkx2ctnv5sxxmmwwd5kgetjypeh2ursdae8g6twvus8g6rfwvs8qun0dfjkxaq9qrsgq357wnc5r2ueh7ck6q93dj32dlqnls087fxdwk8qakdyafkq3yap9us6v52vjjsrvywa6rt52cm9r9zqt8r2t7mlcwspyetp5h2tztugp9lfyql",
                None,
            ),
            (
                "lnbc2500u1pvjluezsp5zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zygspp5qqqsyqcyq5rqwzqfqqqsyqcyq5rqwzqfqqqsyqcyq5rqwzqfqypqdq5xysxxatsyp3k7enxv4jsxqzpu9qrsgquk0rl77nj30yxdy8j9vdx85fkpmdla2087ne0xh8nhedh8w27kyke0lp53ut353s06fv3qfegext0eh0ymjpf39tuven09sam30g4vgpfna3rh",
                Some(250_000_000),
            ),
            ("lnbc20m1pvjluezpp5qqqsyqcyq5rq", Some(2_000_000_000)),
            ("lntb20m1pvjluezhp58yjmdan79s6q", Some(2_000_000_000)),
            ("lnbcrt10n1pqwerty", Some(1_000)),
            ("lnbc9678785340p1pwmna7lpp5gc3xfm08u9", Some(967_878_534)),
            ("LNBC2500U1PVJLUEZ", Some(250_000_000)),
            ("lightning:lnbc1u1pqqq", Some(100_000)),
            ("lnbc21pqqq", Some(200_000_000_000)),
        ];
        for (invoice, want) in cases {
            assert_eq!(amount_msat(invoice), Ok(want), "{invoice}");
        }
    }

    #[test]
    fn malformed_amounts() {
        let cases = [
            ("lnbc2500x1pqqq", AmountError::InvalidAmount),
            ("lnbc1p1pqqq", AmountError::InvalidAmount),
            ("lnbc99999999999999999999m1pqqq", AmountError::InvalidAmount),
            ("lnbc25é1pqqq", AmountError::InvalidAmount),
            ("lnbc2é5u1pqqq", AmountError::InvalidAmount),
            ("bc2500u1pqqq", AmountError::NotAnInvoice),
            ("", AmountError::NotAnInvoice),
            ("ln1qqq", AmountError::NotAnInvoice),
            ("lnbc25u0u1q", AmountError::InvalidAmount),
        ];
        for (invoice, want) in cases {
            assert_eq!(amount_msat(invoice), Err(want), "{invoice}");
        }
    }
}
