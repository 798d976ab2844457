//! Discretionary spending categories (the ones that can be cut) that grew: the latest complete calendar month against the average of the
//! complete months before it. A month is complete when it ends on or before `asOf`; the first
//! month of the transactions is left out when it does not start on the 1st (it may be partial).

use crate::categorize::category::{Category, SpendingKind};
use crate::date::{days_in_month, Date};
use crate::facts::spending::MonthSpending;
use crate::money::{round_cents, round_ratio};
use serde::Serialize;

/// One category's growth.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS), ts(export))]
#[serde(rename_all = "camelCase")]
pub struct CategoryGrowth {
    /// Category id.
    pub category: &'static str,
    /// Average monthly spending over the earlier complete months.
    pub earlier_monthly: f64,
    /// Spending in the latest complete month.
    pub latest_monthly: f64,
    /// latestMonthly − earlierMonthly.
    pub increase_monthly: f64,
    /// increaseMonthly ÷ earlierMonthly; null when nothing was spent earlier.
    pub increase_ratio: Option<f64>,
    /// The latest complete month, `YYYY-MM`.
    pub month: String,
}

/// Categories whose spending rose, largest increase first; empty with fewer than two complete months.
pub fn grown(months: &[MonthSpending], first_transaction: Option<Date>, as_of: Date) -> Vec<CategoryGrowth> {
    let complete: Vec<&MonthSpending> = months
        .iter()
        .enumerate()
        .filter(|(i, m)| {
            let Some((y, mo)) = parse_month(&m.month) else { return false };
            let ends = (y, mo, days_in_month(y, mo));
            let done = ends <= (as_of.year(), as_of.month(), as_of.day());
            let partial_start = *i == 0 && first_transaction.is_some_and(|d| d.day() > 1);
            done && !partial_start
        })
        .map(|(_, m)| m)
        .collect();
    let Some((latest, earlier)) = complete.split_last() else { return Vec::new() };
    if earlier.is_empty() {
        return Vec::new();
    }
    let mut out = Vec::new();
    for category in Category::MODEL_CLASSES.into_iter().chain([Category::Uncategorized]) {
        let id = category.as_str();
        if category.spending_kind() != SpendingKind::Discretionary {
            continue;
        }
        let before =
            earlier.iter().map(|m| m.by_category.get(id).copied().unwrap_or(0.0)).sum::<f64>() / earlier.len() as f64;
        let now = latest.by_category.get(id).copied().unwrap_or(0.0);
        let increase = round_cents(now - before);
        if increase > 0.0 {
            out.push(CategoryGrowth {
                category: id,
                earlier_monthly: round_cents(before),
                latest_monthly: round_cents(now),
                increase_monthly: increase,
                increase_ratio: (before > 0.0).then(|| round_ratio(increase / before)),
                month: latest.month.clone(),
            });
        }
    }
    out.sort_by(|a, b| b.increase_monthly.total_cmp(&a.increase_monthly).then_with(|| a.category.cmp(b.category)));
    out
}

fn parse_month(text: &str) -> Option<(i32, u32)> {
    let (y, m) = text.split_once('-')?;
    Some((y.parse().ok()?, m.parse().ok()?))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    fn month(m: &str, rows: &[(&'static str, f64)]) -> MonthSpending {
        let by_category: BTreeMap<&'static str, f64> = rows.iter().copied().collect();
        MonthSpending { month: m.to_string(), total: by_category.values().sum(), by_category }
    }

    #[test]
    fn latest_complete_month_against_the_earlier_average_discretionary_only() {
        let months = [
            month("2026-07", &[("dining", 999.0)]), // partial first month: left out
            month("2026-08", &[("dining", 100.0), ("housing", 1000.0)]),
            month("2026-09", &[("dining", 140.0), ("housing", 1000.0), ("travel", 10.0)]),
            month("2026-10", &[("dining", 300.0), ("housing", 1500.0), ("shopping", 40.0)]),
            month("2026-11", &[("dining", 900.0)]), // not complete on asOf
        ];
        let first = Date::parse("2026-07-20");
        let grown = grown(&months, first, Date::parse("2026-11-10").unwrap());
        let summary: Vec<(&str, f64, f64, Option<f64>)> =
            grown.iter().map(|g| (g.category, g.earlier_monthly, g.increase_monthly, g.increase_ratio)).collect();
        assert_eq!(
            summary,
            [("dining", 120.0, 180.0, Some(1.5)), ("shopping", 0.0, 40.0, None)],
            "housing is essential; travel fell"
        );
        assert_eq!(grown[0].month, "2026-10");
    }

    #[test]
    fn one_complete_month_is_not_enough() {
        let months = [month("2026-09", &[("dining", 100.0)]), month("2026-10", &[("dining", 300.0)])];
        assert!(grown(&months, Date::parse("2026-09-01"), Date::parse("2026-10-15").unwrap()).is_empty());
        assert_eq!(
            grown(&months, Date::parse("2026-09-01"), Date::parse("2026-10-31").unwrap()).len(),
            1,
            "asOf on the last day completes the month"
        );
    }
}
