//! Bytes of an export to text: UTF-8 (a byte-order mark dropped), else Windows-1252, the encoding
//! of most exports that are not UTF-8 (Excel on Windows, older bank back ends).

/// The characters of Windows-1252's bytes 0x80–0x9F, from the WHATWG Encoding Standard's
/// `index-windows-1252` (the five bytes it leaves undefined map to the C1 control of the same
/// value, as the standard's decoder does). Bytes below 0x80 are ASCII and 0xA0–0xFF are Latin-1.
const HIGH: [char; 32] = [
    '\u{20AC}', '\u{0081}', '\u{201A}', '\u{0192}', '\u{201E}', '\u{2026}', '\u{2020}', '\u{2021}', '\u{02C6}',
    '\u{2030}', '\u{0160}', '\u{2039}', '\u{0152}', '\u{008D}', '\u{017D}', '\u{008F}', '\u{0090}', '\u{2018}',
    '\u{2019}', '\u{201C}', '\u{201D}', '\u{2022}', '\u{2013}', '\u{2014}', '\u{02DC}', '\u{2122}', '\u{0161}',
    '\u{203A}', '\u{0153}', '\u{009D}', '\u{017E}', '\u{0178}',
];

/// The text encoding a file was read with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    /// UTF-8, with or without a byte-order mark.
    Utf8,
    /// Not valid UTF-8: read as Windows-1252.
    Windows1252,
}

/// Decodes `bytes`; never fails (every byte has a Windows-1252 reading).
pub fn decode(bytes: &[u8]) -> (String, Encoding) {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => (text.to_string(), Encoding::Utf8),
        Err(_) => (bytes.iter().map(|&b| windows_1252(b)).collect(), Encoding::Windows1252),
    }
}

fn windows_1252(byte: u8) -> char {
    match byte {
        0x80..=0x9F => HIGH[usize::from(byte - 0x80)],
        _ => char::from(byte),
    }
}

/// Collapses runs of whitespace to one space and trims (bank memos pad with spaces and tabs).
pub fn squeeze(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A merchant category code as the profile takes it: four digits (ISO 18245). Exports pad it
/// (U.S. Bank writes `05814`) or give OFX's `SIC`; anything that is not a number of at most four
/// significant digits is not a code.
pub fn mcc(text: &str) -> Option<String> {
    let digits = text.trim();
    if digits.is_empty() || digits.len() > 6 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let code: u32 = digits.parse().ok()?;
    (code <= 9999).then(|| format!("{code:04}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_bom_and_windows_1252() {
        assert_eq!(decode(b"\xEF\xBB\xBFcaf\xC3\xA9"), ("café".to_string(), Encoding::Utf8));
        assert_eq!(
            decode(b"CAF\xC9 \x80 \xA3 \x93x\x94"),
            ("CAFÉ € £ \u{201C}x\u{201D}".to_string(), Encoding::Windows1252)
        );
        assert_eq!(squeeze("  TESCO   STORES\t3021  "), "TESCO STORES 3021");
    }

    #[test]
    fn merchant_category_codes() {
        assert_eq!(mcc("5411").as_deref(), Some("5411"));
        assert_eq!(mcc(" 05814 ").as_deref(), Some("5814"));
        assert_eq!(mcc("742").as_deref(), Some("0742"));
        for bad in ["", "54a1", "123456", "99999", "-541"] {
            assert_eq!(mcc(bad), None, "{bad:?}");
        }
    }
}
