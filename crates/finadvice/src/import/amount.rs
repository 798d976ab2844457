//! Amounts as banks write them: `-12.34`, `$1,234.50`, `(12.00)`, `12.00-`, `45.10 DR`,
//! `2,500.00 CR`, `-$60.00`, `£3.40`, and with a decimal comma `-1.234,56`.

/// How a file writes its decimal point, decided once from all its amounts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decimal {
    /// `1,234.56`
    Point,
    /// `1.234,56`
    Comma,
}

/// A value shows a decimal comma when it ends in a comma and one or two digits.
fn shows_comma(text: &str) -> bool {
    ends_with_separator_then_digits(text, ',')
}

fn shows_point(text: &str) -> bool {
    ends_with_separator_then_digits(text, '.')
}

fn ends_with_separator_then_digits(text: &str, separator: char) -> bool {
    let core: String = text.chars().filter(|c| c.is_ascii_digit() || *c == ',' || *c == '.').collect();
    match core.rfind(separator) {
        Some(i) => {
            let tail = &core[i + 1..];
            (1..=2).contains(&tail.len()) && tail.bytes().all(|b| b.is_ascii_digit())
        }
        None => false,
    }
}

/// Decides the decimal mark from every amount of a file: a comma only when some value shows a
/// decimal comma (`52,30`) and none shows a decimal point (`52.30`).
pub fn decide_decimal<'a>(values: impl Iterator<Item = &'a str>) -> Decimal {
    let (mut comma, mut point) = (false, false);
    for value in values {
        comma |= shows_comma(value);
        point |= shows_point(value);
    }
    if comma && !point {
        Decimal::Comma
    } else {
        Decimal::Point
    }
}

/// Why an amount could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AmountError {
    /// Nothing there (a blank amount is never 0).
    Blank,
    /// Something there that is not an amount.
    Invalid,
}

/// Reads one amount. Negative when written with `-` (before or after), in parentheses, or marked
/// `DR`/`D`; a `CR` marker is positive.
pub fn parse(text: &str, decimal: Decimal) -> Result<f64, AmountError> {
    let mut s = text.trim().to_ascii_uppercase();
    if s.is_empty() {
        return Err(AmountError::Blank);
    }
    let mut negative = false;
    for (marker, is_debit) in [("CR", false), ("DR", true)] {
        if let Some(rest) = s.strip_suffix(marker).or_else(|| s.strip_prefix(marker)) {
            s = rest.trim().to_string();
            negative ^= is_debit;
            break;
        }
    }
    for code in ["USD", "GBP", "EUR", "CAD", "AUD"] {
        if let Some(rest) = s.strip_suffix(code).or_else(|| s.strip_prefix(code)) {
            s = rest.trim().to_string();
        }
    }
    if s.starts_with('(') && s.ends_with(')') && s.len() > 2 {
        s = s[1..s.len() - 1].to_string();
        negative ^= true;
    }
    let mut cleaned = String::with_capacity(s.len());
    let mut sign_seen = false;
    for (i, c) in s.chars().enumerate() {
        match c {
            '0'..='9' => cleaned.push(c),
            '$' | '£' | '€' | ' ' | '\u{a0}' | '\'' => {}
            '-' | '\u{2212}' if !sign_seen && (cleaned.is_empty() || i == s.chars().count() - 1) => {
                negative ^= true;
                sign_seen = true;
            }
            '+' if !sign_seen && cleaned.is_empty() => sign_seen = true,
            ',' => {
                if decimal == Decimal::Comma {
                    cleaned.push('.')
                }
            }
            '.' => {
                if decimal == Decimal::Point {
                    cleaned.push('.')
                }
            }
            _ => return Err(AmountError::Invalid),
        }
    }
    if !cleaned.bytes().any(|b| b.is_ascii_digit()) || cleaned.matches('.').count() > 1 {
        return Err(AmountError::Invalid);
    }
    let value: f64 = cleaned.parse().map_err(|_| AmountError::Invalid)?;
    if !value.is_finite() || value > crate::limits::MAX_MONEY {
        return Err(AmountError::Invalid);
    }
    let value = (value * 100.0).round() / 100.0;
    Ok(if negative { -value } else { value })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(text: &str) -> Result<f64, AmountError> {
        parse(text, Decimal::Point)
    }

    #[test]
    fn the_ways_banks_write_amounts() {
        assert_eq!(p("-12.34"), Ok(-12.34));
        assert_eq!(p("$1,234.50"), Ok(1234.5));
        assert_eq!(p("(12.00)"), Ok(-12.0));
        assert_eq!(p("($120.00)"), Ok(-120.0));
        assert_eq!(p("12.00-"), Ok(-12.0));
        assert_eq!(p("45.10 DR"), Ok(-45.1));
        assert_eq!(p("$2,500.00 CR"), Ok(2500.0));
        assert_eq!(p("-$60.00"), Ok(-60.0));
        assert_eq!(p("+5"), Ok(5.0));
        assert_eq!(p("£3.40"), Ok(3.4));
        assert_eq!(parse("-1.234,56", Decimal::Comma), Ok(-1234.56));
        assert_eq!(p(""), Err(AmountError::Blank));
        assert_eq!(p("  "), Err(AmountError::Blank));
        assert_eq!(p("twelve"), Err(AmountError::Invalid));
        assert_eq!(p("1.2.3"), Err(AmountError::Invalid));
        assert_eq!(p("-"), Err(AmountError::Invalid));
        assert_eq!(p("1e400"), Err(AmountError::Invalid));
        assert_eq!(p("12-3"), Err(AmountError::Invalid));
    }

    #[test]
    fn decimal_mark_is_decided_per_file() {
        assert_eq!(decide_decimal(["-1.234,56", "3.456,78", "-52,30"].into_iter()), Decimal::Comma);
        assert_eq!(decide_decimal(["1,234", "52.30"].into_iter()), Decimal::Point);
        assert_eq!(decide_decimal(["1,234", "1,500"].into_iter()), Decimal::Point);
    }
}
