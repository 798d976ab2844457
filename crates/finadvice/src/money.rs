//! Rounding at the edges. Amounts are `f64` in major units while they are combined; a figure is
//! rounded to cents (or a ratio to 4 decimals) only when it leaves the engine. Calculators whose
//! results must be exact to the cent (payment schedules) work in integer cents instead.
//! The policy is explained in docs/NUMBERS.md. Amounts are written for people by [`money`].

/// Rounds an amount to cents, half away from zero (`2.675` is stored as 2.67499… and gives 2.67,
/// as every binary-float system does; amounts that are exact in cents are unchanged).
pub fn round_cents(amount: f64) -> f64 {
    let r = (amount * 100.0).round() / 100.0;
    if r == 0.0 {
        0.0
    } else {
        r
    } // never print -0
}

/// Rounds a ratio or rate to 4 decimals (0.1234 = 12.34%).
pub fn round_ratio(value: f64) -> f64 {
    let r = (value * 10_000.0).round() / 10_000.0;
    if r == 0.0 {
        0.0
    } else {
        r
    }
}

/// Converts an amount in major units to integer cents, rounding half away from zero.
pub fn to_cents(amount: f64) -> i64 {
    (amount * 100.0).round() as i64
}

/// Converts integer cents back to major units.
pub fn from_cents(cents: i64) -> f64 {
    cents as f64 / 100.0
}

/// An amount with its currency: `$1,234.56`, `-$80`, `€12.50`, or `1,234 JPY` for other codes.
pub fn money(amount: f64, currency: &str) -> String {
    let mut out = String::new();
    push_money(&mut out, amount, currency);
    out
}

/// Appends [`money`]'s rendering of `amount`.
pub fn push_money(out: &mut String, amount: f64, currency: &str) {
    let decimals = if ((amount * 100.0).round() / 100.0).fract() == 0.0 { 0 } else { 2 };
    let mut digits = String::with_capacity(24);
    push_group(&mut digits, amount.abs(), decimals);
    if amount < 0.0 && digits.bytes().any(|c| c.is_ascii_digit() && c != b'0') {
        out.push('-');
    }
    let symbol = match currency {
        "USD" => Some("$"),
        "CAD" => Some("CA$"),
        "AUD" => Some("A$"),
        "EUR" => Some("€"),
        "GBP" => Some("£"),
        _ => None,
    };
    match symbol {
        Some(s) => {
            out.push_str(s);
            out.push_str(&digits);
        }
        None => {
            out.push_str(&digits);
            out.push(' ');
            out.push_str(currency);
        }
    }
}

/// A number with `decimals` decimals and comma thousands separators (en-US, independent of the
/// machine's locale so output is deterministic), rounded half away from zero like
/// [`round_cents`]. Integer arithmetic, because float formatting is the slowest part
/// of rendering in wasm.
pub fn group(n: f64, decimals: usize) -> String {
    let mut out = String::new();
    push_group(&mut out, n, decimals);
    out
}

/// Appends [`group`]'s rendering of `n`.
pub fn push_group(out: &mut String, n: f64, decimals: usize) {
    let scale = 10u64.pow(decimals as u32);
    let scaled = (n.abs() * scale as f64).round();
    if !scaled.is_finite() || scaled >= 9.0e15 {
        use std::fmt::Write;
        let _ = write!(out, "{n:.decimals$}");
        return;
    }
    let scaled = scaled as u64;
    let mut int_buffer = itoa::Buffer::new();
    let int = int_buffer.format(scaled / scale);
    if n < 0.0 && scaled != 0 {
        out.push('-');
    }
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if decimals > 0 {
        let mut frac_buffer = itoa::Buffer::new();
        let frac = frac_buffer.format(scaled % scale);
        out.push('.');
        out.extend(std::iter::repeat('0').take(decimals - frac.len()));
        out.push_str(frac);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rounding() {
        assert_eq!(round_cents(1.005 + 0.001), 1.01);
        assert_eq!(round_cents(-0.001), 0.0);
        assert!(round_cents(-0.001).is_sign_positive());
        assert_eq!(round_ratio(1.0 / 3.0), 0.3333);
        assert_eq!(to_cents(19.99), 1999);
        assert_eq!(to_cents(-0.015), -2);
        assert_eq!(from_cents(123_456), 1234.56);
    }

    #[test]
    fn other_currencies_use_their_code() {
        assert_eq!(money(1500.0, "JPY"), "1,500 JPY");
        assert_eq!(money(-0.001, "EUR"), "€0");
    }

    #[test]
    fn grouping_rounds_half_away_from_zero_and_pads_decimals() {
        assert_eq!(group(0.25, 1), "0.3");
        assert_eq!(group(-1234.5, 0), "-1,235");
        assert_eq!(group(1.05, 2), "1.05");
        assert_eq!(group(1000000.0, 3), "1,000,000.000");
        assert_eq!(group(-0.004, 2), "0.00");
        assert_eq!(group(1e300, 0).len(), 301);
    }
}
