//! Spending by category, from categorized transactions: the essential/discretionary split, the
//! monthly average per category, and the per-calendar-month table of the report.
//!
//! Spending in a category is its net outflow (a refund offsets a purchase), never below 0.
//! Income, transfers between own accounts and debt payments are not spending
//! ([`SpendingKind::NotSpending`]); debt payments are counted through `debts[].minPayment`.

use crate::categorize::category::{Category, SpendingKind};
use crate::money::round_cents;
use crate::profile::Transaction;
use serde::Serialize;
use std::collections::BTreeMap;

/// Net outflow per spending category over all the transactions, and its split.
pub struct SpendingTotals {
    /// Net outflow per spending category (categories with no spending are absent).
    pub by_category: BTreeMap<Category, f64>,
    /// Sum over the essential categories.
    pub essential: f64,
    /// Sum over the discretionary categories (including `uncategorized`).
    pub discretionary: f64,
}

fn net_outflows<'a>(rows: impl Iterator<Item = (&'a Transaction, Category)>) -> BTreeMap<Category, f64> {
    let mut net: BTreeMap<Category, f64> = BTreeMap::new();
    for (t, category) in rows {
        if category.spending_kind() != SpendingKind::NotSpending {
            *net.entry(category).or_insert(0.0) -= t.amount;
        }
    }
    net.retain(|_, v| *v > 0.0);
    net
}

/// Totals over every transaction; `categories[i]` is the category of `transactions[i]`.
#[inline(never)]
pub fn totals(transactions: &[Transaction], categories: &[Category]) -> SpendingTotals {
    let by_category = net_outflows(transactions.iter().zip(categories.iter().copied()));
    let sum = |kind| by_category.iter().filter(|(c, _)| c.spending_kind() == kind).map(|(_, v)| v).sum();
    SpendingTotals {
        essential: sum(SpendingKind::Essential),
        discretionary: sum(SpendingKind::Discretionary),
        by_category,
    }
}

/// Spending of one calendar month.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS), ts(export))]
#[serde(rename_all = "camelCase")]
pub struct MonthSpending {
    /// The month, `YYYY-MM`.
    pub month: String,
    /// Net outflow per spending category, in cents-rounded money, keyed by category id.
    pub by_category: BTreeMap<&'static str, f64>,
    /// Sum of `byCategory`.
    pub total: f64,
}

/// Spending per calendar month, oldest first.
#[inline(never)]
pub fn by_month(transactions: &[Transaction], categories: &[Category]) -> Vec<MonthSpending> {
    let mut months: BTreeMap<(i32, u32), Vec<(&Transaction, Category)>> = BTreeMap::new();
    for (t, c) in transactions.iter().zip(categories.iter().copied()) {
        months.entry((t.date.year(), t.date.month())).or_default().push((t, c));
    }
    months
        .into_iter()
        .map(|((year, month), rows)| {
            let net = net_outflows(rows.into_iter());
            let total = round_cents(net.values().sum());
            MonthSpending {
                month: format!("{year:04}-{month:02}"),
                by_category: net.into_iter().map(|(c, v)| (c.as_str(), round_cents(v))).collect(),
                total,
            }
        })
        .collect()
}
