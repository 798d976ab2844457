//! Rounding at the edges. Amounts are `f64` in major units while they are combined; a figure is
//! rounded to cents (or a ratio to 4 decimals) only when it leaves the engine. Calculators whose
//! results must be exact to the cent (payment schedules) work in integer cents instead.
//! The policy is explained in docs/NUMBERS.md.

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
}
