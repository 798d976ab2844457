//! Recurring charges and subscriptions found in categorized transactions.
//!
//! Outflows are grouped by merchant ([`merchant_key`]); a merchant is recurring when it was charged
//! at least [`MIN_OCCURRENCES`] times (2 for quarterly and yearly cadences), every gap
//! between charges falls in one cadence's window, every amount is within [`AMOUNT_TOLERANCE`] of
//! the median, and the last charge is recent (within 1.5 cadence periods of `asOf`). A recurring
//! charge in a discretionary category is a *subscription*; one in an essential category a *bill*.

use crate::categorize::category::{Category, SpendingKind};
use crate::categorize::memory::merchant_key;
use crate::date::Date;
use crate::money::round_cents;
use crate::profile::Transaction;
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};

/// Fewest charges that make a weekly, biweekly or monthly pattern (two visits a month apart to
/// the same café are not a subscription); quarterly and yearly need 2.
pub const MIN_OCCURRENCES: usize = 3;
/// Largest relative distance of an amount from the merchant's median amount.
pub const AMOUNT_TOLERANCE: f64 = 0.25;

/// How often a recurring charge comes back.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS), ts(export))]
#[serde(rename_all = "snake_case")]
pub enum Cadence {
    /// Every 5–9 days.
    Weekly,
    /// Every 12–17 days.
    Biweekly,
    /// Every 26–35 days.
    Monthly,
    /// Every 80–100 days.
    Quarterly,
    /// Every 350–380 days.
    Yearly,
}

impl Cadence {
    /// (cadence, shortest gap in days, longest gap, charges per year).
    const WINDOWS: [(Cadence, i64, i64, f64); 5] = [
        (Cadence::Weekly, 5, 9, 52.0),
        (Cadence::Biweekly, 12, 17, 26.0),
        (Cadence::Monthly, 26, 35, 12.0),
        (Cadence::Quarterly, 80, 100, 4.0),
        (Cadence::Yearly, 350, 380, 1.0),
    ];

    /// Charges per year.
    pub fn per_year(self) -> f64 {
        Cadence::WINDOWS.iter().find(|w| w.0 == self).map_or(0.0, |w| w.3)
    }

    /// The word used in messages ("monthly").
    pub fn as_str(self) -> &'static str {
        match self {
            Cadence::Weekly => "weekly",
            Cadence::Biweekly => "every two weeks",
            Cadence::Monthly => "monthly",
            Cadence::Quarterly => "quarterly",
            Cadence::Yearly => "yearly",
        }
    }

    fn of_gaps(gaps: &[i64]) -> Option<(Cadence, i64)> {
        Cadence::WINDOWS
            .iter()
            .find(|(_, lo, hi, _)| !gaps.is_empty() && gaps.iter().all(|g| g >= lo && g <= hi))
            .map(|w| (w.0, w.2))
    }
}

/// One recurring charge.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS), ts(export))]
#[serde(rename_all = "camelCase")]
pub struct RecurringCharge {
    /// The merchant key the charges are grouped by (`"netflix com"`).
    pub merchant: String,
    /// The latest charge's description as the bank wrote it (`"NETFLIX.COM"`).
    pub description: String,
    /// The category of its latest charge.
    pub category: &'static str,
    /// `subscription` (a discretionary category) or `bill` (an essential one).
    pub kind: &'static str,
    /// The latest amount charged (positive).
    pub amount: f64,
    /// How often it comes back.
    pub cadence: Cadence,
    /// amount × charges per year.
    pub yearly_cost: f64,
    /// Charges seen.
    pub occurrences: usize,
    /// Date of the latest charge.
    pub last_date: Date,
}

/// Every recurring charge, largest yearly cost first (ties by merchant).
#[inline(never)]
pub fn find(transactions: &[Transaction], categories: &[Category], as_of: Date) -> Vec<RecurringCharge> {
    let mut by_merchant: BTreeMap<String, Vec<(Date, f64, Category, &str)>> = BTreeMap::new();
    // A statement repeats its descriptions: each one's merchant key is worked out once.
    let mut keys: HashMap<&str, String> = HashMap::new();
    for (t, &c) in transactions.iter().zip(categories) {
        if t.amount >= 0.0 || c.spending_kind() == SpendingKind::NotSpending {
            continue;
        }
        let key = keys.entry(t.description.as_str()).or_insert_with(|| merchant_key(&t.description));
        if !key.is_empty() {
            by_merchant.entry(key.clone()).or_default().push((t.date, -t.amount, c, t.description.as_str()));
        }
    }
    let mut out: Vec<RecurringCharge> =
        by_merchant.into_iter().filter_map(|(m, rows)| recurring(m, rows, as_of)).collect();
    out.sort_by(|a, b| b.yearly_cost.total_cmp(&a.yearly_cost).then_with(|| a.merchant.cmp(&b.merchant)));
    out
}

