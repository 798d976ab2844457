//! The sign convention of a file of no known layout, decided from its evidence (LAYOUTS.md,
//! "Sign conventions"): a running balance first, then rows whose text says they are money in.

use super::SignConvention;

/// One row's evidence: its amount as written, its balance after, its description.
pub struct Evidence<'a> {
    pub amount: f64,
    pub balance: Option<f64>,
    pub description: &'a str,
}

/// Fewest balance steps that must agree before the balance decides.
const MIN_BALANCE_STEPS: usize = 2;

/// Decides whether amounts are as written (`NegativeOut`) or purchases are positive.
pub fn decide(rows: &[Evidence]) -> SignConvention {
    let close = |x: f64, y: f64| (x - y).abs() < 0.005;
    let (mut asc_as_written, mut asc_flipped, mut desc_as_written, mut desc_flipped) = (0, 0, 0, 0);
    for pair in rows.windows(2) {
        let (Some(before), Some(after)) = (pair[0].balance, pair[1].balance) else { continue };
        // Oldest first: the later row's amount moved the balance; newest first: the earlier row's.
        asc_as_written += usize::from(close(after - before, pair[1].amount));
        asc_flipped += usize::from(close(after - before, -pair[1].amount));
        desc_as_written += usize::from(close(before - after, pair[0].amount));
        desc_flipped += usize::from(close(before - after, -pair[0].amount));
    }
    let as_written = asc_as_written.max(desc_as_written);
    let flipped = asc_flipped.max(desc_flipped);
    if as_written + flipped >= MIN_BALANCE_STEPS && as_written != flipped {
        return if as_written > flipped { SignConvention::NegativeOut } else { SignConvention::PositiveCharges };
    }
    let (mut in_positive, mut in_negative, mut other_positive, mut other_negative) = (0, 0, 0, 0);
    for row in rows {
        let positive = row.amount > 0.0;
        if super::says_money_in(row.description) {
            if positive {
                in_positive += 1
            } else {
                in_negative += 1
            }
        } else if positive {
            other_positive += 1
        } else {
            other_negative += 1
        }
    }
    if in_negative > in_positive && other_positive > other_negative {
        SignConvention::PositiveCharges
    } else {
        SignConvention::NegativeOut
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn e(amount: f64, balance: Option<f64>, description: &str) -> Evidence<'_> {
        Evidence { amount, balance, description }
    }

    #[test]
    fn balance_decides_in_either_row_order() {
        let asc = [e(-10.0, Some(90.0), "A"), e(-5.0, Some(85.0), "B"), e(20.0, Some(105.0), "C")];
        assert_eq!(decide(&asc), SignConvention::NegativeOut);
        let flipped = [e(10.0, Some(90.0), "A"), e(5.0, Some(85.0), "B"), e(-20.0, Some(105.0), "C")];
        assert_eq!(decide(&flipped), SignConvention::PositiveCharges);
        let newest_first = [e(20.0, Some(105.0), "C"), e(-5.0, Some(85.0), "B"), e(-10.0, Some(90.0), "A")];
        assert_eq!(decide(&newest_first), SignConvention::NegativeOut);
    }

    #[test]
    fn payments_and_refunds_written_negative_mean_positive_charges() {
        let card = [
            e(24.0, None, "JOES PIZZA"),
            e(-200.0, None, "PAYMENT THANK YOU"),
            e(-8.0, None, "REFUND"),
            e(61.75, None, "WALMART"),
        ];
        assert_eq!(decide(&card), SignConvention::PositiveCharges);
        let bank = [e(-24.0, None, "JOES PIZZA"), e(2000.0, None, "ACME PAYROLL"), e(-61.75, None, "WALMART")];
        assert_eq!(decide(&bank), SignConvention::NegativeOut);
        assert_eq!(decide(&[]), SignConvention::NegativeOut);
    }
}