fn recurring(merchant: String, mut rows: Vec<(Date, f64, Category, &str)>, as_of: Date) -> Option<RecurringCharge> {
    rows.sort_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.total_cmp(&b.1)));
    if rows.len() < 2 {
        return None;
    }
    let gaps: Vec<i64> = rows.windows(2).map(|w| w[1].0.days_since_epoch() - w[0].0.days_since_epoch()).collect();
    let (cadence, longest_gap) = Cadence::of_gaps(&gaps)?;
    if matches!(cadence, Cadence::Weekly | Cadence::Biweekly | Cadence::Monthly) && rows.len() < MIN_OCCURRENCES {
        return None;
    }
    let mut amounts: Vec<f64> = rows.iter().map(|r| r.1).collect();
    amounts.sort_by(f64::total_cmp);
    let median = amounts[amounts.len() / 2];
    if amounts.iter().any(|a| (a - median).abs() > AMOUNT_TOLERANCE * median) {
        return None;
    }
    let (last_date, amount, category, description) = rows.last().copied()?;
    if as_of.days_since_epoch() - last_date.days_since_epoch() > longest_gap * 3 / 2 {
        return None; // stopped
    }
    let kind = if category.spending_kind() == SpendingKind::Essential { "bill" } else { "subscription" };
    Some(RecurringCharge {
        merchant,
        description: description.to_string(),
        category: category.as_str(),
        kind,
        amount: round_cents(amount),
        cadence,
        yearly_cost: round_cents(amount * cadence.per_year()),
        occurrences: rows.len(),
        last_date,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tx(date: &str, description: &str, amount: f64) -> Transaction {
        Transaction {
            date: Date::parse(date).unwrap(),
            description: description.to_string(),
            amount,
            account: None,
            bank_category: None,
            mcc: None,
        }
    }

    fn run(rows: &[(&str, &str, f64, Category)], as_of: &str) -> Vec<RecurringCharge> {
        let t: Vec<Transaction> = rows.iter().map(|r| tx(r.0, r.1, r.2)).collect();
        let c: Vec<Category> = rows.iter().map(|r| r.3).collect();
        find(&t, &c, Date::parse(as_of).unwrap())
    }

    const SUB: Category = Category::Subscriptions;

    #[test]
    fn a_monthly_subscription_is_found_with_its_yearly_cost() {
        let rows = [
            ("2026-08-03", "NETFLIX.COM", -15.49, SUB),
            ("2026-09-03", "NETFLIX.COM", -15.49, SUB),
            ("2026-10-03", "NETFLIX.COM", -17.99, SUB),
        ];
        let found = run(&rows, "2026-10-31");
        assert_eq!(found.len(), 1);
        let r = &found[0];
        assert_eq!(
            (r.merchant.as_str(), r.kind, r.cadence, r.amount, r.yearly_cost),
            ("netflix com", "subscription", Cadence::Monthly, 17.99, 215.88)
        );
        assert_eq!(r.description, "NETFLIX.COM");
    }

    #[test]
    fn two_monthly_charges_irregular_gaps_varying_amounts_and_stopped_charges_are_not_recurring() {
        let two = [
            ("2026-09-16", "BLUE BOTTLE", -6.0, Category::Dining),
            ("2026-10-16", "BLUE BOTTLE", -6.0, Category::Dining),
        ];
        assert!(run(&two, "2026-10-31").is_empty());
        let gaps =
            [("2026-08-01", "GYM", -30.0, SUB), ("2026-08-20", "GYM", -30.0, SUB), ("2026-10-01", "GYM", -30.0, SUB)];
        assert!(run(&gaps, "2026-10-31").is_empty());
        let amounts = [
            ("2026-08-01", "SHOP", -30.0, SUB),
            ("2026-09-01", "SHOP", -90.0, SUB),
            ("2026-10-01", "SHOP", -30.0, SUB),
        ];
        assert!(run(&amounts, "2026-10-31").is_empty());
        let stopped =
            [("2026-03-01", "HULU", -9.0, SUB), ("2026-04-01", "HULU", -9.0, SUB), ("2026-05-01", "HULU", -9.0, SUB)];
        assert!(run(&stopped, "2026-10-31").is_empty());
    }

    #[test]
    fn yearly_and_weekly_cadences_bills_and_income_rows() {
        let rows = [
            ("2025-03-10", "AMAZON PRIME", -139.0, SUB),
            ("2026-03-10", "AMAZON PRIME", -139.0, SUB),
            ("2026-10-07", "CITY PARKING", -20.0, Category::Transport),
            ("2026-10-14", "CITY PARKING", -20.0, Category::Transport),
            ("2026-10-21", "CITY PARKING", -20.0, Category::Transport),
            ("2026-09-01", "PAYROLL", 2000.0, Category::Income),
            ("2026-10-01", "PAYROLL", 2000.0, Category::Income),
            ("2026-11-01", "PAYROLL", 2000.0, Category::Income),
        ];
        let found = run(&rows, "2026-10-31");
        let summary: Vec<(&str, Cadence, &str, f64)> =
            found.iter().map(|r| (r.merchant.as_str(), r.cadence, r.kind, r.yearly_cost)).collect();
        assert_eq!(
            summary,
            [
                ("city parking", Cadence::Weekly, "bill", 1040.0),
                ("amazon prime", Cadence::Yearly, "subscription", 139.0)
            ]
        );
    }
}
